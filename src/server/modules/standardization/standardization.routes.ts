import { z } from 'zod';
import { lateBody } from '../../platform/http/late-body.js';
import type { AppDeps } from '../../app-deps.js';
import { managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, idSchema } from '../../../schemas/common.js';
import { localizeDeep } from '../../../reference/localized-text.js';
import { gradeProfiles } from '../../../reference/standardization/grade-profiles.js';
import {
  actionCloseInputSchema,
  actionInputSchema,
  actionSchema,
  assessmentDetailSchema,
  assessmentInputSchema,
  assessmentSummarySchema,
  assessorInputSchema,
  assessorSchema,
  decisionInputSchema,
  gradeProfileSchema,
  historySchema,
  meetingInputSchema,
  reportProfileInputSchema,
  reportProfileSchema,
  scoreSheetSchema,
  scoreSheetSummarySchema,
  scoringInputSchema,
  scoringResultSchema,
  sheetImportQuerySchema,
  sheetRefSchema,
} from '../../../schemas/standardization.js';
import { docxMime } from '../../platform/exports/docx-builder.js';
import { xlsxMime } from '../../platform/exports/xlsx-builder.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser, type RouteContext } from '../../platform/http/route.js';
import { parseOrThrow } from '../../platform/http/validation.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { buildSheetTemplate } from './score-sheet-import.js';
import { registerMeetingSignOff } from './standardization-sign-off.js';
import { computeScoring, importScoreSheet, listScoreSheets, resolveSheet, toSheetDto } from './score-sheets.service.js';
import { closeAction, createAction } from './standardization-actions.service.js';
import { buildApplicationChecklist, buildNonconformityReport, buildScoringWorkbook, buildSelfAssessmentReport } from './standardization-outputs.service.js';
import { appointAssessor, dismissAssessor, getReportProfile, listAssessors, putReportProfile } from './standardization-setup.service.js';
import { concludeAssessment, confirmRemaining, createAssessment, decideItem, getAssessmentDetail, getAssessmentRow, getHistory, listAssessments, recordMeeting, refreshProposals } from './self-assessment.service.js';

const tags = ['standardization'];
const base = '/api/v1/standardization';
/** Who reads a self-assessment: the managers, department heads (they sit on the team), and the county regulator. */
export const standardizationReaders = ['principal', 'safety_manager', 'dept_head', 'consultant', 'regulator'] as const;
/** Who runs one: the principal leads it (seed 002 phase 5), the safety manager and the consultant do the work. */
const writers = managerRoles;
const actorOf = (auth: AuthContext | null) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const itemParams = z.strictObject({ id: idSchema, code: z.string().min(1).max(50) });
const actionParams = z.strictObject({ id: idSchema, actionId: z.string().min(1).max(100) });

/** The body is parsed after the assessment is found: another enterprise's id is a 404 whatever the body (tenant matrix). */
async function bodyOfAssessment<S extends z.ZodType>(deps: AppDeps, ctx: RouteContext<{ id: string }, undefined, unknown>, schema: S): Promise<z.infer<S>> {
  await getAssessmentRow(deps, requireTenant(ctx.auth).enterpriseId, ctx.params.id);
  return parseOrThrow(schema, ctx.request.body ?? {}, ctx.locale) as z.infer<S>;
}

export function standardizationRoutes(deps: AppDeps): AnyRouteDef[] {
  registerMeetingSignOff();
  const file = (url: string, summary: string, mime: string, build: (d: AppDeps, e: string, id: string) => Promise<{ buffer: Buffer; fileName: string }>) =>
    defineRoute({
      method: 'GET',
      url: `${base}/assessments/:id/${url}`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary,
      tags,
      params: idParamsSchema,
      produces: mime,
      handler: async ({ auth, params, reply }) => {
        const out = await build(deps, requireTenant(auth).enterpriseId, params.id);
        reply.header('content-disposition', attachment(out.fileName));
        return out.buffer;
      },
    });
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/grade-profiles`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: 'Grading profiles (seed 004 1,000-point default; the 100-point 90/75/60 regime)',
      tags,
      response: z.array(gradeProfileSchema),
      handler: async ({ locale }) => localizeDeep(gradeProfiles, locale),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/sheets`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: 'Scoring sheets: the GB/T 33000-2016 starter sheet and the sheets this enterprise imported',
      tags,
      response: z.array(scoreSheetSummarySchema),
      handler: async ({ auth }) => listScoreSheets(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/sheets/template.xlsx`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: 'The .xlsx template for importing an official industry scoring sheet (the starter sheet in the import layout)',
      tags,
      produces: xlsxMime,
      handler: async ({ reply }) => {
        reply.header('content-disposition', attachment('评分表导入模板.xlsx'));
        return buildSheetTemplate();
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/sheets`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Import an industry scoring sheet from .xlsx (?name=…&totalPoints=…); all rows or none, errors name the row',
      tags,
      consumes: xlsxMime,
      query: sheetImportQuerySchema,
      response: scoreSheetSchema,
      handler: async ({ auth, request, query, locale }) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('BAD_REQUEST', { detail: `Content-Type must be ${xlsxMime}` });
        return importScoreSheet(deps, actorOf(auth), request.body, query, locale);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/sheets/:ref`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: 'One scoring sheet with its elements and items',
      tags,
      params: z.strictObject({ ref: sheetRefSchema }),
      response: scoreSheetSchema,
      handler: async ({ auth, params }) => {
        const { ref, sheet } = await resolveSheet(deps, requireTenant(auth).enterpriseId, params.ref);
        return toSheetDto(ref, sheet);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/scorings`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Score a sheet (by reference or inline items) with deductions and NA flags: earned, applicable, both scales, grade, vetoes, subtotals — nothing is saved',
      tags,
      body: scoringInputSchema,
      response: scoringResultSchema,
      successStatus: 200,
      handler: async ({ auth, body, locale }) => computeScoring(deps, requireTenant(auth).enterpriseId, body, locale),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/assessments`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: 'Self-assessments of the enterprise, newest first',
      tags,
      response: z.array(assessmentSummarySchema),
      handler: async ({ auth }) => listAssessments(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/assessments`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Plan a self-assessment (sheet, profile, dates, team led by the principal); the evidence is pre-filled at once',
      tags,
      body: assessmentInputSchema,
      response: z.object({ id: z.string() }),
      handler: async ({ auth, body }) => createAssessment(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/assessments/:id`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: 'A self-assessment: items with evidence, proposals and decisions, progress per element, score and grade, actions, meetings',
      tags,
      params: idParamsSchema,
      response: assessmentDetailSchema,
      handler: async ({ auth, params, locale }) => getAssessmentDetail(deps, requireTenant(auth).enterpriseId, params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/assessments/:id/evidence`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Read the evidence again and replace the proposals (decisions stay)',
      tags,
      params: idParamsSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => refreshProposals(deps, actorOf(auth), params.id),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/assessments/:id/items/:code/decisions`,
      access: { kind: 'tenant', roles: writers },
      summary: "The assessor's decision on one item (body: deduction, isNotApplicable, isVetoFired, note, attachmentIds; insert-only: a correction is a new decision); differing from the proposal needs a note",
      tags,
      params: itemParams,
      body: lateBody(decisionInputSchema).body,
      handler: async (ctx) => decideItem(deps, actorOf(ctx.auth), ctx.params.id, ctx.params.code, await bodyOfAssessment(deps, ctx, decisionInputSchema)),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/assessments/:id/confirm-remaining`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Confirm every undecided item: its proposal, or no deduction where the product has none',
      tags,
      params: idParamsSchema,
      response: z.object({ confirmed: z.number() }),
      successStatus: 200,
      handler: async ({ auth, params }) => confirmRemaining(deps, actorOf(auth), params.id),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/assessments/:id/conclude`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Conclude: every item decided; the score and grade are frozen',
      tags,
      params: idParamsSchema,
      response: scoringResultSchema,
      successStatus: 200,
      handler: async ({ auth, params, locale }) => concludeAssessment(deps, actorOf(auth), params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/assessments/:id/meetings`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Record the first or last meeting of the self-assessment (body: kind, heldOn, attendeePersonIds, minutes)',
      tags,
      params: idParamsSchema,
      body: lateBody(meetingInputSchema).body,
      handler: async (ctx) => recordMeeting(deps, actorOf(ctx.auth), ctx.params.id, await bodyOfAssessment(deps, ctx, meetingInputSchema)),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/assessments/:id/actions`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Turn a deduction into an action (body: itemCode, kind, description, ownerPersonId, deadline, postId?, areaId?); kind hazard reports a hazard for a site condition',
      tags,
      params: idParamsSchema,
      response: actionSchema,
      body: lateBody(actionInputSchema).body,
      handler: async (ctx) => createAction(deps, actorOf(ctx.auth), ctx.params.id, await bodyOfAssessment(deps, ctx, actionInputSchema)),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/assessments/:id/actions/:actionId/close`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Mark an action done (body: note); hazards close by their own acceptance',
      tags,
      params: actionParams,
      successStatus: 200,
      body: lateBody(actionCloseInputSchema).body,
      handler: async (ctx) => {
        const { note } = await bodyOfAssessment(deps, ctx as unknown as RouteContext<{ id: string }, undefined, unknown>, actionCloseInputSchema);
        return closeAction(deps, actorOf(ctx.auth), ctx.params.id, ctx.params.actionId, note);
      },
    }),
    file('scoring.xlsx', '自评资料: 评分汇总表, 扣分说明表, 打分表 (.xlsx)', xlsxMime, buildScoringWorkbook),
    file('report.docx', '自评报告 (.docx), the nine sections of seed 002 pre-filled from the records', docxMime, buildSelfAssessmentReport),
    file('nonconformities.docx', '不符合项报告 (.docx) with actions, owners and deadlines', docxMime, buildNonconformityReport),
    file('application-checklist.docx', '申报资料清单 (.docx)', docxMime, buildApplicationChecklist),
    defineRoute({
      method: 'GET',
      url: `${base}/history`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: 'Concluded self-assessments compared per element (earned ÷ applicable)',
      tags,
      response: historySchema,
      handler: async ({ auth }) => getHistory(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/assessors`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: 'Internal assessors (trained and appointed)',
      tags,
      response: z.array(assessorSchema),
      handler: async ({ auth }) => listAssessors(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/assessors/:id`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: 'One internal assessor',
      tags,
      params: idParamsSchema,
      response: assessorSchema,
      handler: async ({ auth, params }) => {
        const found = (await listAssessors(deps, requireTenant(auth).enterpriseId)).find((a) => a.id === params.id);
        if (!found) throw notFound('internal_assessor');
        return found;
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/assessors`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Appoint an internal assessor (training and appointment recorded)',
      tags,
      body: assessorInputSchema,
      response: z.object({ id: z.string() }),
      handler: async ({ auth, body }) => appointAssessor(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/assessors/:id/dismiss`,
      access: { kind: 'tenant', roles: writers },
      summary: 'End an internal assessor appointment',
      tags,
      params: idParamsSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => dismissAssessor(deps, actorOf(auth), params.id),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/report-profile`,
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: 'The enterprise facts the self-assessment report needs (nature, location, capacity, processes, equipment, occupational health)',
      tags,
      response: reportProfileSchema,
      handler: async ({ auth }) => getReportProfile(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'PUT',
      url: `${base}/report-profile`,
      access: { kind: 'tenant', roles: writers },
      summary: 'Set the enterprise facts of the self-assessment report',
      tags,
      body: reportProfileInputSchema,
      response: reportProfileSchema,
      handler: async ({ auth, body }) => putReportProfile(deps, actorOf(auth), body),
    }),
  ];
}
