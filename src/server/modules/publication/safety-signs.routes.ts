import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import { safetySignInputSchema, safetySignOverviewSchema, safetySignQuerySchema, safetySignSchema, safetySignUpdateSchema } from '../../../schemas/safety-signs.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import {
  archiveSafetySign,
  createSafetySign,
  getSafetySign,
  getSafetySignOverview,
  listSafetySigns,
  type SignActor,
  safetySignEditorRoles,
  updateSafetySign,
} from './safety-signs.service.js';

const tags = ['publication'];
const actorOf = (auth: AuthContext | null): SignActor => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });

export function safetySignRoutes(deps: AppDeps): AnyRouteDef[] {
  const create = lateBody(safetySignInputSchema);
  const patch = lateBody(safetySignUpdateSchema);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/safety-signs',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The register of safety signs (GB 2894 categories), newest first; filter by areaId',
      tags,
      query: safetySignQuerySchema,
      response: pageSchema(safetySignSchema),
      handler: async ({ auth, query }) => listSafetySigns(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/safety-signs/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One registered safety sign',
      tags,
      params: idParamsSchema,
      response: safetySignSchema,
      handler: async ({ auth, params }) => getSafetySign(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/safety-sign-overview',
      access: { kind: 'tenant', roles: allRoles },
      summary: '较大/重大 places (areas, equipment) without a 警告 sign (seed 001 第十一条), and each area’s sign-check inspection item',
      tags,
      response: safetySignOverviewSchema,
      handler: async ({ auth }) => getSafetySignOverview(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/safety-signs',
      access: { kind: 'tenant', roles: safetySignEditorRoles },
      summary: "Register a sign in an area or on equipment; the area's monthly sign check (an inspection item of the checking post, run once the list is published) names it",
      tags,
      body: create.body,
      response: safetySignSchema,
      handler: async (ctx) => createSafetySign(deps, actorOf(ctx.auth), create.parse(ctx)),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/safety-signs/:id',
      access: { kind: 'tenant', roles: safetySignEditorRoles },
      summary: 'Change a sign’s name, location, quantity, photo or installation date',
      tags,
      params: idParamsSchema,
      body: patch.body,
      response: safetySignSchema,
      handler: async (ctx) => {
        await getSafetySign(deps, requireTenant(ctx.auth).enterpriseId, ctx.params.id);
        return updateSafetySign(deps, actorOf(ctx.auth), ctx.params.id, patch.parse(ctx));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/safety-signs/:id/archive',
      access: { kind: 'tenant', roles: safetySignEditorRoles },
      summary: 'A sign taken down (kept as archived); the last sign of an area archives its check item',
      tags,
      params: idParamsSchema,
      successStatus: 200,
      response: safetySignSchema,
      handler: async ({ auth, params }) => archiveSafetySign(deps, actorOf(auth), params.id),
    }),
  ];
}
