/* Nonconformities and corrective/preventive actions (issue 15 §4, seed 000 五(一)). */
import { z } from 'zod';
import { capaSourceKinds, capaStatuses, fishboneCategories, rootCauseMethods } from '../domain/improvement/capa-lifecycle.js';
import { idSchema, isoDate, nonEmptyText, optionalText, pageQuerySchema, queryBoolean } from './common.js';

/** Sources a person may name by hand; the others are raised by their own feature (audit finding, drill review, self-assessment…). */
export const manualCapaSourceKinds = ['accident', 'monitoring', 'management_review', 'other'] as const;

export const capaCreateSchema = z.strictObject({
  sourceKind: z.enum(manualCapaSourceKinds),
  /** The accident's id for sourceKind "accident"; otherwise absent. */
  sourceId: idSchema.nullable().default(null),
  description: nonEmptyText(2000),
  ownerPersonId: idSchema.nullable().default(null),
  hazardIds: z.array(idSchema).max(50).default([]),
});
export type CapaCreateInput = z.infer<typeof capaCreateSchema>;

export const capaAnalysisSchema = z.strictObject({
  method: z.enum(rootCauseMethods),
  whys: z.array(optionalText(500)).max(5).default([]),
  fishbone: z.partialRecord(z.enum(fishboneCategories), optionalText(1000)).default({}),
  rootCause: nonEmptyText(2000),
  /** Days after the last action is done when the effectiveness check falls due. */
  verifyAfterDays: z.number().int().min(0).max(365).default(30),
  ownerPersonId: idSchema.nullable().optional(),
});
export type CapaAnalysisInput = z.infer<typeof capaAnalysisSchema>;

export const capaActionCreateSchema = z.strictObject({
  description: nonEmptyText(1000),
  isPreventive: z.boolean().default(false),
  ownerPersonId: idSchema,
  deadline: isoDate,
});
export const capaRiskCheckSchema = z.strictObject({
  /** The new risks the actions bring, or why there are none. */
  newRisks: nonEmptyText(2000),
  hasNewRisks: z.boolean(),
});
export const capaActionDoneSchema = z.strictObject({ actionId: idSchema, note: optionalText(1000) });
export const capaCheckSchema = z.strictObject({ isEffective: z.boolean(), evidence: nonEmptyText(2000) });
export const capaHazardLinkSchema = z.strictObject({ hazardId: idSchema });

export const capaListQuerySchema = pageQuerySchema
  .omit({ q: true, includeArchived: true })
  .extend({
    status: z.enum(capaStatuses).optional(),
    sourceKind: z.enum(capaSourceKinds).optional(),
    isOpen: queryBoolean.optional(),
  })
  .strict();
export type CapaListQuery = z.infer<typeof capaListQuerySchema>;

export const capaActionSchema = z.object({
  id: z.string(),
  round: z.number(),
  description: z.string(),
  isPreventive: z.boolean(),
  ownerPersonId: z.string(),
  ownerName: z.string().nullable(),
  deadline: z.string(),
  isOverdue: z.boolean(),
  doneAt: z.string().nullable(),
  doneNote: z.string(),
});
export const capaCheckDtoSchema = z.object({
  id: z.string(),
  round: z.number(),
  isEffective: z.boolean(),
  evidence: z.string(),
  checkedByName: z.string().nullable(),
  at: z.string(),
});
export const capaSchema = z.object({
  id: z.string(),
  sourceKind: z.enum(capaSourceKinds),
  sourceId: z.string().nullable(),
  sourceLabel: z.string(),
  description: z.string(),
  status: z.enum(capaStatuses),
  round: z.number(),
  ownerPersonId: z.string().nullable(),
  ownerName: z.string().nullable(),
  rootCauseMethod: z.enum(rootCauseMethods).nullable(),
  whys: z.array(z.string()),
  fishbone: z.partialRecord(z.enum(fishboneCategories), z.string()),
  rootCause: z.string(),
  verifyAfterDays: z.number(),
  riskCheck: z.object({ newRisks: z.string(), hasNewRisks: z.boolean(), at: z.string(), round: z.number() }).nullable(),
  checkDueOn: z.string().nullable(),
  overdueActions: z.number(),
  escalates: z.boolean(),
  hazardIds: z.array(z.string()),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CapaDto = z.infer<typeof capaSchema>;
export const capaDetailSchema = capaSchema.extend({ actions: z.array(capaActionSchema), checks: z.array(capaCheckDtoSchema) });
export type CapaDetailDto = z.infer<typeof capaDetailSchema>;

export const capaIndicatorsSchema = z.object({
  raised: z.number(),
  open: z.number(),
  effective: z.number(),
  ineffective: z.number(),
  verifying: z.number(),
  overdueActions: z.number(),
  bySource: z.record(z.string(), z.number()),
});
export type CapaIndicatorsDto = z.infer<typeof capaIndicatorsSchema>;
