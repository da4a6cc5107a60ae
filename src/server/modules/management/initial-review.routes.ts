import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, idSchema } from '../../../schemas/common.js';
import { gapFollowUpSchema, reviewCompleteSchema, reviewCreateSchema, reviewFindingInputSchema, reviewSchema, reviewSummarySchema, reviewTeamSchema } from '../../../schemas/initial-review.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { docxMime } from '../../platform/exports/docx-builder.js';
import { ownRecord } from '../../platform/http/own-record.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { buildReviewReport } from './initial-review-report.service.js';
import { addFinding, completeReview, createReview, followUpGap, getReview, listReviews, refreshBaseline, setTeam } from './initial-review.service.js';

const tags = ['management'];
const base = '/api/v1/initial-reviews';
const actorOf = (auth: AuthContext | null) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });
const gapParams = z.strictObject({ id: idSchema, gapId: idSchema });

/** 初始评审 (issue 14 §1): the team, the pre-filled baseline, findings, completion with the gaps, the .docx report. */
export function initialReviewRoutes(deps: AppDeps): AnyRouteDef[] {
  const write = (url: string, summary: string, body: z.ZodType | undefined, handler: (auth: AuthContext | null, id: string, body: never, locale: 'zh-CN' | 'en-US') => Promise<unknown>) =>
    defineRoute({
      method: 'POST',
      url: `${base}/:id/${url}`,
      before: ownRecord(deps.db, 'ohs_initial_review'),
      access: { kind: 'tenant', roles: managerRoles },
      summary,
      tags,
      params: idParamsSchema,
      ...(body && { body }),
      response: reviewSchema,
      successStatus: 200,
      handler: async ({ auth, params, body: b, locale }) => handler(auth, params.id, b as never, locale) as never,
    });
  return [
    defineRoute({
      method: 'GET',
      url: base,
      access: { kind: 'tenant', roles: allRoles },
      summary: "The enterprise's initial reviews, newest first",
      tags,
      response: z.object({ items: z.array(reviewSummarySchema) }),
      handler: async ({ auth }) => ({ items: await listReviews(deps.db, requireTenant(auth).enterpriseId) }),
    }),
    defineRoute({
      method: 'POST',
      url: base,
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Open a review with its team; the baseline is pre-filled from the records now',
      tags,
      body: reviewCreateSchema,
      response: reviewSchema,
      handler: async ({ auth, body, locale }) => createReview(deps, actorOf(auth), body, locale),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/:id`,
      access: { kind: 'tenant', roles: allRoles },
      summary: 'A review: team, baseline snapshot, findings, and its gaps (proposed while a draft)',
      tags,
      params: idParamsSchema,
      response: reviewSchema,
      handler: async ({ auth, params, locale }) => getReview(deps.db, requireTenant(auth).enterpriseId, params.id, locale),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/:id/report.docx`,
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The initial review report (.docx)',
      tags,
      params: idParamsSchema,
      produces: docxMime,
      handler: async ({ auth, params, reply }) => {
        const buffer = await buildReviewReport(deps.db, requireTenant(auth).enterpriseId, params.id);
        reply.header('content-disposition', `attachment; filename="initial-review.docx"; filename*=UTF-8''${encodeURIComponent('初始评审报告.docx')}`);
        return buffer;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${base}/:id/team`,
      before: ownRecord(deps.db, 'ohs_initial_review'),
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Replace the team (a draft only)',
      tags,
      params: idParamsSchema,
      body: reviewTeamSchema,
      response: reviewSchema,
      successStatus: 200,
      handler: async ({ auth, params, body, locale }) => setTeam(deps, actorOf(auth), params.id, body.members, locale),
    }),
    write('baseline', 'Take the baseline again from the records (a draft only)', undefined, (auth, id, _b, locale) => refreshBaseline(deps, actorOf(auth), id, locale)),
    write('findings', "Add a team's finding to an area (a draft only)", reviewFindingInputSchema, (auth, id, b: z.infer<typeof reviewFindingInputSchema>, locale) => addFinding(deps, actorOf(auth), id, b, locale)),
    write('complete', 'Complete the review: the baseline is frozen, the gaps are stored', reviewCompleteSchema, (auth, id, b: z.infer<typeof reviewCompleteSchema>, locale) => completeReview(deps, actorOf(auth), id, b.conclusion, locale)),
    defineRoute({
      method: 'PUT',
      url: `${base}/:id/gaps/:gapId`,
      before: ownRecord(deps.db, 'ohs_initial_review'),
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Follow a gap up: link the objective made for it, or set an action with owner and deadline, or mark the action done',
      tags,
      params: gapParams,
      body: gapFollowUpSchema,
      response: reviewSchema,
      successStatus: 200,
      handler: async ({ auth, params, body, locale }) => followUpGap(deps, actorOf(auth), params.id, params.gapId, body, locale),
    }),
  ];
}
