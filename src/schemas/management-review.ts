/* Management review and the dual prevention mechanism's evaluation (issue 15 §3, seed 000 四(二), seed 001 第三条（五）). */
import { z } from 'zod';
import { reviewKinds, reviewTriggers } from '../domain/improvement/review-inputs.js';
import { idSchema, isoDate, nonEmptyText, optionalText } from './common.js';

export const reviewCreateSchema = z.strictObject({
  kind: z.enum(reviewKinds),
  year: z.number().int().min(2000).max(2100),
  trigger: z.enum(reviewTriggers).default('yearly'),
  /** For an event review: what happened (process change, site change, accident…). */
  eventNote: optionalText(500),
  heldOn: isoDate,
});
export type ReviewCreateInput = z.infer<typeof reviewCreateSchema>;

export const reviewDecisionCreateSchema = z.strictObject({
  decision: nonEmptyText(1000),
  measure: nonEmptyText(1000),
  ownerPersonId: idSchema,
  deadline: isoDate,
});
export const reviewDecisionDoneSchema = z.strictObject({ decisionId: idSchema });
export const reviewConcludeSchema = z.strictObject({ conclusion: nonEmptyText(4000) });

const sectionSchema = z.object({ key: z.string(), title: z.string(), lines: z.array(z.object({ label: z.string(), value: z.string() })).nullable() });
export const reviewDecisionSchema = z.object({
  id: z.string(),
  decision: z.string(),
  measure: z.string(),
  ownerPersonId: z.string(),
  ownerName: z.string().nullable(),
  deadline: z.string(),
  doneAt: z.string().nullable(),
});
export const reviewSchema = z.object({
  id: z.string(),
  kind: z.enum(reviewKinds),
  year: z.number(),
  trigger: z.enum(reviewTriggers),
  eventNote: z.string(),
  heldOn: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(['draft', 'concluded']),
  /** The inputs as they were when filled (a snapshot), in the caller's language. */
  inputs: z.array(sectionSchema),
  inputsAt: z.string(),
  suggestedFindings: z.array(z.string()),
  conclusion: z.string(),
  chairedByName: z.string().nullable(),
  concludedAt: z.string().nullable(),
  decisions: z.array(reviewDecisionSchema),
  createdAt: z.string(),
});
export type ReviewDto = z.infer<typeof reviewSchema>;
