/* 岗位"事故假想" (seed 003 附件1; issue 11 §2). */
import { z } from 'zod';
import { idSchema } from './common.js';
import { henanAccidentSeqSchema } from './work-permits.js';

const year = z.coerce.number().int().min(2000).max(2100);
const sheetText = z.string().trim().max(4000);

export const accidentScenarioListQuerySchema = z.strictObject({
  year: year.optional(),
  postId: idSchema.optional(),
});

export const accidentScenarioCreateSchema = z.strictObject({
  postId: idSchema,
  year: z.number().int().min(2000).max(2100),
});
export type AccidentScenarioCreateInput = z.infer<typeof accidentScenarioCreateSchema>;

export const accidentScenarioContentSchema = z.strictObject({
  accidentSeqs: z.array(henanAccidentSeqSchema).max(20),
  scenes: sheetText,
  checks: sheetText,
  emergency: sheetText,
  improvements: z.array(z.string().trim().min(1).max(500)).max(30),
});

/** A save names the revision it was made from: a save from an older one is refused (409), not merged. */
export const accidentScenarioUpdateSchema = accidentScenarioContentSchema.extend({
  revision: z.number().int().min(1),
});
export type AccidentScenarioUpdateInput = z.infer<typeof accidentScenarioUpdateSchema>;

export const scenarioHazardInputSchema = z.strictObject({
  /** The 存在问题改进措施 item (its position in the current content). */
  index: z.number().int().min(0).max(29),
});

export const accidentScenarioStatusSchema = z.enum(['drafting', 'signed', 'reviewed']);

const personRef = z.object({ id: z.string(), name: z.string() });

export const accidentScenarioSummarySchema = z.object({
  id: z.string(),
  postId: z.string(),
  year: z.number(),
  revision: z.number(),
  status: accidentScenarioStatusSchema,
  workerCount: z.number(),
  signedCount: z.number(),
  updatedAt: z.string(),
});
export type AccidentScenarioSummary = z.infer<typeof accidentScenarioSummarySchema>;

export const accidentScenarioListSchema = z.object({
  year: z.number(),
  /** Every live operation post (front line) with its sheet of the year, or null when not started. */
  items: z.array(z.object({ postId: z.string(), postName: z.string(), orgUnitName: z.string().nullable(), scenario: accidentScenarioSummarySchema.nullable() })),
});
export type AccidentScenarioList = z.infer<typeof accidentScenarioListSchema>;

export const accidentScenarioDetailSchema = accidentScenarioSummarySchema.extend({
  postName: z.string(),
  orgUnitName: z.string().nullable(),
  enterpriseName: z.string(),
  accidentSeqs: z.array(z.number()),
  scenes: z.string(),
  checks: z.string(),
  emergency: z.string(),
  improvements: z.array(z.object({ index: z.number(), text: z.string(), hazardId: z.string().nullable() })),
  workers: z.array(personRef.extend({ signedAt: z.string().nullable() })),
  reviewers: z.array(personRef),
  reviewedBy: personRef.extend({ signedAt: z.string() }).nullable(),
});
export type AccidentScenarioDetail = z.infer<typeof accidentScenarioDetailSchema>;
