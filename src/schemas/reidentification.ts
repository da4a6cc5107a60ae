/* Periodic re-identification per post (issue 9 §10; seed 001 第十条 "定期"). */
import { z } from 'zod';
import { reidentificationMonthsRange } from '../domain/risk/reidentification.js';
import { idSchema, isoDate, optionalText } from './common.js';

export const riskSettingsSchema = z.strictObject({
  /** Months between re-identifications of a post (default 12: a product default, not from the seeds). */
  reidentificationMonths: z.number().int().min(reidentificationMonthsRange.min).max(reidentificationMonthsRange.max),
});
export type RiskSettingsDto = z.infer<typeof riskSettingsSchema>;

export const riskSettingsDtoSchema = riskSettingsSchema.extend({
  /** True while the enterprise has not set its own period. */
  isDefault: z.boolean(),
});

export const reidentificationInputSchema = z.strictObject({
  /** The day it was done (enterprise-local); not in the future. */
  doneOn: isoDate,
  /** Who led it (a person of the enterprise). */
  doneByPersonId: idSchema,
  note: optionalText(1000),
});
export type ReidentificationInput = z.infer<typeof reidentificationInputSchema>;

export const reidentificationRecordSchema = z.object({
  id: z.string(),
  doneOn: z.string(),
  doneByPersonId: z.string(),
  doneByName: z.string(),
  note: z.string(),
  createdAt: z.string(),
});

export const postReidentificationSchema = z.object({
  postId: z.string(),
  months: z.number().int(),
  monthsIsDefault: z.boolean(),
  /** The first identification of the post (its earliest accepted risk), enterprise-local day. */
  firstIdentifiedOn: z.string().nullable(),
  lastDoneOn: z.string().nullable(),
  /** Null while the post has no accepted risk (nothing to re-identify yet). */
  dueOn: z.string().nullable(),
  status: z.enum(['none', 'due', 'dueSoon', 'overdue']),
  records: z.array(reidentificationRecordSchema),
});
export type PostReidentificationDto = z.infer<typeof postReidentificationSchema>;
