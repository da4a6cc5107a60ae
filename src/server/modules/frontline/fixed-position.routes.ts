import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { fixedPositionDeviationInputSchema, fixedPositionDeviationResultSchema, fixedPositionPlanInputSchema, fixedPositionPlanSchema } from '../../../schemas/fixed-position.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { signOffWriterRoles } from '../../platform/sign-off/sign-off.routes.js';
import { type FixedPositionActor, fixedPositionEditorRoles, getFixedPositionPlan, reportDeviation, requireLiveArea, saveFixedPositionPlan } from './fixed-position.service.js';

const tags = ['frontline'];
const actorOf = (auth: AuthContext | null): FixedPositionActor => {
  const tenant = requireTenant(auth);
  return { userId: requireUser(auth).userId, enterpriseId: tenant.enterpriseId, role: tenant.role };
};

export function fixedPositionRoutes(deps: AppDeps): AnyRouteDef[] {
  const save = lateBody(fixedPositionPlanInputSchema);
  const deviation = lateBody(fixedPositionDeviationInputSchema);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/areas/:id/fixed-position-plan',
      access: { kind: 'tenant', roles: allRoles },
      summary: "定置管理 of an area: marked positions on the floor plan, the rule, the checking post's inspection item",
      tags,
      params: idParamsSchema,
      response: fixedPositionPlanSchema,
      handler: async ({ auth, params }) => getFixedPositionPlan(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/areas/:id/fixed-position-plan',
      access: { kind: 'tenant', roles: fixedPositionEditorRoles },
      summary: "Save the area's positions and rule (body: ruleText, postId, positions, revision); the checking post gets a weekly 定置检查 inspection item",
      tags,
      params: idParamsSchema,
      body: save.body,
      response: fixedPositionPlanSchema,
      handler: async (ctx) => {
        await requireLiveArea(deps.db, requireTenant(ctx.auth).enterpriseId, ctx.params.id);
        return saveFixedPositionPlan(deps, actorOf(ctx.auth), ctx.params.id, save.parse(ctx));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/areas/:id/fixed-position-deviations',
      access: { kind: 'tenant', roles: signOffWriterRoles },
      summary: 'A marked position found off its place (body: positionIndex, note, photoIds, clientId) becomes a reported hazard of the area; a replayed clientId returns the same hazard',
      tags,
      params: idParamsSchema,
      body: deviation.body,
      response: fixedPositionDeviationResultSchema,
      handler: async (ctx) => {
        await requireLiveArea(deps.db, requireTenant(ctx.auth).enterpriseId, ctx.params.id);
        const r = await reportDeviation(deps, actorOf(ctx.auth), ctx.params.id, deviation.parse(ctx));
        ctx.reply.status(r.isNew ? 201 : 200);
        return r;
      },
    }),
  ];
}
