import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { pointCallCardInputSchema, pointCallCardSchema, pointCallSpotCheckInputSchema } from '../../../schemas/point-and-call.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { getPointCallCard, type PointCallActor, pointCallEditorRoles, recordSpotCheck, requireLivePost, savePointCallCard } from './point-and-call.service.js';

const tags = ['frontline'];
const actorOf = (auth: AuthContext | null): PointCallActor => {
  const tenant = requireTenant(auth);
  return { userId: requireUser(auth).userId, enterpriseId: tenant.enterpriseId, role: tenant.role };
};

export function pointAndCallRoutes(deps: AppDeps): AnyRouteDef[] {
  const save = lateBody(pointCallCardInputSchema);
  const spot = lateBody(pointCallSpotCheckInputSchema);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/posts/:id/point-call-card',
      access: { kind: 'tenant', roles: allRoles },
      summary: "The post's 手指口述 card (a draft from its before/during/after measures until saved), its people and the spot checks",
      tags,
      params: idParamsSchema,
      response: pointCallCardSchema,
      handler: async ({ auth, params }) => getPointCallCard(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/posts/:id/point-call-card',
      access: { kind: 'tenant', roles: pointCallEditorRoles },
      summary: "Save the card's ordered steps (body names the revision edited; an older one is 409); the first save adds the post's 手指口述抽查 inspection item",
      tags,
      params: idParamsSchema,
      body: save.body,
      response: pointCallCardSchema,
      handler: async (ctx) => {
        await requireLivePost(deps.db, requireTenant(ctx.auth).enterpriseId, ctx.params.id);
        return savePointCallCard(deps, actorOf(ctx.auth), ctx.params.id, save.parse(ctx));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/posts/:id/point-call-spot-checks',
      access: { kind: 'tenant', roles: pointCallEditorRoles },
      summary: "A team leader's spot check under the post's inspection item: who performed the card, correct or not (insert-only)",
      tags,
      params: idParamsSchema,
      body: spot.body,
      response: pointCallCardSchema,
      handler: async (ctx) => {
        await requireLivePost(deps.db, requireTenant(ctx.auth).enterpriseId, ctx.params.id);
        return recordSpotCheck(deps, actorOf(ctx.auth), ctx.params.id, spot.parse(ctx));
      },
    }),
  ];
}
