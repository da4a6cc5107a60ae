import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { objectiveSchema, policyDraftSchema, policySchema } from '../../../schemas/management.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { createResourceService, resourceRoutes } from '../../platform/resource/tenant-resource.js';
import { enterpriseToday, objectiveSpec, objectivesOfYear } from './objectives.service.js';
import { approvePolicy, getPolicy, saveDraft } from './policy.service.js';

const tags = ['management'];
/** The policy is approved by the top manager (seed 000 三(一): "经过最高管理者批准"). */
export const policyApproverRoles = ['principal'] as const;

const actorOf = (auth: AuthContext | null) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });

export function managementRoutes(deps: AppDeps): AnyRouteDef[] {
  const objectives = objectiveSpec(deps);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/ohs-objective-progress',
      access: { kind: 'tenant', roles: allRoles },
      summary: "A year's objectives with current value, state against target and the figure's source",
      tags,
      query: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: z.object({ year: z.number(), items: z.array(objectiveSchema) }),
      handler: async ({ auth, query, locale }) => {
        const enterpriseId = requireTenant(auth).enterpriseId;
        const year = query.year ?? Number((await enterpriseToday(deps.db, enterpriseId, deps.clock.now())).slice(0, 4));
        return { year, items: await objectivesOfYear(deps, enterpriseId, year, locale) };
      },
    }),
    ...resourceRoutes(objectives, createResourceService(deps, objectives)),
    defineRoute({
      method: 'GET',
      url: '/api/v1/ohs-policy',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The policy: version in force, open draft, all versions, and a drafted text with the four commitments',
      tags,
      response: policySchema,
      handler: async ({ auth, locale }) => getPolicy(deps.db, requireTenant(auth).enterpriseId, locale),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/ohs-policy/draft',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Save the draft (opens the next version when none is open; approved versions are never changed)',
      tags,
      body: policyDraftSchema,
      response: policySchema,
      successStatus: 200,
      handler: async ({ auth, body, locale }) => saveDraft(deps, actorOf(auth), body.text, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/ohs-policy/approve',
      access: { kind: 'tenant', roles: policyApproverRoles },
      summary: 'The principal approves the draft; the previous version becomes superseded',
      tags,
      response: policySchema,
      successStatus: 200,
      handler: async ({ auth, locale }) => approvePolicy(deps, actorOf(auth), locale),
    }),
  ];
}
