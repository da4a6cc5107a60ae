/* The principal's and safety manager's home page (issue 15 §7): figures drawn from the features' indicator functions. */
import { z } from 'zod';
import { dueStatuses } from './due-items.js';

const levelCounts = z.object({ major: z.number(), significant: z.number(), general: z.number(), low: z.number() });

export const homeSummarySchema = z.object({
  /** The enterprise-local month (YYYY-MM) and day the figures are for. */
  month: z.string(),
  today: z.string(),
  riskByPost: z.array(z.object({ postId: z.string(), postName: z.string(), counts: levelCounts })),
  /** The last six months, oldest first: hazards found and closed in each (hazardIndicators). */
  hazardsByMonth: z.array(z.object({ month: z.string(), found: z.number(), closed: z.number() })),
  hazardsNow: z.object({ open: z.number(), overdue: z.number(), openMajor: z.number() }),
  /** Overdue due items by feature (the due-items providers). */
  overdueByFeature: z.array(z.object({ feature: z.string(), count: z.number() })),
  objectives: z.array(
    z.object({ id: z.string(), name: z.string(), targetValue: z.number(), currentValue: z.number().nullable(), unit: z.string(), comparison: z.string(), state: z.string() }),
  ),
  /** Monday to Sunday of this week: each day's due items. */
  week: z.array(z.object({ day: z.string(), items: z.array(z.object({ title: z.string(), kind: z.string(), status: z.enum(dueStatuses), link: z.string() })) })),
});
export type HomeSummaryDto = z.infer<typeof homeSummarySchema>;
