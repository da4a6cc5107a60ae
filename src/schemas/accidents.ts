import { z } from 'zod';
import { idSchema, isoDate, nonEmptyText, pageQuerySchema, queryBoolean } from './common.js';

export const accidentKinds = ['accident', 'near_miss'] as const;
export type AccidentKind = (typeof accidentKinds)[number];

const count = z.number().int().min(0).max(10_000);
const typeCode = z.string().regex(/^(0[1-9]|1\d|20)$/);

/** 事故事件台账 entry: an accident or a near miss (未遂事件), with its place, people, consequences and lessons. */
export const accidentInputSchema = z.strictObject({
  kind: z.enum(accidentKinds),
  occurredOn: isoDate,
  postId: idSchema.nullable().default(null),
  areaId: idSchema.nullable().default(null),
  equipmentId: idSchema.nullable().default(null),
  peopleInvolved: z.string().trim().max(500).default(''),
  /** GB 6441-1986 category 01–20 (the Henan-20 label is derived). */
  accidentTypeCode: typeCode.nullable().default(null),
  deaths: count.default(0),
  seriousInjuries: count.default(0),
  minorInjuries: count.default(0),
  directLossCny: z.number().min(0).max(1e12).default(0),
  /** 重大财产损失 (seed 001 第七条（一）1): the enterprise's judgement, not a fixed amount. */
  isMajorPropertyLoss: z.boolean().default(false),
  description: nonEmptyText(4000),
  causeAnalysis: z.string().trim().max(4000).default(''),
  correctiveActions: z.string().trim().max(4000).default(''),
  /** Reported to the authority where the law requires it: to whom, when. */
  authorityReport: z.string().trim().max(1000).default(''),
});
export type AccidentInput = z.infer<typeof accidentInputSchema>;

/**
 * A correction is a new entry (insert-only evidence): the fields that were wrong, and why.
 * Spelled out without defaults (zod 4 applies defaults inside partial objects).
 */
export const accidentCorrectionSchema = z.strictObject({
  reason: nonEmptyText(1000),
  /** The entry was made by mistake: it stays in the register's history but counts no more. */
  isVoid: z.boolean().optional(),
  kind: z.enum(accidentKinds).optional(),
  occurredOn: isoDate.optional(),
  postId: idSchema.nullable().optional(),
  areaId: idSchema.nullable().optional(),
  equipmentId: idSchema.nullable().optional(),
  peopleInvolved: z.string().trim().max(500).optional(),
  accidentTypeCode: typeCode.nullable().optional(),
  deaths: count.optional(),
  seriousInjuries: count.optional(),
  minorInjuries: count.optional(),
  directLossCny: z.number().min(0).max(1e12).optional(),
  isMajorPropertyLoss: z.boolean().optional(),
  description: nonEmptyText(4000).optional(),
  causeAnalysis: z.string().trim().max(4000).optional(),
  correctiveActions: z.string().trim().max(4000).optional(),
  authorityReport: z.string().trim().max(1000).optional(),
});
export type AccidentCorrectionInput = z.infer<typeof accidentCorrectionSchema>;

export const accidentRevisionDtoSchema = z.object({
  revision: z.number(),
  kind: z.enum(accidentKinds),
  occurredOn: z.string(),
  postId: z.string().nullable(),
  postName: z.string().nullable(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  equipmentId: z.string().nullable(),
  equipmentName: z.string().nullable(),
  peopleInvolved: z.string(),
  accidentTypeCode: z.string().nullable(),
  accidentTypeLabel: z.string().nullable(),
  /** The Henan notice's (seed 003) name for the type, where it maps. */
  henanTypeLabel: z.string().nullable(),
  deaths: z.number(),
  seriousInjuries: z.number(),
  minorInjuries: z.number(),
  directLossCny: z.number(),
  isMajorPropertyLoss: z.boolean(),
  description: z.string(),
  causeAnalysis: z.string(),
  correctiveActions: z.string(),
  authorityReport: z.string(),
  isVoid: z.boolean(),
  correctionReason: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});
export type AccidentRevisionDto = z.infer<typeof accidentRevisionDtoSchema>;

/** The current revision, addressed by the id of the first entry. */
export const accidentDtoSchema = accidentRevisionDtoSchema.extend({
  id: z.string(),
  /** The worst consequence, for the register's colour: death > serious > minor > none. */
  severity: z.enum(['death', 'serious', 'minor', 'none']),
});
export type AccidentDto = z.infer<typeof accidentDtoSchema>;

export const accidentDetailDtoSchema = accidentDtoSchema.extend({
  /** Every entry, oldest first: the original is never overwritten. */
  history: z.array(accidentRevisionDtoSchema),
  /** Risks re-evaluated because of this entry (seed 001 第七条). */
  affectedRiskCount: z.number(),
});
export type AccidentDetailDto = z.infer<typeof accidentDetailDtoSchema>;

export const accidentListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(accidentKinds).optional(),
  postId: idSchema.optional(),
  areaId: idSchema.optional(),
  equipmentId: idSchema.optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  includeVoid: queryBoolean.optional(),
});
export type AccidentListQuery = z.infer<typeof accidentListQuerySchema>;

export const accidentIndicatorsQuerySchema = z.strictObject({ since: isoDate.optional(), until: isoDate.optional() });
export const accidentIndicatorsDtoSchema = z.object({
  since: z.string().nullable(),
  until: z.string().nullable(),
  accidents: z.number(),
  nearMisses: z.number(),
  deaths: z.number(),
  seriousInjuries: z.number(),
  minorInjuries: z.number(),
  directLossCny: z.number(),
  byYear: z.array(z.object({ year: z.number(), accidents: z.number(), nearMisses: z.number(), deaths: z.number(), seriousInjuries: z.number(), minorInjuries: z.number(), directLossCny: z.number() })),
});
export type AccidentIndicatorsDto = z.infer<typeof accidentIndicatorsDtoSchema>;
