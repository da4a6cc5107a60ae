import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { type DueItemDto, dueItemListSchema, dueItemQuerySchema } from '../../../schemas/due-items.js';
import { findPersonAndPostsOfMember } from '../../modules/auth/auth.service.js';
import { fieldError } from '../http/validation.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../http/route.js';
import { collectDueItems, type DueItemProvider } from './due-items.js';

const day = 86_400_000;
/** More than a year of weekly and monthly items for a small enterprise; shift tasks are narrowed by `kind`. */
export const dueItemListLimit = 1000;

export function dueItemRoutes(deps: AppDeps, providers: readonly DueItemProvider[]): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/due-items',
      access: { kind: 'tenant', roles: allRoles },
      summary: "What is due in the enterprise (every feature's due dates), earliest first; workers see their own",
      tags: ['due-items'],
      query: dueItemQuerySchema,
      response: dueItemListSchema,
      handler: async ({ auth, query, locale }) => {
        const { enterpriseId, role } = requireTenant(auth);
        const now = deps.clock.now();
        const from = query.from ? new Date(query.from) : new Date(now.getTime() - 30 * day);
        const to = query.to ? new Date(query.to) : new Date(now.getTime() + 90 * day);
        if (to < from) throw fieldError('to', { 'zh-CN': '结束时间不能早于开始时间', 'en-US': 'The end (to) is before the start (from)' });
        let personId: string | undefined;
        if (query.mine || role === 'worker') {
          const held = await findPersonAndPostsOfMember(deps, requireUser(auth).userId, enterpriseId);
          if (!held.personId) return { items: [], isTruncated: false };
          personId = held.personId;
        }
        const r = await collectDueItems(deps, providers, enterpriseId, { from, to, personId }, { kind: query.kind, status: query.status, limit: dueItemListLimit });
        return {
          items: r.items.map((i): DueItemDto => ({ ...i, title: i.title[locale] })),
          isTruncated: r.isTruncated,
        };
      },
    }),
  ];
}
