import { z } from 'zod';

/** 16号令 Art. 14: the statistics an enterprise submits, and the regulator's view of them. */
export const statisticsSubmitSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** null: the whole year. */
  quarter: z.number().int().min(1).max(4).nullable(),
});

export const statisticsSubmissionDtoSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  periodKey: z.string(),
  dueOn: z.string(),
  isLate: z.boolean(),
  submittedAt: z.string(),
  figures: z.record(z.string(), z.unknown()),
  isAcknowledgedByMe: z.boolean(),
  acknowledgedCount: z.number(),
});
export type StatisticsSubmissionDto = z.infer<typeof statisticsSubmissionDtoSchema>;
export const statisticsInboxSchema = z.object({ items: z.array(statisticsSubmissionDtoSchema), nextCursor: z.string().nullable() });

export const lateListSchema = z.object({
  periods: z.array(
    z.object({
      periodKey: z.string(),
      dueOn: z.string(),
      /** Not submitted by the due date (still missing, or submitted late). */
      items: z.array(z.object({ enterpriseId: z.string(), name: z.string(), submittedAt: z.string().nullable() })),
      /** Set when more enterprises were late than the list names: the first this many by name are listed. */
      truncatedAt: z.number().nullable(),
    }),
  ),
});
export type LateListDto = z.infer<typeof lateListSchema>;
