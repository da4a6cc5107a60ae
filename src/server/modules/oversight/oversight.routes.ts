import type { AppDeps } from '../../app-deps.js';
import { managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import {
  acknowledgeInputSchema,
  bureauReportDtoSchema,
  bureauReportInboxSchema,
  inboxQuerySchema,
  oversightOverviewDtoSchema,
  remediationEvaluationDtoSchema,
  remediationEvaluationInputSchema,
} from '../../../schemas/oversight.js';
import { z } from 'zod';
import { notFound } from '../../platform/http/app-error.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { buildBureauReport, buildResultReport } from '../hazards/hazard-reports.service.js';
import { findHazard } from '../hazards/hazards.repository.js';
import {
  acknowledgeReport,
  findReportForRegulator,
  getOverview,
  listInbox,
  listRemediationEvaluations,
  listReportsOfHazard,
  recordRemediationEvaluation,
} from './oversight.service.js';

const tags = ['oversight'];
const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function oversightRoutes(deps: AppDeps): AnyRouteDef[] {
  const { db } = deps;
  const evaluation = lateBody(remediationEvaluationInputSchema);
  const acknowledge = lateBody(acknowledgeInputSchema);
  const hazardOf = async (enterpriseId: string, id: string) => {
    const hazard = await findHazard(db, enterpriseId, id);
    if (!hazard) throw notFound('hazard');
    return hazard;
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/overview',
      access: { kind: 'user' },
      summary: "The regulator's (or consultant's) enterprises, with open hazards, unacknowledged reports and post levels",
      tags,
      response: oversightOverviewDtoSchema,
      handler: async ({ auth }) => getOverview(db, requireUser(auth).userId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/bureau-reports',
      access: { kind: 'user' },
      summary: "The regulator's inbox: major-hazard and result reports of every linked enterprise (seed 001 Art. 17)",
      tags,
      query: inboxQuerySchema,
      response: bureauReportInboxSchema,
      handler: async ({ auth, query }) => listInbox(db, requireUser(auth).userId, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/bureau-reports/:id/acknowledge',
      access: { kind: 'user' },
      summary: 'A regulator linked to the enterprise acknowledges a report (once; again is harmless)',
      tags,
      params: idParamsSchema,
      body: acknowledge.body,
      response: bureauReportDtoSchema,
      successStatus: 200,
      handler: async (ctx) => {
        const userId = requireUser(ctx.auth).userId;
        await findReportForRegulator(db, userId, ctx.params.id);
        return acknowledgeReport(deps, userId, ctx.params.id, acknowledge.parse(ctx).note);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/bureau-reports/:id/report.docx',
      access: { kind: 'user' },
      summary: 'The reported .docx, for a regulator linked to the enterprise',
      tags,
      params: idParamsSchema,
      produces: docxMime,
      handler: async ({ auth, params }) => {
        const report = await findReportForRegulator(db, requireUser(auth).userId, params.id);
        return report.kind === 'result' ? buildResultReport(deps, report.enterprise_id, report.hazard_id) : buildBureauReport(deps, report.enterprise_id, report.hazard_id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/hazards/:id/bureau-reports',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager', 'consultant', 'regulator'] },
      summary: "A hazard's reports to the county bureau and who acknowledged them",
      tags,
      params: idParamsSchema,
      response: z.object({ items: z.array(bureauReportDtoSchema) }),
      handler: async ({ auth, params }) => {
        const { enterpriseId } = requireTenant(auth);
        await hazardOf(enterpriseId, params.id);
        return listReportsOfHazard(db, enterpriseId, params.id, requireUser(auth).userId);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/hazards/:id/remediation-evaluations',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager', 'consultant', 'regulator', 'dept_head'] },
      summary: "Evaluations of a major hazard's remediation (16号令), oldest first",
      tags,
      params: idParamsSchema,
      response: z.object({ items: z.array(remediationEvaluationDtoSchema) }),
      handler: async ({ auth, params }) => {
        const { enterpriseId } = requireTenant(auth);
        await hazardOf(enterpriseId, params.id);
        return listRemediationEvaluations(db, enterpriseId, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/hazards/:id/remediation-evaluations',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "Record the evaluation of a major hazard's remediation by technical staff or experts (before the stop-work lifts)",
      tags,
      params: idParamsSchema,
      body: evaluation.body,
      response: remediationEvaluationDtoSchema,
      handler: async (ctx) => {
        const { enterpriseId } = requireTenant(ctx.auth);
        const hazard = await hazardOf(enterpriseId, ctx.params.id);
        return recordRemediationEvaluation(deps, { userId: requireUser(ctx.auth).userId, enterpriseId }, hazard, evaluation.parse(ctx), ctx.locale);
      },
    }),
  ];
}
