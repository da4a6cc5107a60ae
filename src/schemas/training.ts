/* Training and competence (issue 12): requirements, sessions with signed attendance, each person's
 * record, certificates. One schema per payload, shared by server, office app and phone. */
import { z } from 'zod';
import { trainingKinds } from '../domain/training/training-requirements.js';
import { idSchema, isoDate, nonEmptyText } from './common.js';

export const trainingKindSchema = z.enum(trainingKinds);
export type TrainingKindValue = z.infer<typeof trainingKindSchema>;

const basisSchema = z.object({ document: z.string(), article: z.string(), status: z.enum(['confirmed', 'unconfirmed', 'not-from-law']) });

export const requirementSchema = z.object({
  id: z.string(),
  title: z.string(),
  hours: z.number().nullable(),
  dueBy: z.string().nullable(),
  countedKinds: z.array(trainingKindSchema),
  levels: z.array(z.enum(['company', 'workshop', 'team'])).optional(),
  certificateCode: z.string().optional(),
  basis: basisSchema,
});
export type RequirementDto = z.infer<typeof requirementSchema>;

/** POST /api/v1/training-requirements: a described person, nothing saved. */
export const requirementQueryInputSchema = z.strictObject({
  roles: z.array(z.enum(['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker'])).max(5).default([]),
  industryScope: z.enum(['general', 'high_risk']),
  hireDate: isoDate.nullable().default(null),
  postChanges: z
    .array(z.strictObject({ date: isoDate, kind: z.enum(['transfer', 'return_after_absence']), absenceDays: z.number().int().min(0).max(36500).optional() }))
    .max(50)
    .default([]),
  specialOperations: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  isOnKeyRiskPost: z.boolean().default(false),
  hasNewProcessOrEquipment: z.boolean().default(false),
  isContractorManager: z.boolean().default(false),
  year: z.number().int().min(2000).max(2100),
});
export type RequirementQueryInput = z.infer<typeof requirementQueryInputSchema>;
export const requirementListSchema = z.object({ requirements: z.array(requirementSchema) });

export const sessionStatuses = ['planned', 'held', 'cancelled'] as const;
export const trainingSessionInputSchema = z.strictObject({
  title: nonEmptyText(200),
  kind: trainingKindSchema,
  /** ISO date planned (or held). */
  heldOn: isoDate,
  hours: z.number().min(0.5, '学时至少 0.5 / At least 0.5 hours').max(200),
  trainer: z.string().trim().max(100).default(''),
  audience: z.string().trim().max(200).default(''),
  /** Content; empty with a postId: drafted from the post's risks, measures, hazards and emergency steps. */
  content: z.string().trim().max(20000).default(''),
  postId: idSchema.nullable().default(null),
  attendeePersonIds: z.array(idSchema).max(500).default([]),
});
export type TrainingSessionInput = z.infer<typeof trainingSessionInputSchema>;

/** Update: no defaults (zod 4 applies defaults inside partial). */
export const trainingSessionUpdateSchema = z.strictObject({
  title: nonEmptyText(200).optional(),
  heldOn: isoDate.optional(),
  hours: z.number().min(0.5).max(200).optional(),
  trainer: z.string().trim().max(100).optional(),
  audience: z.string().trim().max(200).optional(),
  content: z.string().trim().max(20000).optional(),
  attendeePersonIds: z.array(idSchema).max(500).optional(),
  status: z.enum(sessionStatuses).optional(),
});
export type TrainingSessionUpdate = z.infer<typeof trainingSessionUpdateSchema>;

export const attendeeSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  signedAt: z.string().nullable(),
  signMethod: z.string().nullable(),
  score: z.number().nullable(),
});

export const trainingSessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: trainingKindSchema,
  heldOn: z.string(),
  hours: z.number(),
  trainer: z.string(),
  audience: z.string(),
  content: z.string(),
  postId: z.string().nullable(),
  postName: z.string().nullable(),
  status: z.enum(sessionStatuses),
  attendees: z.array(attendeeSchema),
  signedCount: z.number(),
  createdAt: z.string(),
});
export type TrainingSessionDto = z.infer<typeof trainingSessionSchema>;

/** Newest session first, keyset-paged by (heldOn, id): `cursor` is the previous page's `nextCursor`. */
export const trainingSessionListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(sessionStatuses).optional(),
  personId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const trainingSessionListSchema = z.object({ items: z.array(trainingSessionSchema), nextCursor: z.string().nullable() });

export const trainingScoreInputSchema = z.strictObject({
  personId: idSchema,
  score: z.number().min(0).max(100),
});

export const contentDraftQuerySchema = z.strictObject({ postId: idSchema });
export const contentDraftSchema = z.object({ content: z.string() });

export const certificateKinds = ['special_operation', 'principal', 'safety_manager'] as const;
export const certificateInputSchema = z.strictObject({
  personId: idSchema,
  kind: z.enum(certificateKinds),
  /** Special-operation category code (reference set special-operations); required for special_operation. */
  operationCode: z.string().trim().max(50).nullable().default(null),
  number: nonEmptyText(100),
  issuer: z.string().trim().max(200).default(''),
  issuedOn: isoDate,
  /** Empty: issuedOn + 6 years for a special-operation certificate. */
  expiresOn: isoDate.nullable().default(null),
  /** Empty: issuedOn + 3 years for a special-operation certificate (复审). */
  reviewDueOn: isoDate.nullable().default(null),
});
export type CertificateInput = z.infer<typeof certificateInputSchema>;

export const certificateUpdateSchema = z.strictObject({
  number: nonEmptyText(100).optional(),
  issuer: z.string().trim().max(200).optional(),
  expiresOn: isoDate.nullable().optional(),
  reviewDueOn: isoDate.nullable().optional(),
});
export type CertificateUpdate = z.infer<typeof certificateUpdateSchema>;

export const certificateStates = ['valid', 'expiring', 'review_due', 'review_overdue', 'expired'] as const;
export const certificateSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  kind: z.enum(certificateKinds),
  operationCode: z.string().nullable(),
  operationLabel: z.string().nullable(),
  number: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  state: z.enum(certificateStates),
});
export type CertificateDto = z.infer<typeof certificateSchema>;
export const certificateListSchema = z.object({ items: z.array(certificateSchema), nextCursor: z.string().nullable() });
/** Newest registered first, keyset-paged by (created_at, id): `cursor` is the previous page's `nextCursor`. */
export const certificateListQuerySchema = z.object({
  personId: idSchema.optional(),
  state: z.enum(certificateStates).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const progressSchema = z.object({
  requirement: requirementSchema,
  creditedHours: z.number(),
  gapHours: z.number(),
  missingLevels: z.array(z.string()),
  state: z.enum(['met', 'open', 'overdue']),
});

export const personTrainingStatusSchema = z.enum(['red', 'amber', 'green']);
export const personTrainingSummarySchema = z.object({
  personId: z.string(),
  personName: z.string(),
  postNames: z.array(z.string()),
  orgUnitName: z.string().nullable(),
  hoursThisYear: z.number(),
  requiredHoursThisYear: z.number(),
  gapHours: z.number(),
  status: personTrainingStatusSchema,
  reasons: z.array(z.string()),
});
export type PersonTrainingSummaryDto = z.infer<typeof personTrainingSummarySchema>;

export const trainingRecordListSchema = z.object({
  year: z.number(),
  items: z.array(personTrainingSummarySchema),
  counts: z.object({ red: z.number(), amber: z.number(), green: z.number() }),
});
export const trainingRecordQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: personTrainingStatusSchema.optional(),
});

export const personTrainingRecordSchema = z.object({
  year: z.number(),
  person: personTrainingSummarySchema,
  progress: z.array(progressSchema),
  sessions: z.array(z.object({ id: z.string(), title: z.string(), kind: trainingKindSchema, heldOn: z.string(), hours: z.number(), score: z.number().nullable() })),
  certificates: z.array(certificateSchema),
});
export type PersonTrainingRecordDto = z.infer<typeof personTrainingRecordSchema>;
