import { z } from 'zod';
import { hazardActions } from '../domain/hazard/hazard-lifecycle.js';
import type { EnterpriseRole } from './auth.js';
import { idSchema, nonEmptyText, queryBoolean } from './common.js';

/** "See it, report it" is open to every member who works there (issue 5: line workers find most hazards). */
/** Issue 9 §10: the consultant records what a site walk found (reported by the consultancy); only the enterprise confirms. */
/** The regulator reports none, so "reported by me" means nothing to it. */
export const hazardReporterRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker', 'consultant'] as const satisfies readonly EnterpriseRole[];

export const hazardSources = ['inspection', 'adhoc', 'anonymous'] as const;
export const hazardGradeSchema = z.enum(['general', 'major']);
export const hazardStatusSchema = z.enum(['reported', 'confirmed', 'rejected', 'fixed_on_spot', 'under_rectification', 'submitted_for_acceptance', 'closed']);

/** Client-generated id of a submission: a retried or duplicated report is applied once. */
export const clientIdSchema = z.string().trim().min(8).max(100);
const photoIds = z.array(z.string().min(1).max(100)).max(9).default([]);
const instant = z.iso.datetime({ offset: true });

/** "See it, report it": a few words, a photo, the place — three taps. */
export const hazardReportInputSchema = z.strictObject({
  postId: idSchema.nullish(),
  areaId: idSchema.nullish(),
  measureId: idSchema.nullish(),
  description: nonEmptyText(1000),
  photoIds,
  reporterName: z.string().trim().max(50).nullish(),
  clientId: clientIdSchema,
});
export type HazardReportInput = z.infer<typeof hazardReportInputSchema>;

/** Without an account: one photo (sent through the public attachment endpoint), a few words, and for
 * contractors an optional name and phone so the safety manager can call back. */
export const anonymousReportInputSchema = z.strictObject({
  postId: idSchema.nullish(),
  areaId: idSchema.nullish(),
  description: nonEmptyText(1000),
  photoIds: z.array(idSchema).max(1).default([]),
  reporterName: z.string().trim().max(50).nullish(),
  reporterPhone: z
    .string()
    .trim()
    .max(20)
    .regex(/^[0-9+\- ]*$/, '请填写电话号码 / A phone number')
    .nullish(),
  clientId: clientIdSchema,
});
export type AnonymousReportInput = z.infer<typeof anonymousReportInputSchema>;

/** What the public report page learns from a post's id, and nothing more. */
export const reportInfoSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  postName: z.string(),
  isAnonymousAllowed: z.boolean(),
});
export type ReportInfo = z.infer<typeof reportInfoSchema>;

export const confirmInputSchema = z
  .strictObject({
    grade: hazardGradeSchema,
    criterionId: z.string().trim().max(20).nullish(),
    criterionOtherReason: z.string().trim().max(1000).nullish(),
    deadline: instant.nullish(),
    // Seed 001 Art. 17: a major hazard stops the work and withdraws the people (who, by whom).
    peopleWithdrawn: z.string().trim().max(1000).nullish(),
    withdrawnBy: z.string().trim().max(100).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.grade !== 'major') return;
    if (!v.criterionId && !v.criterionOtherReason) {
      ctx.addIssue({ code: 'custom', path: ['criterionId'], message: '重大事故隐患须选择10号令判定依据或说明其他理由 / A major hazard needs a 10号令 criterion or another reason' });
    }
    if (!v.peopleWithdrawn) {
      ctx.addIssue({ code: 'custom', path: ['peopleWithdrawn'], message: '重大事故隐患须写明撤出的人员 / Name the people withdrawn' });
    }
  });
export type ConfirmInput = z.infer<typeof confirmInputSchema>;

export const reasonInputSchema = z.strictObject({ reason: nonEmptyText(1000) });
export const noteInputSchema = z.strictObject({ note: nonEmptyText(1000) });
export const optionalNoteInputSchema = z.strictObject({ note: z.string().trim().max(1000).default('') });
/** 整改完成: a note and the "after" photos (required for a 重大 hazard, issue 8 §7). */
export const submitRectificationInputSchema = z.strictObject({
  note: z.string().trim().max(1000).default(''),
  photoIds: z.array(idSchema).max(9).default([]),
});
export type SubmitRectificationInput = z.infer<typeof submitRectificationInputSchema>;

/** 五到位: measure, owner, funds, deadline, interim safety measure — every one required. */
export const rectificationPlanInputSchema = z.strictObject({
  measure: nonEmptyText(2000),
  ownerPersonId: idSchema,
  fundsCny: z.number().min(0).max(1e10),
  deadline: instant,
  interimMeasure: nonEmptyText(2000),
});
export type RectificationPlanInput = z.infer<typeof rectificationPlanInputSchema>;

/** 16号令 Art. 15, six parts, plus the two analyses the bureau report needs (Art. 14 (二)). */
export const remediationPlanInputSchema = z.strictObject({
  objective: nonEmptyText(4000),
  methods: nonEmptyText(4000),
  fundsAndMaterials: nonEmptyText(4000),
  organisationAndPeople: nonEmptyText(4000),
  schedule: nonEmptyText(4000),
  safetyAndEmergency: nonEmptyText(4000),
  situationAndCause: nonEmptyText(4000),
  severityAndDifficulty: nonEmptyText(4000),
});
export type RemediationPlanInput = z.infer<typeof remediationPlanInputSchema>;

export const acceptInputSchema = z.strictObject({ note: z.string().trim().max(1000).default(''), result: z.string().trim().max(4000).optional() });

export const hazardListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(100).optional(),
  status: hazardStatusSchema.optional(),
  grade: hazardGradeSchema.optional(),
  postId: idSchema.optional(),
  areaId: idSchema.optional(),
  overdue: queryBoolean.optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** Only the hazards the caller reported ("mine" on the phone). */
  reportedByMe: queryBoolean.optional(),
});
export type HazardListQuery = z.infer<typeof hazardListQuerySchema>;

export const hazardSchema = z.object({
  id: z.string(),
  source: z.enum(hazardSources),
  recordId: z.string().nullable(),
  itemId: z.string().nullable(),
  postId: z.string().nullable(),
  postName: z.string().nullable(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  measureId: z.string().nullable(),
  grade: hazardGradeSchema.nullable(),
  criterionId: z.string().nullable(),
  criterionOtherReason: z.string().nullable(),
  description: z.string(),
  photoIds: z.array(z.string()),
  status: hazardStatusSchema,
  reporterUserId: z.string().nullable(),
  reporterPersonId: z.string().nullable(),
  reporterName: z.string().nullable(),
  deadline: z.string().nullable(),
  isOverdue: z.boolean(),
  escalationTier: z.string().nullable(),
  isPublished: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Hazards are evidence and never archived; kept for the common resource shape. */
  archivedAt: z.null(),
});
export type HazardDto = z.infer<typeof hazardSchema>;

export const hazardEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const rectificationPlanSchema = z.object({
  measure: z.string(),
  ownerPersonId: z.string(),
  fundsCny: z.number(),
  deadline: z.string(),
  interimMeasure: z.string(),
});

export const remediationPlanSchema = remediationPlanInputSchema.extend({ result: z.string().nullable() });

export const stopWorkSchema = z.object({
  id: z.string(),
  postId: z.string().nullable(),
  areaId: z.string().nullable(),
  stoppedAt: z.string(),
  peopleWithdrawn: z.string(),
  withdrawnBy: z.string(),
  liftedAt: z.string().nullable(),
});

export const hazardDetailSchema = hazardSchema.extend({
  /** Lifecycle steps the caller may take now (computed with the pure lifecycle). */
  allowedActions: z.array(z.enum(hazardActions)),
  events: z.array(hazardEventSchema),
  rectificationPlan: rectificationPlanSchema.nullable(),
  remediationPlan: remediationPlanSchema.nullable(),
  stopWork: z.array(stopWorkSchema),
  /** The "after" photos of the latest submission (the "before" ones are photoIds): acceptance shows both. */
  afterPhotoIds: z.array(z.string()),
});
export type HazardDetailDto = z.infer<typeof hazardDetailSchema>;

/** Issue 9 §9: a wrong field corrected by a new entry (old → new, why), kept in the history. */
export const hazardCorrectionInputSchema = z.strictObject({
  field: z.enum(['description', 'postId', 'areaId']),
  /** The corrected value; for postId/areaId an id, or '' to clear. */
  value: z.string().trim().max(2000),
  reason: nonEmptyText(500),
});
export type HazardCorrectionInput = z.infer<typeof hazardCorrectionInputSchema>;

/** Seed 001 第十八条: the published closures of a post or area (the notice). */
export const closureNoticeQuerySchema = z.strictObject({ postId: idSchema.optional(), areaId: idSchema.optional() });
export const closureNoticeSchema = z.object({
  placeName: z.string().nullable(),
  items: z.array(
    z.object({
      hazardId: z.string(),
      description: z.string(),
      grade: z.enum(['general', 'major']).nullable(),
      postName: z.string().nullable(),
      areaName: z.string().nullable(),
      closedAt: z.string().nullable(),
      publishedAt: z.string().nullable(),
      result: z.string(),
    }),
  ),
});
export type ClosureNoticeDto = z.infer<typeof closureNoticeSchema>;

export const hazardCreatedSchema = z.object({ id: z.string(), isNew: z.boolean() });

export const hazardStatisticsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});

export const hazardStatisticsSchema = z.object({
  period: z.object({ kind: z.enum(['quarter', 'year']), year: z.number(), quarter: z.number().nullable(), start: z.string(), end: z.string(), dueDate: z.string() }),
  found: z.number(),
  foundGeneral: z.number(),
  foundMajor: z.number(),
  fixed: z.number(),
  fixedGeneral: z.number(),
  fixedMajor: z.number(),
  open: z.number(),
  fundsCny: z.number(),
  onTimeRectificationRate: z.number().nullable(),
  closureRate: z.number().nullable(),
});
