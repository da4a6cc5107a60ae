import { z } from 'zod';
import { idSchema, nonEmptyText, optionalText, pageQuerySchema, queryBoolean } from './common.js';
import { riskLevelValues } from './org.js';
import { riskEvaluationInputSchema, riskEvaluationResultSchema } from './risk-evaluation.js';

export const objectKinds = ['activity', 'equipment', 'place', 'material', 'duty', 'rule'] as const;
export const identificationMethods = ['brainstorming', 'jha', 'checklist', 'pha'] as const;
export const measureTypes = ['eliminate', 'substitute', 'engineering', 'administrative', 'ppe', 'emergency'] as const;
export const phases = ['before', 'during', 'after'] as const;
export const periods = ['shift', 'day', 'week', 'month', 'quarter', 'year'] as const;
export const inspectionMethods = ['look', 'test', 'ask', 'records'] as const;
export const controlTiers = ['company', 'department', 'team', 'post'] as const;
export const riskStatuses = ['proposed', 'accepted', 'rejected'] as const;

export const inspectionItemInputSchema = z.strictObject({
  content: nonEmptyText(500),
  method: z.enum(inspectionMethods),
  period: z.enum(periods),
  responsiblePersonId: idSchema.nullable().default(null),
  /** Seed 001 第十三条: without a named person, the item says explicitly that the post's holders on duty do it. */
  responsibleIsPostHolders: z.boolean().default(false),
  supervisorPostId: idSchema.nullable().default(null),
});

export const measureInputSchema = z.strictObject({
  type: z.enum(measureTypes),
  phase: z.enum(phases).nullable().default(null),
  dutyItem: z.string().trim().max(200).nullable().default(null),
  text: nonEmptyText(1000),
  /** The inspection item the measure becomes (seed 001 Art. 13: every measure is checked). */
  inspection: inspectionItemInputSchema,
});
export type MeasureInput = z.infer<typeof measureInputSchema>;

export const jhaStepSchema = z.strictObject({ step: nonEmptyText(200), hazards: optionalText(500) });

export const riskInputSchema = z.strictObject({
  postId: idSchema,
  objectKind: z.enum(objectKinds),
  objectName: nonEmptyText(200),
  objectId: idSchema.nullable().default(null),
  areaId: idSchema.nullable().default(null),
  isNonRoutine: z.boolean().default(false),
  hazardFactorCodes: z.array(z.string().max(10)).min(1).max(20),
  accidentTypeCodes: z.array(z.string().max(3)).min(1).max(20),
  causes: nonEmptyText(2000),
  identificationMethod: z.enum(identificationMethods).default('brainstorming'),
  jhaSteps: z.array(jhaStepSchema).max(50).nullable().default(null),
  evaluation: riskEvaluationInputSchema,
  controlTier: z.enum(controlTiers).optional(),
  responsiblePersonId: idSchema.nullable().default(null),
  measures: z.array(measureInputSchema).max(50).default([]),
});
export type RiskInput = z.infer<typeof riskInputSchema>;

export const evaluationDtoSchema = riskEvaluationResultSchema.extend({
  id: z.string(),
  stage: z.enum(['inherent', 'residual']),
  note: z.string(),
  evaluatedAt: z.string(),
  evaluatedByUserId: z.string().nullable(),
});

export const measureDtoSchema = z.object({
  id: z.string(),
  riskId: z.string(),
  type: z.enum(measureTypes),
  phase: z.enum(phases).nullable(),
  dutyItem: z.string().nullable(),
  text: z.string(),
  position: z.number(),
  inspectionItems: z.array(
    z.object({
      id: z.string(),
      content: z.string(),
      method: z.enum(inspectionMethods),
      period: z.enum(periods),
      responsiblePersonId: z.string().nullable(),
      supervisorPostId: z.string().nullable(),
    }),
  ),
});

export const riskDtoSchema = z.object({
  id: z.string(),
  postId: z.string(),
  objectKind: z.enum(objectKinds),
  objectName: z.string(),
  objectId: z.string().nullable(),
  areaId: z.string().nullable(),
  isNonRoutine: z.boolean(),
  hazardFactorCodes: z.array(z.string()),
  accidentTypeCodes: z.array(z.string()),
  causes: z.string(),
  identificationMethod: z.enum(identificationMethods),
  jhaSteps: z.array(z.object({ step: z.string(), hazards: z.string() })).nullable(),
  status: z.enum(riskStatuses),
  controlTier: z.enum(controlTiers),
  responsiblePersonId: z.string().nullable(),
  level: z.enum(riskLevelValues).nullable(),
  residualLevel: z.enum(riskLevelValues).nullable(),
  reviewReason: z.string().nullable(),
  templateRef: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type RiskDto = z.infer<typeof riskDtoSchema>;

export const riskListQuerySchema = pageQuerySchema.extend({
  postId: idSchema.optional(),
  areaId: idSchema.optional(),
  level: z.enum(riskLevelValues).optional(),
  controlTier: z.enum(controlTiers).optional(),
  status: z.enum(riskStatuses).optional(),
  isDueForReview: queryBoolean.optional(),
});

// ── Issue 4: the risk register API ────────────────────────────────────────────────────────────

/** Creating a risk: a manager's is accepted at once; a worker's is a proposal for a post they hold. */
export const riskCreateSchema = riskInputSchema;

/** Identification fields: changing any of them is a re-identification and clears the review flag. */
export const identificationFields = [
  'objectKind',
  'objectName',
  'objectId',
  'areaId',
  'isNonRoutine',
  'hazardFactorCodes',
  'accidentTypeCodes',
  'causes',
  'identificationMethod',
  'jhaSteps',
] as const;

export const riskUpdateSchema = z.strictObject({
  objectKind: z.enum(objectKinds).optional(),
  objectName: nonEmptyText(200).optional(),
  objectId: idSchema.nullable().optional(),
  areaId: idSchema.nullable().optional(),
  isNonRoutine: z.boolean().optional(),
  hazardFactorCodes: z.array(z.string().max(10)).min(1).max(20).optional(),
  accidentTypeCodes: z.array(z.string().max(3)).min(1).max(20).optional(),
  causes: nonEmptyText(2000).optional(),
  identificationMethod: z.enum(identificationMethods).optional(),
  jhaSteps: z.array(jhaStepSchema).max(50).nullable().optional(),
  controlTier: z.enum(controlTiers).optional(),
  responsiblePersonId: idSchema.nullable().optional(),
});
export type RiskUpdateInput = z.infer<typeof riskUpdateSchema>;

export const riskRejectSchema = z.strictObject({ reason: nonEmptyText(1000) });

export const evaluationStages = ['inherent', 'residual'] as const;
export const evaluationCreateSchema = z.strictObject({
  stage: z.enum(evaluationStages),
  evaluation: riskEvaluationInputSchema,
  /** Why it was re-evaluated (history must say why). */
  note: nonEmptyText(1000),
});
export type EvaluationCreateInput = z.infer<typeof evaluationCreateSchema>;

export const measureCreateSchema = measureInputSchema;
export const measureUpdateSchema = z.strictObject({
  type: z.enum(measureTypes).optional(),
  phase: z.enum(phases).nullable().optional(),
  dutyItem: z.string().trim().max(200).nullable().optional(),
  text: nonEmptyText(1000).optional(),
  // Not `inspectionItemInputSchema.partial()`: its defaults would turn an omitted responsible
  // person into null and wipe it on every partial update.
  inspection: z
    .strictObject({
      content: nonEmptyText(500).optional(),
      method: z.enum(inspectionMethods).optional(),
      period: z.enum(periods).optional(),
      responsiblePersonId: idSchema.nullable().optional(),
      responsibleIsPostHolders: z.boolean().optional(),
      supervisorPostId: idSchema.nullable().optional(),
    })
    .optional(),
});
export type MeasureUpdateInput = z.infer<typeof measureUpdateSchema>;

/** Seed 001 Art. 10: 重大 / 较大 risks need a special control plan — every part of it. */
export const specialControlPlanInputSchema = z.strictObject({
  objective: nonEmptyText(2000),
  measures: nonEmptyText(4000),
  people: nonEmptyText(1000),
  fundsCny: z.number().min(0).max(1e12),
  schedule: nonEmptyText(1000),
});
export type SpecialControlPlanInput = z.infer<typeof specialControlPlanInputSchema>;

export const specialControlPlanDtoSchema = specialControlPlanInputSchema.extend({
  riskId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const measureFullDtoSchema = measureDtoSchema.extend({ archivedAt: z.string().nullable() });
export type MeasureFullDto = z.infer<typeof measureFullDtoSchema>;

/** Risk register row: the risk plus the facts the register filters and colours by. */
export const riskListItemDtoSchema = riskDtoSchema.extend({
  postName: z.string(),
  postKind: z.enum(['operation', 'management']),
  rejectionReason: z.string().nullable(),
  identifiedAt: z.string(),
  identifiedByUserId: z.string().nullable(),
  reviewFlaggedAt: z.string().nullable(),
  isDueForReview: z.boolean(),
  measureCount: z.number(),
  hasSpecialPlan: z.boolean(),
  /** 重大 / 较大 without a special control plan (seed 001 Art. 10). */
  missingSpecialPlan: z.boolean(),
  /** Accepted, has measures and, when 重大 / 较大, a special control plan. */
  isControlled: z.boolean(),
});
export type RiskListItemDto = z.infer<typeof riskListItemDtoSchema>;

export const evaluationHistoryDtoSchema = evaluationDtoSchema.extend({
  inputs: z.record(z.string(), z.unknown()),
  evaluatedByName: z.string().nullable(),
  /** Level of the same stage before this evaluation (null for the first). */
  levelBefore: z.enum(riskLevelValues).nullable(),
});
export type EvaluationHistoryDto = z.infer<typeof evaluationHistoryDtoSchema>;

/** Seed 001 Art. 9: operation posts by phase (before / during / after), management posts by duty item. */
export const measureGroupDtoSchema = z.object({
  by: z.enum(['phase', 'dutyItem']),
  key: z.string().nullable(),
  label: z.string(),
  measures: z.array(measureFullDtoSchema),
});

export const riskDetailDtoSchema = riskListItemDtoSchema.extend({
  /** In hierarchy order: eliminate → substitute → engineering → administrative → ppe → emergency (Art. 8). */
  measures: z.array(measureFullDtoSchema),
  measureGroups: z.array(measureGroupDtoSchema),
  inherentEvaluation: evaluationHistoryDtoSchema.nullable(),
  residualEvaluation: evaluationHistoryDtoSchema.nullable(),
  specialControlPlan: specialControlPlanDtoSchema.nullable(),
  history: z.array(evaluationHistoryDtoSchema),
});
export type RiskDetailDto = z.infer<typeof riskDetailDtoSchema>;

export const riskRegisterQuerySchema = riskListQuerySchema.extend({
  isControlled: queryBoolean.optional(),
});
export type RiskRegisterQuery = z.infer<typeof riskRegisterQuerySchema>;

const levelCounts = z.object({ major: z.number(), significant: z.number(), general: z.number(), low: z.number() });
export const riskOverviewDtoSchema = z.object({
  /** Accepted, live risks by their current (inherent) level. */
  countsByLevel: levelCounts,
  /** Live posts by their level; `none` for posts without accepted risks. */
  postsByLevel: levelCounts.extend({ none: z.number() }),
  /** Accepted risks that are not controlled (no measures, or 重大 / 较大 without a special plan). */
  uncontrolled: z.number(),
  missingSpecialPlan: z.number(),
  dueForReview: z.number(),
  proposed: z.number(),
});
export type RiskOverviewDto = z.infer<typeof riskOverviewDtoSchema>;
