import type { AppDeps } from '../../app-deps.js';
import { trainingRequirements } from '../../../domain/training/training-requirements.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import {
  certificateInputSchema,
  certificateListQuerySchema,
  certificateListSchema,
  certificateSchema,
  certificateUpdateSchema,
  contentDraftQuerySchema,
  contentDraftSchema,
  personTrainingRecordSchema,
  requirementListSchema,
  requirementQueryInputSchema,
  trainingRecordListSchema,
  trainingRecordQuerySchema,
  trainingScoreInputSchema,
  trainingSessionInputSchema,
  trainingSessionListQuerySchema,
  trainingSessionListSchema,
  trainingSessionSchema,
  trainingSessionUpdateSchema,
} from '../../../schemas/training.js';
import { localizeDeep } from '../../../reference/localized-text.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { xlsxMime } from '../../platform/exports/xlsx-builder.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { createCertificate, getCertificate, listCertificates, updateCertificate } from './certificates.service.js';
import { getPersonTrainingRecord, listTrainingRecords } from './training-records.service.js';
import { buildTrainingRegister } from './training-register.service.js';
import { createSession, draftSessionContent, getSession, listSessions, recordScore, type TrainingActor, updateSession } from './training.service.js';

const tags = ['training'];
/** Who organises training and keeps its records. */
export const trainingWriterRoles = [...managerRoles] as const;
/** Who may see people's training records: not the workers (each other's records are personal). */
const recordReaderRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'consultant', 'regulator'] as const;

const actorOf = (auth: AuthContext | null): TrainingActor => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });
const enterpriseOf = (auth: AuthContext | null) => requireTenant(auth).enterpriseId;

export function trainingRoutes(deps: AppDeps): AnyRouteDef[] {
  const sessionPatch = lateBody(trainingSessionUpdateSchema);
  const scoreBody = lateBody(trainingScoreInputSchema);
  const certificatePatch = lateBody(certificateUpdateSchema);
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/training-requirements',
      access: { kind: 'user' },
      summary: 'The trainings and hours a described person must have, with the rule requiring each (3号令, 30号令, seed 000 三(二)); nothing is saved',
      tags,
      body: requirementQueryInputSchema,
      response: requirementListSchema,
      successStatus: 200,
      handler: async ({ body, locale }) => ({
        requirements: localizeDeep(
          trainingRequirements({
            isManagement: body.roles.includes('principal') || body.roles.includes('safety_manager'),
            industryScope: body.industryScope,
            hireDate: body.hireDate,
            postChanges: body.postChanges,
            specialOperations: body.specialOperations,
            isOnKeyRiskPost: body.isOnKeyRiskPost,
            hasNewProcessOrEquipment: body.hasNewProcessOrEquipment,
            isContractorManager: body.isContractorManager,
            year: body.year,
          }),
          locale,
        ),
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/training-sessions',
      access: { kind: 'tenant', roles: allRoles },
      summary: "Training sessions (the year's plan and what was held), newest first, with attendance signed",
      tags,
      query: trainingSessionListQuerySchema,
      response: trainingSessionListSchema,
      handler: async ({ auth, query }) => listSessions(deps, enterpriseOf(auth), query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/training-sessions',
      access: { kind: 'tenant', roles: trainingWriterRoles },
      summary: "Plan a training session; with a post and no content, the content is drafted from the post's risks, measures, hazards and emergency steps (001 Art. 19)",
      tags,
      body: trainingSessionInputSchema,
      response: trainingSessionSchema,
      successStatus: 201,
      handler: async ({ auth, body, locale }) => createSession(deps, actorOf(auth), body, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/training-sessions/content-draft',
      access: { kind: 'tenant', roles: trainingWriterRoles },
      summary: "Draft training content from a post's risks, measures, recent hazards and emergency steps",
      tags,
      query: contentDraftQuerySchema,
      response: contentDraftSchema,
      handler: async ({ auth, query, locale }) => ({ content: await draftSessionContent(deps, enterpriseOf(auth), query.postId, locale) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/training-sessions/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One session with its attendees, who signed and their scores',
      tags,
      params: idParamsSchema,
      response: trainingSessionSchema,
      handler: async ({ auth, params }) => getSession(deps, enterpriseOf(auth), params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/training-sessions/:id',
      access: { kind: 'tenant', roles: trainingWriterRoles },
      summary: 'Change a session (a person who signed stays on the list; a signed session cannot be cancelled)',
      tags,
      params: idParamsSchema,
      body: sessionPatch.body,
      response: trainingSessionSchema,
      handler: async (ctx) => {
        await getSession(deps, enterpriseOf(ctx.auth), ctx.params.id);
        return updateSession(deps, actorOf(ctx.auth), ctx.params.id, sessionPatch.parse(ctx));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/training-sessions/:id/scores',
      access: { kind: 'tenant', roles: trainingWriterRoles },
      summary: "Record an attendee's test score (insert-only; the latest counts)",
      tags,
      params: idParamsSchema,
      body: scoreBody.body,
      response: trainingSessionSchema,
      successStatus: 201,
      handler: async (ctx) => {
        await getSession(deps, enterpriseOf(ctx.auth), ctx.params.id);
        return recordScore(deps, actorOf(ctx.auth), ctx.params.id, scoreBody.parse(ctx));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/training-records',
      access: { kind: 'tenant', roles: recordReaderRoles },
      summary: "Everyone's training status of the year (red / amber / green) with hours against the requirement and the reasons",
      tags,
      query: trainingRecordQuerySchema,
      response: trainingRecordListSchema,
      handler: async ({ auth, query, locale }) => listTrainingRecords(deps, enterpriseOf(auth), query, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/training-records/:id',
      access: { kind: 'tenant', roles: recordReaderRoles },
      summary: "One person's record (一人一档): requirements and progress, sessions attended, certificates",
      tags,
      params: idParamsSchema,
      query: trainingRecordQuerySchema,
      response: personTrainingRecordSchema,
      handler: async ({ auth, params, query, locale }) => getPersonTrainingRecord(deps, enterpriseOf(auth), params.id, query, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/training-register.xlsx',
      access: { kind: 'tenant', roles: recordReaderRoles },
      summary: '培训台账 of the year as .xlsx: every signed attendance, and each person’s hours against the requirement',
      tags,
      query: trainingRecordQuerySchema,
      produces: xlsxMime,
      handler: async ({ auth, query, reply }) => {
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('培训台账.xlsx')}`);
        return buildTrainingRegister(deps, enterpriseOf(auth), query);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/certificates',
      access: { kind: 'tenant', roles: recordReaderRoles },
      summary: 'Certificates (特种作业操作证, 主要负责人/安全管理人员证) with their state: valid, expiring, review due or overdue, expired',
      tags,
      query: certificateListQuerySchema,
      response: certificateListSchema,
      handler: async ({ auth, query, locale }) => listCertificates(deps, enterpriseOf(auth), query, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/certificates',
      access: { kind: 'tenant', roles: trainingWriterRoles },
      summary: 'Register a certificate; a special-operation certificate without dates is valid 6 years with 复审 after 3',
      tags,
      body: certificateInputSchema,
      response: certificateSchema,
      successStatus: 201,
      handler: async ({ auth, body, locale }) => createCertificate(deps, actorOf(auth), body, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/certificates/:id',
      access: { kind: 'tenant', roles: recordReaderRoles },
      summary: 'One certificate',
      tags,
      params: idParamsSchema,
      response: certificateSchema,
      handler: async ({ auth, params, locale }) => getCertificate(deps, enterpriseOf(auth), params.id, locale),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/certificates/:id',
      access: { kind: 'tenant', roles: trainingWriterRoles },
      summary: 'Renew (new expiry or review date) or correct a certificate; the audit log keeps the old values',
      tags,
      params: idParamsSchema,
      body: certificatePatch.body,
      response: certificateSchema,
      handler: async (ctx) => {
        await getCertificate(deps, enterpriseOf(ctx.auth), ctx.params.id, ctx.locale);
        return updateCertificate(deps, actorOf(ctx.auth), ctx.params.id, certificatePatch.parse(ctx), ctx.locale);
      },
    }),
  ];
}
