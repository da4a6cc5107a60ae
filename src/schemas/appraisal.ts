/* Appraisal (考核, issue 15 §5, seed 001 第二十一条). */
import { z } from 'zod';

export const appraisalQuerySchema = z.strictObject({ from: z.iso.date(), to: z.iso.date() });
export const appraisalRowSchema = z.object({
  scope: z.enum(['person', 'post', 'department']),
  id: z.string(),
  name: z.string(),
  people: z.number(),
  tasksDue: z.number(),
  tasksOnTime: z.number(),
  taskOnTimeRate: z.number().nullable(),
  hazardsReported: z.number(),
  rectificationsClosed: z.number(),
  rectifiedOnTime: z.number(),
  rectifiedOnTimeRate: z.number().nullable(),
  trainingMet: z.number(),
  trainingKnown: z.number(),
  quizChecks: z.number(),
  quizPassed: z.number(),
  quizAveragePercent: z.number().nullable(),
});
export const appraisalSchema = z.object({ from: z.string(), to: z.string(), rows: z.array(appraisalRowSchema) });
export type AppraisalDto = z.infer<typeof appraisalSchema>;
