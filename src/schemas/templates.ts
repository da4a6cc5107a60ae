import { z } from 'zod';
import { industries } from './org.js';

export const templateApplicationInputSchema = z.strictObject({
  industry: z.enum(industries),
  posts: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(80),
        headcount: z.number().int().min(0).max(100_000).optional(),
        /** Non-routine risk sets (confined space, hot work, …) attached to this post. */
        riskSetKeys: z.array(z.string().min(1).max(80)).max(10).default([]),
        /**
         * Issue 8 item 5: where the post's work happens — area names (an existing area of that name is
         * reused, else created with the template's 第七条 facts) and, for a hazardous place, how many
         * people work there at once. Omitted: the template's suggested places.
         */
        areas: z
          .array(z.strictObject({ name: z.string().trim().min(1).max(60), peopleAtOnce: z.number().int().min(0).max(100_000).optional() }))
          .max(10)
          .optional(),
      }),
    )
    .min(1)
    .max(100),
});
export type TemplateApplicationInput = z.infer<typeof templateApplicationInputSchema>;

export const templateApplicationResultSchema = z.object({
  posts: z.number(),
  risks: z.number(),
  measures: z.number(),
  inspectionItems: z.number(),
  postIds: z.array(z.string()),
});
export type TemplateApplicationResult = z.infer<typeof templateApplicationResultSchema>;

export const templateSummarySchema = z.object({
  industry: z.enum(industries),
  name: z.string(),
  basis: z.array(z.string()),
  posts: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(['operation', 'management']),
      defaultHeadcount: z.number(),
      riskCount: z.number(),
      measureCount: z.number(),
      highestLevel: z.enum(['major', 'significant', 'general', 'low']).nullable(),
      templateRef: z.string(),
      /** Suggested work areas with their seed 001 第七条 facts. */
      places: z.array(z.object({ name: z.string(), hazardKinds: z.array(z.enum(['poisoning', 'explosion', 'fire'])), peopleAtOnce: z.number() })),
    }),
  ),
  riskSets: z.array(z.object({ key: z.string(), name: z.string(), riskCount: z.number() })),
});
