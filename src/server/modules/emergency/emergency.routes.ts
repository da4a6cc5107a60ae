import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import {
  cadenceSchema,
  draftUpdateSchema,
  drillListQuerySchema,
  drillPlanSchema,
  drillProgrammeSchema,
  drillRecordSchema,
  drillReviewInputSchema,
  drillSchema,
  firstStepsSchema,
  planCreateSchema,
  planDetailSchema,
  planListQuerySchema,
  planSchema,
  postEmergencyCardSchema,
  revisionCreateSchema,
  scenarioProposalSchema,
  supplyCheckResultSchema,
} from '../../../schemas/emergency.js';
import { docxMime } from '../../platform/exports/docx-builder.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { createResourceService, resourceRoutes } from '../../platform/resource/tenant-resource.js';
import { buildPlanDocx, getPostEmergencyCard, putFirstSteps } from './emergency-card.service.js';
import { getCadence, getDrill, getProgramme, planDrill, putCadence, recordDrillHeld, reviewDrill } from './emergency-drills.service.js';
import { approvePlan, createPlan, getPlanDetail, listPlans, proposeScenarios, revisePlan, updateDraft, withdrawPlan } from './emergency-plans.service.js';
import { checkSupplies, contactSpec, supplySpec } from './emergency-supplies.service.js';

const tags = ['emergency'];
/** Approval by the principal (issue 13: "versions, approval by the principal"). */
export const planApproverRoles = ['principal'] as const;

const actorOf = (auth: AuthContext | null) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });

export function emergencyRoutes(deps: AppDeps): AnyRouteDef[] {
  const supplies = supplySpec(deps);
  const contacts = contactSpec();
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/emergency-scenarios',
      access: { kind: 'tenant', roles: allRoles },
      summary: "Scenarios proposed from the enterprise's risks and dangerous goods (seed 000 三(五)3's list)",
      tags,
      response: z.object({ items: z.array(scenarioProposalSchema) }),
      handler: async ({ auth, locale }) => ({ items: await proposeScenarios(deps, requireTenant(auth).enterpriseId, locale) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/emergency-plans',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Emergency plans with their version in force and open draft',
      tags,
      query: planListQuerySchema,
      response: z.object({ items: z.array(planSchema) }),
      handler: async ({ auth, query }) => listPlans(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/emergency-plans',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Create a plan: a first draft, pre-filled from the scenario, the risks and the contacts',
      tags,
      body: planCreateSchema,
      response: planDetailSchema,
      handler: async ({ auth, body }) => createPlan(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/emergency-plans/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'A plan with every version (old ones kept and marked)',
      tags,
      params: idParamsSchema,
      response: planDetailSchema,
      handler: async ({ auth, params }) => getPlanDetail(deps.db, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/emergency-plans/:id/draft',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Edit the open draft (approved versions are never changed)',
      tags,
      params: idParamsSchema,
      body: draftUpdateSchema,
      response: planDetailSchema,
      handler: async ({ auth, params, body }) => updateDraft(deps, actorOf(auth), params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/emergency-plans/:id/approve',
      access: { kind: 'tenant', roles: planApproverRoles },
      summary: 'The principal approves the draft: refused (422) naming each of the eight contents still missing',
      tags,
      params: idParamsSchema,
      response: planDetailSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => approvePlan(deps, actorOf(auth), params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/emergency-plans/:id/revisions',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Open a new draft version from the version in force',
      tags,
      params: idParamsSchema,
      body: revisionCreateSchema,
      response: planDetailSchema,
      handler: async ({ auth, params, body }) => revisePlan(deps, actorOf(auth), params.id, { reason: body.reason }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/emergency-plans/:id/withdraw',
      access: { kind: 'tenant', roles: planApproverRoles },
      summary: 'Withdraw the plan: its versions are kept, marked obsolete',
      tags,
      params: idParamsSchema,
      response: planDetailSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => withdrawPlan(deps, actorOf(auth), params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/emergency-plans/:id/plan.docx',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The plan as .docx (the version in force, else the draft)',
      tags,
      params: idParamsSchema,
      produces: docxMime,
      handler: async ({ auth, params, reply }) => {
        const buffer = await buildPlanDocx(deps, requireTenant(auth).enterpriseId, params.id);
        reply.header('content-disposition', `attachment; filename="emergency-plan.docx"; filename*=UTF-8''${encodeURIComponent('应急预案.docx')}`);
        return buffer;
      },
    }),
    ...resourceRoutes(supplies, createResourceService(deps, supplies)),
    defineRoute({
      method: 'POST',
      url: '/api/v1/emergency-supply-checks',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Check every supply now: expired or short ones raise a hazard (once each)',
      tags,
      response: supplyCheckResultSchema,
      successStatus: 200,
      handler: async ({ auth }) => checkSupplies(deps, actorOf(auth)),
    }),
    ...resourceRoutes(contacts, createResourceService(deps, contacts)),
    defineRoute({
      method: 'GET',
      url: '/api/v1/posts/:id/emergency-card',
      access: { kind: 'tenant', roles: allRoles },
      summary: "A post's emergency card: first steps, its on-site plan in force, the call tree, linked supplies",
      tags,
      params: idParamsSchema,
      response: postEmergencyCardSchema,
      handler: async ({ auth, params }) => getPostEmergencyCard(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/posts/:id/first-steps',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "Set a post's first steps of self and mutual rescue (stop, alarm, isolate, first aid, evacuation, assembly point)",
      tags,
      params: idParamsSchema,
      body: firstStepsSchema,
      response: firstStepsSchema,
      handler: async ({ auth, params, body }) => putFirstSteps(deps, actorOf(auth), params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/emergency-settings',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The drill cadence of the enterprise (defaults: 1 comprehensive/special a year, on-site every 6 months)',
      tags,
      response: cadenceSchema,
      handler: async ({ auth }) => getCadence(deps.db, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/emergency-settings',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Set the drill cadence',
      tags,
      body: cadenceSchema,
      response: cadenceSchema,
      handler: async ({ auth, body }) => putCadence(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/emergency-drills',
      access: { kind: 'tenant', roles: allRoles },
      summary: "The year's drill programme: cadence requirements and drills",
      tags,
      query: drillListQuerySchema,
      response: drillProgrammeSchema,
      handler: async ({ auth, query }) => getProgramme(deps, requireTenant(auth).enterpriseId, query.year),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/emergency-drills',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Plan a drill of a plan (participants then sign in through /api/v1/sign-offs, subject type emergency-drill)',
      tags,
      body: drillPlanSchema,
      response: drillSchema,
      handler: async ({ auth, body }) => planDrill(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/emergency-drills/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'A drill with who signed in and its review',
      tags,
      params: idParamsSchema,
      response: drillSchema,
      handler: async ({ auth, params }) => getDrill(deps.db, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/emergency-drills/:id/record',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Record what happened (once)',
      tags,
      params: idParamsSchema,
      body: drillRecordSchema,
      response: drillSchema,
      successStatus: 200,
      handler: async ({ auth, params, body }) => recordDrillHeld(deps, actorOf(auth), params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/emergency-drills/:id/review',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'The post-drill review: findings become hazards; needsRevision opens a new plan version',
      tags,
      params: idParamsSchema,
      body: drillReviewInputSchema,
      response: drillSchema,
      successStatus: 200,
      handler: async ({ auth, params, body }) => reviewDrill(deps, actorOf(auth), params.id, body),
    }),
  ];
}
