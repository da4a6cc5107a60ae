import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import {
  evaluationCreateSchema,
  evaluationHistoryDtoSchema,
  measureCreateSchema,
  measureFullDtoSchema,
  measureUpdateSchema,
  riskCreateSchema,
  riskDetailDtoSchema,
  riskListItemDtoSchema,
  riskOverviewDtoSchema,
  riskRegisterQuerySchema,
  riskRejectSchema,
  riskUpdateSchema,
  specialControlPlanInputSchema,
} from '../../../schemas/risks.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { type AnyRouteDef, defineRoute, type RouteContext, requireTenant, requireUser } from '../../platform/http/route.js';
import { lateBody } from '../../platform/http/late-body.js';
import { parseOrThrow } from '../../platform/http/validation.js';
import { addMeasure, archiveMeasure, assertMeasureExists, getMeasure, updateMeasure } from './control-measures.service.js';
import { addEvaluation, listEvaluations } from './risk-evaluation.service.js';
import {
  acceptRisk,
  archiveRisk,
  assertMayProposeAtAll,
  createRisk,
  proposerRoles,
  rejectRisk,
  updateRisk,
} from './risk-identification.service.js';
import { getRiskDetail, getRiskOverview, getRiskRow, listRisks } from './risk-read.service.js';
import { putSpecialControlPlan } from './special-control-plan.service.js';

const tags = ['risks'];

const writer = (auth: AuthContext | null) => {
  const tenant = requireTenant(auth);
  return { userId: requireUser(auth).userId, enterpriseId: tenant.enterpriseId, role: tenant.role };
};

export function riskRoutes(deps: AppDeps): AnyRouteDef[] {
  const { db } = deps;
  const exists = (auth: AuthContext | null, id: string) => getRiskRow(db, requireTenant(auth).enterpriseId, id);
  const create = lateBody(riskCreateSchema);
  const reject = lateBody(riskRejectSchema);
  const patch = lateBody(riskUpdateSchema);
  const evaluate = lateBody(evaluationCreateSchema);
  const measure = lateBody(measureCreateSchema);
  const measurePatch = lateBody(measureUpdateSchema);
  const plan = lateBody(specialControlPlanInputSchema);
  const detail = riskDetailDtoSchema;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/risks',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Risk register (keyset pages); controlTier lists the risks that tier controls, its own and every higher tier’s',
      tags,
      query: riskRegisterQuerySchema,
      response: pageSchema(riskListItemDtoSchema),
      handler: async ({ auth, query }) => listRisks(db, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/risk-overview',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Counts by level, posts by level, uncontrolled risks, risks due for review',
      tags,
      response: riskOverviewDtoSchema,
      handler: async ({ auth }) => getRiskOverview(db, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/risks/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One risk with its measures (hierarchy order, grouped by phase or duty item), evaluations, special plan and history',
      tags,
      params: idParamsSchema,
      response: detail,
      handler: async ({ auth, params, locale }) => getRiskDetail(db, requireTenant(auth).enterpriseId, params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/risks',
      access: { kind: 'tenant', roles: [...managerRoles, ...proposerRoles] },
      summary: 'Identify a risk (managers: accepted) or propose one for a post you hold (workers, team leaders: proposed)',
      tags,
      body: create.body,
      response: detail,
      handler: async (ctx) => {
        const actor = writer(ctx.auth);
        await assertMayProposeAtAll(deps, actor);
        return createRisk(deps, actor, create.parse(ctx), ctx.locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/risks/:id/accept',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Accept a proposed risk',
      tags,
      params: idParamsSchema,
      response: detail,
      successStatus: 200,
      handler: async ({ auth, params, locale }) => acceptRisk(deps, writer(auth), params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/risks/:id/reject',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Reject a proposed risk, with the reason',
      tags,
      params: idParamsSchema,
      body: reject.body,
      response: detail,
      successStatus: 200,
      handler: async (ctx) => {
        await exists(ctx.auth, ctx.params.id);
        return rejectRisk(deps, writer(ctx.auth), ctx.params.id, reject.parse(ctx).reason, ctx.locale);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/risks/:id',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Change identification (re-identification clears the review flag), control tier or responsible person',
      tags,
      params: idParamsSchema,
      body: patch.body,
      response: detail,
      handler: async (ctx) => {
        await exists(ctx.auth, ctx.params.id);
        return updateRisk(deps, writer(ctx.auth), ctx.params.id, patch.parse(ctx), ctx.locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/risks/:id/archive',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Archive a risk with its measures and inspection items',
      tags,
      params: idParamsSchema,
      response: detail,
      successStatus: 200,
      handler: async ({ auth, params, locale }) => archiveRisk(deps, writer(auth), params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/risks/:id/evaluations',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Re-evaluate (inherent or residual); kept as history with the reason',
      tags,
      params: idParamsSchema,
      body: evaluate.body,
      response: detail,
      handler: async (ctx) => {
        await exists(ctx.auth, ctx.params.id);
        return addEvaluation(deps, writer(ctx.auth), ctx.params.id, evaluate.parse(ctx), ctx.locale);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/risks/:id/evaluations',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Evaluation history: who, when, why, level before and after (newest first)',
      tags,
      params: idParamsSchema,
      response: z.object({ items: z.array(evaluationHistoryDtoSchema) }),
      handler: async ({ auth, params, locale }) => listEvaluations(deps, requireTenant(auth).enterpriseId, params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/risks/:id/measures',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Add a control measure with the inspection item it becomes',
      tags,
      params: idParamsSchema,
      body: measure.body,
      response: detail,
      handler: async (ctx) => {
        await exists(ctx.auth, ctx.params.id);
        return addMeasure(deps, writer(ctx.auth), ctx.params.id, measure.parse(ctx), ctx.locale);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/risks/:id/special-control-plan',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Set the special control plan of a 重大 / 较大 risk (seed 001 Art. 10)',
      tags,
      params: idParamsSchema,
      body: plan.body,
      response: detail,
      handler: async (ctx) => {
        await exists(ctx.auth, ctx.params.id);
        return putSpecialControlPlan(deps, writer(ctx.auth), ctx.params.id, plan.parse(ctx), ctx.locale);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/control-measures/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One control measure with its inspection items',
      tags,
      params: idParamsSchema,
      response: measureFullDtoSchema,
      handler: async ({ auth, params }) => getMeasure(db, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/control-measures/:id',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Change a control measure and its inspection item',
      tags,
      params: idParamsSchema,
      body: measurePatch.body,
      response: measureFullDtoSchema,
      handler: async (ctx) => {
        await assertMeasureExists(db, requireTenant(ctx.auth).enterpriseId, ctx.params.id);
        return updateMeasure(deps, writer(ctx.auth), ctx.params.id, measurePatch.parse(ctx));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/control-measures/:id/archive',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Archive a control measure and its inspection items',
      tags,
      params: idParamsSchema,
      response: measureFullDtoSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => archiveMeasure(deps, writer(auth), params.id),
    }),
  ];
}
