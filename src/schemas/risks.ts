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
