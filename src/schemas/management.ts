/* OHS management system, Plan and Do (issue 14 §3–4): objectives and their programme, the policy. */
import { z } from 'zod';
import { idSchema, nonEmptyText, pageQuerySchema } from './common.js';
import { objectiveComparisons, objectiveMetrics, objectiveStates } from '../domain/management/objective-metrics.js';

const text = (max: number) => z.string().trim().max(max);
const yearSchema = z.number().int().min(2000).max(2100);
const valueSchema = z.number().min(0).max(1_000_000_000);

export const objectiveCreateSchema = z.strictObject({
  name: nonEmptyText(200),
  /** null: the value is entered by hand. */
  metric: z.enum(objectiveMetrics).nullable().default(null),
  comparison: z.enum(objectiveComparisons),
  targetValue: valueSchema,
  /** Free text for a hand-entered objective; a bound one takes its metric's unit. */
  unit: text(20).default(''),
  year: yearSchema,
  ownerPersonId: idSchema,
  orgUnitId: idSchema.nullable().default(null),
  manualValue: valueSchema.nullable().default(null),
  programmeDuties: text(2000).default(''),
  programmeMethod: text(2000).default(''),
  programmeSchedule: text(2000).default(''),
  programmeResources: text(2000).default(''),
});
export const objectiveUpdateSchema = z.strictObject({
  name: nonEmptyText(200).optional(),
  metric: z.enum(objectiveMetrics).nullable().optional(),
  comparison: z.enum(objectiveComparisons).optional(),
  targetValue: valueSchema.optional(),
  unit: text(20).optional(),
  year: yearSchema.optional(),
  ownerPersonId: idSchema.optional(),
  orgUnitId: idSchema.nullable().optional(),
  manualValue: valueSchema.nullable().optional(),
  programmeDuties: text(2000).optional(),
  programmeMethod: text(2000).optional(),
  programmeSchedule: text(2000).optional(),
  programmeResources: text(2000).optional(),
});
export type ObjectiveCreateInput = z.infer<typeof objectiveCreateSchema>;
export type ObjectiveUpdateInput = z.infer<typeof objectiveUpdateSchema>;

export const objectiveSchema = z.object({
  id: z.string(),
  name: z.string(),
  metric: z.enum(objectiveMetrics).nullable(),
  comparison: z.enum(objectiveComparisons),
  targetValue: z.number(),
  unit: z.string(),
  year: z.number(),
  ownerPersonId: z.string(),
  ownerName: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  manualValue: z.number().nullable(),
  programmeDuties: z.string(),
  programmeMethod: z.string(),
  programmeSchedule: z.string(),
  programmeResources: z.string(),
  /** The value now: the metric's, or the hand-entered one. */
  currentValue: z.number().nullable(),
  state: z.enum(objectiveStates),
  /** Where the figure comes from, in the caller's language. */
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type ObjectiveDto = z.infer<typeof objectiveSchema>;
export const objectiveListQuerySchema = pageQuerySchema.extend({ year: z.coerce.number().int().min(2000).max(2100).optional(), ownerPersonId: idSchema.optional() }).strict();

export const policyVersionStatuses = ['draft', 'approved', 'superseded', 'obsolete'] as const;
export const policyVersionSchema = z.object({
  id: z.string(),
  versionNo: z.number(),
  status: z.enum(policyVersionStatuses),
  text: z.string(),
  /** Commitments of seed 000 三(一) the text no longer states (comply, improve, prevent, protect). */
  missingCommitments: z.array(z.string()),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PolicyVersionDto = z.infer<typeof policyVersionSchema>;
export const policySchema = z.object({
  current: policyVersionSchema.nullable(),
  draft: policyVersionSchema.nullable(),
  versions: z.array(policyVersionSchema),
  /** The drafted text with the four commitments, for a first draft. */
  proposedText: z.string(),
});
export type PolicyDto = z.infer<typeof policySchema>;
export const policyDraftSchema = z.strictObject({ text: nonEmptyText(10_000) });
