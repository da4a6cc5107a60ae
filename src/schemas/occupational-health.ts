/* Operational registers and occupational health (issue 14 §10): special equipment and its periodic
 * inspections, health examinations, PPE, workplace monitoring, the hazard declaration. */
import { z } from 'zod';
import { dateStates } from '../domain/operations/date-state.js';
import { healthExamKinds, healthExamResults, inspectionResults } from '../domain/operations/occupational-health.js';
import { specialEquipmentCategoryCodes } from '../reference/special-equipment-categories.js';
import { ppeKinds } from '../reference/ppe-kinds.js';
import { exposureFactorKinds } from '../reference/occupational-exposure-limits.js';
import { idSchema, isoDate, nonEmptyText, pageQuerySchema } from './common.js';

const text = (max: number) => z.string().trim().max(max);

export const specialEquipmentCreateSchema = z.strictObject({
  name: nonEmptyText(200),
  equipmentId: idSchema.nullable().default(null),
  category: z.enum(specialEquipmentCategoryCodes),
  /** 使用登记证编号. */
  registrationNo: text(100).default(''),
  /** Months between periodic inspections; null: the category's cycle. */
  cycleMonths: z.number().int().min(1).max(120).nullable().default(null),
  /** The next inspection date before any inspection is recorded here (from the last report on paper). */
  firstDueOn: isoDate.nullable().default(null),
  responsiblePersonId: idSchema.nullable().default(null),
});
export const specialEquipmentUpdateSchema = z.strictObject({
  name: nonEmptyText(200).optional(),
  equipmentId: idSchema.nullable().optional(),
  category: z.enum(specialEquipmentCategoryCodes).optional(),
  registrationNo: text(100).optional(),
  cycleMonths: z.number().int().min(1).max(120).optional(),
  firstDueOn: isoDate.nullable().optional(),
  responsiblePersonId: idSchema.nullable().optional(),
});
export const equipmentInspectionInputSchema = z.strictObject({
  inspectedOn: isoDate,
  agency: text(200).default(''),
  reportNo: text(100).default(''),
  result: z.enum(inspectionResults),
  /** The next date the report states; else the cycle from the inspection day. */
  nextDueOn: isoDate.nullable().default(null),
  notes: text(2000).default(''),
});
export const equipmentInspectionSchema = z.object({
  id: z.string(),
  specialEquipmentId: z.string(),
  inspectedOn: z.string(),
  agency: z.string(),
  reportNo: z.string(),
  result: z.enum(inspectionResults),
  nextDueOn: z.string(),
  notes: z.string(),
  createdAt: z.string(),
});
export type EquipmentInspectionDto = z.infer<typeof equipmentInspectionSchema>;
export const specialEquipmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  equipmentId: z.string().nullable(),
  category: z.enum(specialEquipmentCategoryCodes),
  categoryLabel: z.string(),
  registrationNo: z.string(),
  cycleMonths: z.number(),
  firstDueOn: z.string().nullable(),
  responsiblePersonId: z.string().nullable(),
  lastInspection: equipmentInspectionSchema.nullable(),
  /** The next periodic inspection: the last report's next date, or firstDueOn. */
  nextDueOn: z.string().nullable(),
  dueState: z.enum(dateStates),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type SpecialEquipmentDto = z.infer<typeof specialEquipmentSchema>;
export const specialEquipmentListQuerySchema = pageQuerySchema.extend({ category: z.enum(specialEquipmentCategoryCodes).optional() }).strict();

export const healthExamInputSchema = z.strictObject({
  personId: idSchema,
  kind: z.enum(healthExamKinds),
  examOn: isoDate,
  institution: text(200).default(''),
  result: z.enum(healthExamResults),
  findings: text(2000).default(''),
  /** The next examination the institution asks for; else the product default (none after leaving). */
  nextDueOn: isoDate.nullable().default(null),
});
export const healthExamSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  kind: z.enum(healthExamKinds),
  examOn: z.string(),
  institution: z.string(),
  result: z.enum(healthExamResults),
  findings: z.string(),
  nextDueOn: z.string().nullable(),
  /** Whether this is the person's latest examination (only the latest one's next date is owed). */
  isLatest: z.boolean(),
  dueState: z.enum(dateStates),
  createdAt: z.string(),
});
export type HealthExamDto = z.infer<typeof healthExamSchema>;
export const healthExamListQuerySchema = pageQuerySchema.extend({ personId: idSchema.optional() }).strict();

export const ppeRequirementCreateSchema = z.strictObject({
  postId: idSchema,
  /** What is worn, e.g. 防尘口罩 KN95. */
  name: nonEmptyText(200),
  kind: z.enum(ppeKinds),
  /** Months until a piece is replaced; null: when worn out. */
  replaceMonths: z.number().int().min(1).max(120).nullable().default(null),
  note: text(500).default(''),
});
export const ppeRequirementUpdateSchema = z.strictObject({
  postId: idSchema.optional(),
  name: nonEmptyText(200).optional(),
  kind: z.enum(ppeKinds).optional(),
  replaceMonths: z.number().int().min(1).max(120).nullable().optional(),
  note: text(500).optional(),
});
export const ppeRequirementSchema = z.object({
  id: z.string(),
  postId: z.string(),
  name: z.string(),
  kind: z.enum(ppeKinds),
  replaceMonths: z.number().nullable(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type PpeRequirementDto = z.infer<typeof ppeRequirementSchema>;
export const ppeRequirementListQuerySchema = pageQuerySchema.extend({ postId: idSchema.optional() }).strict();

export const ppeIssueInputSchema = z.strictObject({
  personId: idSchema,
  /** The post requirement it fulfils (name, kind and replacement period come from it). */
  requirementId: idSchema.nullable().default(null),
  name: text(200).default(''),
  kind: z.enum(ppeKinds).optional(),
  quantity: z.number().int().min(1).max(1000).default(1),
  issuedOn: isoDate,
  /** Replace by; else the requirement's period from the issue day. */
  replaceBy: isoDate.nullable().default(null),
});
export const ppeIssueSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  requirementId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(ppeKinds),
  quantity: z.number(),
  issuedOn: z.string(),
  replaceBy: z.string().nullable(),
  /** When the recipient signed for it (sign-off 'ppe-issue'), or null. */
  signedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PpeIssueDto = z.infer<typeof ppeIssueSchema>;
export const ppeIssueListQuerySchema = pageQuerySchema.extend({ personId: idSchema.optional() }).strict();

export const monitoringInputSchema = z.strictObject({
  areaId: idSchema.nullable().default(null),
  postId: idSchema.nullable().default(null),
  /** 检测点, e.g. 冲压机旁 1.5 m. */
  point: nonEmptyText(200),
  limitCode: z.string().trim().min(1).max(60),
  measuredOn: isoDate,
  value: z.number().min(0).max(1_000_000),
  /** The limit the agency's report applies, when it differs from the reference value. */
  limitValue: z.number().min(0).max(1_000_000).nullable().default(null),
  agency: text(200).default(''),
});
export const monitoringSchema = z.object({
  id: z.string(),
  areaId: z.string().nullable(),
  postId: z.string().nullable(),
  point: z.string(),
  limitCode: z.string(),
  factor: z.string(),
  kind: z.enum(exposureFactorKinds),
  unit: z.string(),
  measuredOn: z.string(),
  value: z.number(),
  limitValue: z.number(),
  isOverLimit: z.boolean(),
  agency: z.string(),
  /** The hazard an over-limit reading raised. */
  hazardId: z.string().nullable(),
  createdAt: z.string(),
});
export type MonitoringDto = z.infer<typeof monitoringSchema>;
export const monitoringListQuerySchema = pageQuerySchema.extend({ isOverLimit: z.enum(['true', 'false']).optional() }).strict();

export const declarationKinds = ['initial', 'change', 'yearly'] as const;
export const declarationInputSchema = z.strictObject({
  kind: z.enum(declarationKinds),
  declaredOn: isoDate,
  authority: text(200).default(''),
  receiptNo: text(100).default(''),
  factors: z.array(z.enum(exposureFactorKinds)).max(10).default([]),
  exposedCount: z.number().int().min(0).max(1_000_000).default(0),
  notes: text(2000).default(''),
});
export const declarationSchema = z.object({
  id: z.string(),
  kind: z.enum(declarationKinds),
  declaredOn: z.string(),
  authority: z.string(),
  receiptNo: z.string(),
  factors: z.array(z.enum(exposureFactorKinds)),
  exposedCount: z.number(),
  notes: z.string(),
  createdAt: z.string(),
});
export type DeclarationDto = z.infer<typeof declarationSchema>;

export const postExposureSchema = z.object({
  postId: z.string(),
  postName: z.string(),
  /** Exposure factor kinds implied by the post's live risks (their GB/T 13861 codes). */
  kinds: z.array(z.enum(exposureFactorKinds)),
  riskCount: z.number(),
  /** The latest reading per limit at the post (or its areas), newest first. */
  latestReadings: z.array(monitoringSchema),
});
export type PostExposureDto = z.infer<typeof postExposureSchema>;
