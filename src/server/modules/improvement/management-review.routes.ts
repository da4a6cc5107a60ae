import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { reviewConcludeSchema, reviewCreateSchema, reviewDecisionCreateSchema, reviewDecisionDoneSchema, reviewSchema } from '../../../schemas/management-review.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { docxMime } from '../../platform/exports/docx-builder.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { lateRecordBody } from './late-record.js';
import { findReview } from './management-review.repository.js';
import { addDecision, buildReviewReport, concludeReview, createReview, getReview, listReviews, markDecisionDone, refreshInputs } from './management-review.service.js';

const tags = ['improvement'];
const readRoles = allRoles.filter((r) => r !== 'worker');
const actorOf = (auth: AuthContext | null) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });

/** 管理评审: prepared by the managers (the consultant may help), concluded by the principal (the top manager). */
export function managementReviewRoutes(deps: AppDeps): AnyRouteDef[] {
  const write = { kind: 'tenant' as const, roles: managerRoles };
  const late = lateRecordBody(deps, 'management_review', findReview);
  const decision = late(reviewDecisionCreateSchema);
  const done = late(reviewDecisionDoneSchema);
  const conclude = late(reviewConcludeSchema);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/management-reviews',
      access: { kind: 'tenant', roles: readRoles },
      summary: 'Management reviews and dual prevention evaluations, latest first (optionally of one year)',
      tags,
      query: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: z.object({ items: z.array(reviewSchema) }),
      handler: async ({ auth, query, locale }) => ({ items: await listReviews(deps, requireTenant(auth).enterpriseId, locale, query.year) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/management-reviews/:id',
      access: { kind: 'tenant', roles: readRoles },
      summary: 'One review: the inputs as filled from the records, the decisions, the conclusion',
      tags,
      params: idParamsSchema,
      response: reviewSchema,
      handler: async ({ auth, params, locale }) => getReview(deps, requireTenant(auth).enterpriseId, params.id, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/management-reviews/:id/report.docx',
      access: { kind: 'tenant', roles: readRoles },
      summary: 'The review report (.docx)',
      tags,
      params: idParamsSchema,
      produces: docxMime,
      handler: async ({ auth, params }) => buildReviewReport(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/management-reviews',
      access: write,
      summary: 'Open a review (yearly or on an event); its inputs are filled from the records now',
      tags,
      body: reviewCreateSchema,
      response: reviewSchema,
      handler: async ({ auth, body, locale }) => createReview(deps, actorOf(auth), body, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/management-reviews/:id/refresh-inputs',
      access: write,
      summary: 'Fill the inputs again from today’s records (a draft only)',
      tags,
      params: idParamsSchema,
      response: reviewSchema,
      successStatus: 200,
      handler: async ({ auth, params, locale }) => refreshInputs(deps, actorOf(auth), params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/management-reviews/:id/decisions',
      access: write,
      summary: 'Record a decision with its measure, owner and deadline',
      tags,
      params: idParamsSchema,
      body: decision.body,
      response: reviewSchema,
      handler: async (ctx) => addDecision(deps, actorOf(ctx.auth), ctx.params.id, await decision.parse(ctx), ctx.locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/management-reviews/:id/decision-done',
      access: write,
      summary: 'Mark a decision carried out',
      tags,
      params: idParamsSchema,
      body: done.body,
      response: reviewSchema,
      successStatus: 200,
      handler: async (ctx) => markDecisionDone(deps, actorOf(ctx.auth), ctx.params.id, (await done.parse(ctx)).decisionId, ctx.locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/management-reviews/:id/conclude',
      access: { kind: 'tenant', roles: ['principal'] },
      summary: 'The principal (the top manager) concludes the review',
      tags,
      params: idParamsSchema,
      body: conclude.body,
      response: reviewSchema,
      successStatus: 200,
      handler: async (ctx) => concludeReview(deps, actorOf(ctx.auth), ctx.params.id, (await conclude.parse(ctx)).conclusion, ctx.locale),
    }),
  ];
}
