import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, type EnterpriseRole } from '../../../schemas/auth.js';
import {
  capaActionCreateSchema,
  capaActionDoneSchema,
  capaAnalysisSchema,
  capaCheckSchema,
  capaCreateSchema,
  capaDetailSchema,
  capaHazardLinkSchema,
  capaIndicatorsSchema,
  capaListQuerySchema,
  capaRiskCheckSchema,
  capaSchema,
} from '../../../schemas/capa.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { lateRecordBody } from './late-record.js';
import { findCapa } from './capa.repository.js';
import { capaIndicators } from './capa-due-items.service.js';
import { createCapa, getCapa, pageCapas } from './capa.service.js';
import { addAction, checkEffectiveness, completeAction, linkHazardToCapa, recordRiskCheck, saveAnalysis } from './capa-steps.service.js';

const tags = ['improvement'];
/** Who plans, checks and closes corrective actions: the managers and department heads (and the consultant). */
export const capaWriterRoles = ['principal', 'safety_manager', 'dept_head', 'consultant'] as const satisfies readonly EnterpriseRole[];
const readRoles = allRoles.filter((r) => r !== 'worker');

const actorOf = (auth: AuthContext | null) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });

export function capaRoutes(deps: AppDeps): AnyRouteDef[] {
  const write = { kind: 'tenant' as const, roles: capaWriterRoles };
  const late = lateRecordBody(deps, 'capa', findCapa);
  const analysis = late(capaAnalysisSchema);
  const action = late(capaActionCreateSchema);
  const risk = late(capaRiskCheckSchema);
  const done = late(capaActionDoneSchema);
  const check = late(capaCheckSchema);
  const hazard = late(capaHazardLinkSchema);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/capas',
      access: { kind: 'tenant', roles: readRoles },
      summary: 'Nonconformities and corrective actions, newest first (filter by status, source, open)',
      tags,
      query: capaListQuerySchema,
      response: pageSchema(capaSchema),
      handler: async ({ auth, query }) => pageCapas(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/capa-indicators',
      access: { kind: 'tenant', roles: readRoles },
      summary: 'Corrective actions raised in a period by source, open, verifying, ineffective, overdue actions',
      tags,
      query: z.strictObject({ from: z.iso.datetime(), to: z.iso.datetime() }),
      response: capaIndicatorsSchema,
      handler: async ({ auth, query }) => capaIndicators(deps, requireTenant(auth).enterpriseId, { from: new Date(query.from), to: new Date(query.to) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/capas/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One record with its actions, effectiveness checks and linked hazards',
      tags,
      params: idParamsSchema,
      response: capaDetailSchema,
      handler: async ({ auth, params, locale }) => getCapa(deps, requireTenant(auth).enterpriseId, params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/capas',
      access: write,
      summary: 'Raise a nonconformity by hand (an accident or near miss, a monitoring result, a review, other)',
      tags,
      body: capaCreateSchema,
      response: capaDetailSchema,
      handler: async ({ auth, body, locale }) => createCapa(deps, actorOf(auth), body, locale),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/capas/:id/analysis',
      access: write,
      summary: 'Root-cause analysis (5 whys or fishbone), the root cause and the days before the effectiveness check',
      tags,
      params: idParamsSchema,
      body: analysis.body,
      response: capaDetailSchema,
      successStatus: 200,
      handler: async (ctx) => {
        const body = await analysis.parse(ctx);
        const { auth, params, locale } = ctx;
        return saveAnalysis(deps, actorOf(auth), params.id, body, locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/capas/:id/actions',
      access: write,
      summary: 'Add a corrective or preventive action (owner, deadline); after an ineffective check it opens the next round',
      tags,
      params: idParamsSchema,
      body: action.body,
      response: capaDetailSchema,
      handler: async (ctx) => {
        const body = await action.parse(ctx);
        const { auth, params, locale } = ctx;
        return addAction(deps, actorOf(auth), params.id, body, locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/capas/:id/risk-check',
      access: write,
      summary: 'The risk check before implementing: the new risks the actions bring (seed 000 五(一))',
      tags,
      params: idParamsSchema,
      body: risk.body,
      response: capaDetailSchema,
      successStatus: 200,
      handler: async (ctx) => {
        const body = await risk.parse(ctx);
        const { auth, params, locale } = ctx;
        return recordRiskCheck(deps, actorOf(auth), params.id, body, locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/capas/:id/action-done',
      access: { kind: 'tenant', roles: allRoles.filter((r) => r !== 'regulator') },
      summary: "Mark an action done (its owner or a manager); the round's last one sets the effectiveness check's day",
      tags,
      params: idParamsSchema,
      body: done.body,
      response: capaDetailSchema,
      successStatus: 200,
      handler: async (ctx) => {
        const body = await done.parse(ctx);
        const { auth, params, locale } = ctx;
        return completeAction(deps, { ...actorOf(auth), isManager: (capaWriterRoles as readonly string[]).includes(requireTenant(auth).role) }, params.id, body.actionId, body.note, locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/capas/:id/checks',
      access: write,
      summary: 'The effectiveness check, by someone other than the owners, on or after its day; ineffective escalates',
      tags,
      params: idParamsSchema,
      body: check.body,
      response: capaDetailSchema,
      handler: async (ctx) => {
        const body = await check.parse(ctx);
        const { auth, params, locale } = ctx;
        return checkEffectiveness(deps, actorOf(auth), params.id, body, locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/capas/:id/hazards',
      access: write,
      summary: 'Link a hazard the record raised (the hazard stays a hazard)',
      tags,
      params: idParamsSchema,
      body: hazard.body,
      response: capaDetailSchema,
      successStatus: 200,
      handler: async (ctx) => {
        const body = await hazard.parse(ctx);
        const { auth, params, locale } = ctx;
        return linkHazardToCapa(deps, actorOf(auth), params.id, body.hazardId, locale);
      },
    }),
  ];
}
