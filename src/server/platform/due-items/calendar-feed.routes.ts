import { calendarFeedRoles } from '../../../schemas/due-items.js';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { notFound } from '../http/app-error.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../http/route.js';
import { calendarFeedText, createCalendarFeed, getCalendarFeedState, revokeCalendarFeed } from './calendar-feed.js';
import type { DueItemProvider } from './due-items.js';

const tags = ['due-items'];
/** Everyone with due items of their own; a regulator reads, it keeps no calendar of the enterprise. */
const feedRoles = calendarFeedRoles;
const stateSchema = z.object({ isActive: z.boolean(), createdAt: z.string().nullable() });
const createdSchema = z.object({ path: z.string(), createdAt: z.string() });
const feedFile = /^([A-Za-z0-9_-]{43})\.ics$/;

export function calendarFeedRoutes(deps: AppDeps, providers: readonly DueItemProvider[]): AnyRouteDef[] {
  const owner = (auth: Parameters<typeof requireUser>[0]) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/calendar-feed',
      access: { kind: 'tenant', roles: allRoles },
      summary: "Whether the caller has a live .ics feed of their due items (the URL itself is shown only when made)",
      tags,
      response: stateSchema,
      handler: async ({ auth }) => getCalendarFeedState(deps, owner(auth)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/calendar-feed',
      access: { kind: 'tenant', roles: feedRoles },
      summary: 'Make the caller a new secret .ics feed URL (path, shown once); an earlier one stops working',
      tags,
      response: createdSchema,
      handler: async ({ auth }) => createCalendarFeed(deps, owner(auth)),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/calendar-feed',
      access: { kind: 'tenant', roles: feedRoles },
      summary: "Revoke the caller's .ics feed",
      tags,
      successStatus: 204,
      handler: async ({ auth }) => {
        await revokeCalendarFeed(deps, owner(auth));
        return null;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/calendar-feeds/:file',
      access: { kind: 'public' },
      summary: 'A person’s due items as an iCalendar feed (RFC 5545), for a phone calendar; the secret token is the file name (<token>.ics)',
      tags,
      params: z.object({ file: z.string().max(100) }),
      produces: 'text/calendar',
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      handler: async ({ params, reply }) => {
        const token = feedFile.exec(params.file)?.[1];
        const text = token ? await calendarFeedText(deps, providers, token) : null;
        if (text === null) throw notFound('calendar_feed');
        return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-cache').send(text);
      },
    }),
  ];
}
