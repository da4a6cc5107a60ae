/* 手指口述 cards and spot checks (issue 11 §4). */
import { z } from 'zod';
import { idSchema } from './common.js';

export const pointCallStepSchema = z.strictObject({
  step: z.string().trim().min(1).max(50),
  look: z.string().trim().min(1).max(200),
  say: z.string().trim().min(1).max(200),
});

export const pointCallCardInputSchema = z.strictObject({
  steps: z.array(pointCallStepSchema).min(1).max(30),
  /** The revision the edit started from (0 for the first save of the draft); an older one is 409. */
  revision: z.number().int().min(0),
});
export type PointCallCardInput = z.infer<typeof pointCallCardInputSchema>;

export const pointCallSpotCheckInputSchema = z.strictObject({
  performerPersonId: idSchema,
  isCorrect: z.boolean(),
  note: z.string().trim().max(500).default(''),
  clientId: z.string().trim().min(8).max(100).optional(),
});
export type PointCallSpotCheckInput = z.infer<typeof pointCallSpotCheckInputSchema>;

const personRef = z.object({ id: z.string(), name: z.string() });

export const pointCallSpotCheckSchema = z.object({
  id: z.string(),
  performer: personRef,
  isCorrect: z.boolean(),
  note: z.string(),
  checkedBy: z.string(),
  cardRevision: z.number(),
  checkedAt: z.string(),
});

export const pointCallCardSchema = z.object({
  postId: z.string(),
  postName: z.string(),
  enterpriseName: z.string(),
  /** True while nothing is saved: the steps are a draft from the post's measures. */
  isDraft: z.boolean(),
  revision: z.number(),
  steps: z.array(z.object({ step: z.string(), look: z.string(), say: z.string() })),
  /** The post's inspection item the spot checks are recorded under (null until the card is saved). */
  inspectionItemId: z.string().nullable(),
  /** The post's people (whom a spot check names). */
  workers: z.array(personRef),
  spotChecks: z.array(pointCallSpotCheckSchema),
});
export type PointCallCardDto = z.infer<typeof pointCallCardSchema>;
