/* Operational registers and occupational health (issue 14 §10): special equipment and its periodic
 * inspections, health examinations, PPE, workplace monitoring, the hazard declaration. */
import { z } from 'zod';
import { dateStates } from '../domain/operations/date-state.js';
import { healthExamKinds, healthExamResults, inspectionResults } from '../domain/operations/occupational-health.js';
import { specialEquipmentCategoryCodes } from '../reference/special-equipment-categories.js';
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
