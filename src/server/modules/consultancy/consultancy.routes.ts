import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import {
  consultancyDtoSchema,
  consultancyInputSchema,
  consultancyListQuerySchema,
  consultantInputSchema,
  deliverableInputSchema,
  engagementDetailSchema,
  engagementInputSchema,
  engagementSummarySchema,
  enterpriseVisitListQuerySchema,
  enterpriseVisitPageSchema,
  findingInputSchema,
  reportInputSchema,
  visitInputSchema,
} from '../../../schemas/consultancy.js';
import { docxMime } from '../../platform/exports/docx-builder.js';
import { notFound } from '../../platform/http/app-error.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { ownRecord } from '../../platform/http/own-record.js';
import * as repo from './consultancy.repository.js';
import { buildEngagementReport } from './engagement-reports.service.js';
import { createConsultancy, createEngagement, endEngagement, engagementForConsultant, getDetail, listConsultancyDtos, listDesk, listOfEnterprise } from './engagement.service.js';
import { advancePhase, completeDeliverable, generateReport, recordFinding } from './engagement-work.service.js';
import { addConsultant, listConsultancyEngagements } from './consultancy-admin.service.js';
import { listEnterpriseVisits, recordVisit, visitConfirmerRoles } from './engagement-visits.service.js';

const tags = ['consultancy'];
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export function consultancyRoutes(deps: AppDeps): AnyRouteDef[] {
  const { db } = deps;
  const user = { kind: 'user' } as const;
  const mine = (auth: AuthContext | null, id: string) => engagementForConsultant(db, requireUser(auth).userId, id);
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/consultancies',
      access: { kind: 'admin' },
      summary: 'Register a consultancy with its consultants',
      tags,
      body: consultancyInputSchema,
      response: consultancyDtoSchema,
      handler: async ({ auth, body }) => createConsultancy(deps, requireUser(auth).userId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/consultancies',
      access: user,
      summary: 'Consultancies and their consultants, a page at a time in name order (an enterprise picks one to engage)',
      tags,
      query: consultancyListQuerySchema,
      response: pageSchema(consultancyDtoSchema),
      handler: async ({ query }) => listConsultancyDtos(db, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/consultancies/:id/consultants',
      access: { kind: 'admin' },
      summary: 'Add a consultant to a consultancy: a new login (with a one-time password) or an existing one by username',
      tags,
      params: idParamsSchema,
      body: consultantInputSchema,
      response: consultancyDtoSchema,
      handler: async ({ auth, params, body }) => addConsultant(deps, requireUser(auth).userId, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/consultancies/:id/engagements',
      access: { kind: 'admin' },
      summary: "A consultancy's engagements with phase and progress, a page at a time, newest first (the administrator's page)",
      tags,
      params: idParamsSchema,
      query: consultancyListQuerySchema,
      response: pageSchema(engagementSummarySchema),
      handler: async ({ params, query, locale }) => listConsultancyEngagements(deps, params.id, query, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/engagements',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager'] },
      summary: 'The enterprise engages a consultancy: team, contract period; phase 1 starts',
      tags,
      body: engagementInputSchema,
      response: z.object({ id: z.string() }),
      handler: async ({ auth, body }) => createEngagement(deps, { userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId }, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/engagements/:id/end',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager'] },
      summary: 'The enterprise ends an engagement: its team no longer works in the enterprise (their sessions there end); the record stays',
      tags,
      params: idParamsSchema,
      before: ownRecord(db, 'engagement'),
      successStatus: 200,
      handler: async ({ auth, params }) => {
        await endEngagement(deps, { userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId }, params.id);
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/engagements',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "The active enterprise's engagements with their phase and progress",
      tags,
      response: z.object({ items: z.array(engagementSummarySchema) }),
      handler: async ({ auth, locale }) => listOfEnterprise(deps, requireTenant(auth).enterpriseId, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/consultancy/desk',
      access: user,
      summary: "The consultant's desk: every engagement it works on, with phase, overdue deliverables, open findings, score and alerts",
      tags,
      response: z.object({ items: z.array(engagementSummarySchema) }),
      handler: async ({ auth, locale }) => listDesk(deps, requireUser(auth).userId, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/engagements/:id',
      access: user,
      summary: 'One engagement: deliverables of each phase, reports, visits, findings',
      tags,
      params: idParamsSchema,
      response: engagementDetailSchema,
      handler: async ({ auth, params, locale }) => getDetail(deps, await mine(auth, params.id), locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/engagements/:id/deliverables/:code',
      access: user,
      summary: 'Tick a deliverable the consultant tracks (once)',
      tags,
      params: z.strictObject({ id: idParamsSchema.shape.id, code: z.string().max(40) }),
      body: deliverableInputSchema,
      response: engagementDetailSchema,
      successStatus: 200,
      handler: async ({ auth, params, body, locale }) => {
        const row = await mine(auth, params.id);
        await completeDeliverable(deps, requireUser(auth).userId, row, params.code, body.note);
        return getDetail(deps, await mine(auth, params.id), locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/engagements/:id/reports',
      access: user,
      summary: "Produce a phase's report (.docx) from the enterprise's records now",
      tags,
      params: idParamsSchema,
      body: reportInputSchema,
      response: z.object({ id: z.string(), docxUrl: z.string() }),
      handler: async ({ auth, params, body }) => {
        const { id } = await generateReport(deps, requireUser(auth).userId, await mine(auth, params.id), body.kind);
        return { id, docxUrl: `/api/v1/engagement-reports/${id}/report.docx` };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/engagement-reports/:id/report.docx',
      access: user,
      summary: 'A produced report, for the engagement team or the enterprise',
      tags,
      params: idParamsSchema,
      produces: docxMime,
      handler: async ({ auth, params, reply }) => {
        const report = await repo.findReport(db, params.id);
        if (!report) throw notFound('engagement_report');
        const a = requireUser(auth);
        const row = a.enterpriseId === report.enterprise_id && a.role && (managerRoles as readonly string[]).includes(a.role) ? await repo.findEngagement(db, report.engagement_id) : await mine(auth, report.engagement_id);
        if (!row) throw notFound('engagement_report');
        const out = await buildEngagementReport(deps, params.id, row);
        reply.header('content-disposition', attachment(out.fileName));
        return out.buffer;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/engagements/:id/visits',
      access: user,
      summary: "Record a visit: date, who came (consultants of the consultancy), what was done, the deliverables worked on; insert-only, the enterprise confirms it by sign-off",
      tags,
      params: idParamsSchema,
      body: visitInputSchema,
      response: z.object({ id: z.string() }),
      handler: async ({ auth, params, body }) => recordVisit(deps, requireUser(auth).userId, await mine(auth, params.id), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/engagement-visits',
      access: { kind: 'tenant', roles: visitConfirmerRoles },
      summary: "The consultancies' visits to the active enterprise, newest first (pending=true: those waiting for its confirmation)",
      tags,
      query: enterpriseVisitListQuerySchema,
      response: enterpriseVisitPageSchema,
      handler: async ({ auth, query, locale }) => listEnterpriseVisits(db, requireTenant(auth).enterpriseId, query, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/engagements/:id/findings',
      access: user,
      summary: "A consultant's finding, recorded as a hazard of the enterprise reported by the consultancy",
      tags,
      params: idParamsSchema,
      body: findingInputSchema,
      response: z.object({ hazardId: z.string() }),
      handler: async ({ auth, params, body }) => recordFinding(deps, requireUser(auth).userId, await mine(auth, params.id), body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/engagements/:id/advance',
      access: user,
      summary: "Move to the next phase (once the phase's closing report is produced)",
      tags,
      params: idParamsSchema,
      response: engagementDetailSchema,
      successStatus: 200,
      handler: async ({ auth, params, locale }) => {
        await advancePhase(deps, requireUser(auth).userId, await mine(auth, params.id));
        return getDetail(deps, await mine(auth, params.id), locale);
      },
    }),
  ];
}
