import { z } from 'zod';
import { passwordSchema } from './auth.js';
import { idSchema, isoDate, nonEmptyText, optionalText, pageQuerySchema, queryBoolean } from './common.js';

/** Issue 17 / seed 002: consultancies and their engagements through the five phases. */
export const reportKinds = ['initial_diagnosis', 'consulting_report', 'progress_first', 'progress_second', 'progress_final'] as const;

export const consultancyInputSchema = z.strictObject({
  name: nonEmptyText(100),
  /** Existing logins to add at once (the administrator's page adds consultants one by one afterwards). */
  members: z.array(z.strictObject({ username: nonEmptyText(64), isLead: z.boolean().default(false) })).max(100).default([]),
});
/**
 * The administrator adds a consultant to a consultancy: with a password, a new login (one-time
 * password, changed at the first login); without, an existing login by its username.
 */
export const consultantInputSchema = z.strictObject({
  username: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9_.@-]+$/),
  displayName: z.string().trim().min(1).max(60).optional(),
  password: passwordSchema.optional(),
  isLead: z.boolean().default(false),
});
export type ConsultantInput = z.infer<typeof consultantInputSchema>;
export const consultancyDtoSchema = z.object({ id: z.string(), name: z.string(), members: z.array(z.object({ userId: z.string(), username: z.string(), displayName: z.string(), isLead: z.boolean() })) });
export type ConsultancyDto = z.infer<typeof consultancyDtoSchema>;
/** GET /consultancies (name order) and /consultancies/:id/engagements (newest first): keyset pages. */
export const consultancyListQuerySchema = pageQuerySchema.pick({ cursor: true, limit: true });

export const engagementInputSchema = z.strictObject({
  consultancyId: idSchema,
  teamUserIds: z.array(idSchema).min(1).max(20),
  contractStart: isoDate,
  contractEnd: isoDate,
  /** 服务范围: what the contract covers. */
  scope: optionalText(500),
});
export type EngagementInput = z.infer<typeof engagementInputSchema>;

export const deliverableInputSchema = z.strictObject({ note: optionalText(1000) });
export const reportInputSchema = z.strictObject({ kind: z.enum(reportKinds) });
export const visitInputSchema = z.strictObject({
  visitedOn: isoDate,
  /** Who came: consultants of the engagement's consultancy (they need not be switched into the enterprise). */
  consultantUserIds: z.array(idSchema).min(1).max(20),
  work: nonEmptyText(4000),
  /** The deliverables worked on (codes of this phase or an earlier one). */
  deliverableCodes: z.array(z.string().min(1).max(40)).max(60).optional(),
});
export type VisitInput = z.infer<typeof visitInputSchema>;
export const findingInputSchema = z.strictObject({
  description: nonEmptyText(1000),
  postId: idSchema.optional(),
  areaId: idSchema.optional(),
  clientId: nonEmptyText(100),
});

/** A visit is evidence: never edited; the enterprise's principal or safety manager confirms it (sign-off). */
export const visitDtoSchema = z.object({
  id: z.string(),
  phase: z.number(),
  visitedOn: z.string(),
  consultants: z.string(),
  work: z.string(),
  deliverables: z.array(z.object({ code: z.string(), title: z.string() })),
  recordedAt: z.string(),
  isSigned: z.boolean(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
});
export type VisitDto = z.infer<typeof visitDtoSchema>;
/** The enterprise's side: its visits with the engagement they belong to. */
export const enterpriseVisitSchema = visitDtoSchema.extend({ engagementId: z.string(), consultancyName: z.string() });
export type EnterpriseVisitDto = z.infer<typeof enterpriseVisitSchema>;
/** The enterprise's visits, newest first, keyset-paged by (visitedOn, id): `cursor` is the previous page's `nextCursor`. */
export const enterpriseVisitListQuerySchema = z.object({
  pending: queryBoolean.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const enterpriseVisitPageSchema = z.object({ items: z.array(enterpriseVisitSchema), nextCursor: z.string().nullable() });

const alerts = z.object({ overdueHazards: z.number(), openMajorHazards: z.number(), stopWorkInForce: z.number(), certificatesLapsed: z.number() });

export const engagementSummarySchema = z.object({
  id: z.string(),
  consultancyName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  phase: z.number(),
  phaseTitle: z.string(),
  phaseStartedAt: z.string(),
  contractStart: z.string(),
  contractEnd: z.string(),
  completedAt: z.string().nullable(),
  scope: z.string(),
  /** The enterprise ended the engagement: the team no longer works in the enterprise. */
  endedAt: z.string().nullable(),
  overdueDeliverables: z.number(),
  openFindings: z.number(),
  selfAssessmentScore: z.number().nullable(),
  alerts,
});
export type EngagementSummaryDto = z.infer<typeof engagementSummarySchema>;

export const engagementDetailSchema = engagementSummarySchema.extend({
  team: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  phases: z.array(z.object({ phase: z.number(), title: z.string() })),
  deliverables: z.array(
    z.object({
      code: z.string(),
      phase: z.number(),
      title: z.string(),
      kind: z.enum(['report', 'record', 'tracked']),
      report: z.enum(reportKinds).nullable(),
      closesPhase: z.boolean(),
      isDone: z.boolean(),
      doneAt: z.string().nullable(),
      dueAt: z.string().nullable(),
      isOverdue: z.boolean(),
    }),
  ),
  reports: z.array(z.object({ id: z.string(), kind: z.enum(reportKinds), generatedAt: z.string(), docxUrl: z.string() })),
  /** Everyone of the consultancy: who may be named as having come on a visit. */
  consultants: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  visits: z.array(visitDtoSchema),
  findings: z.array(z.object({ hazardId: z.string(), description: z.string(), status: z.string(), grade: z.string().nullable() })),
  /** What the phase still needs before it may move on. */
  missingToAdvance: z.array(z.string()),
});
export type EngagementDetailDto = z.infer<typeof engagementDetailSchema>;
