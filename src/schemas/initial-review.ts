/* Initial review (初始评审, issue 14 §1): the team, the baseline pre-filled from the records, the
 * team's findings per area, and the gaps that become objectives or actions. */
import { z } from 'zod';
import { capaStatuses } from '../domain/improvement/capa-lifecycle.js';
import { idSchema, isoDate, nonEmptyText } from './common.js';
import { reviewAreaKeys } from '../reference/management/initial-review.js';
import { gapKeys } from '../domain/management/initial-review.js';
import { objectiveComparisons, objectiveMetrics } from '../domain/management/objective-metrics.js';

export const reviewStatuses = ['draft', 'completed'] as const;

export const reviewMemberInputSchema = z.strictObject({ personId: idSchema, role: nonEmptyText(50) });
export const reviewCreateSchema = z.strictObject({
  title: nonEmptyText(200),
  members: z.array(reviewMemberInputSchema).min(1).max(30),
});
export type ReviewCreateInput = z.infer<typeof reviewCreateSchema>;
export const reviewTeamSchema = z.strictObject({ members: z.array(reviewMemberInputSchema).min(1).max(30) });
export const reviewFindingInputSchema = z.strictObject({
  area: z.enum(reviewAreaKeys),
  text: nonEmptyText(2000),
  /** A finding that is a shortfall becomes a gap when the review completes. */
  isGap: z.boolean().default(true),
});
export const reviewCompleteSchema = z.strictObject({ conclusion: z.string().trim().max(4000).default('') });

/** A gap is followed up by an objective (made with the objectives API) or by an action with owner and deadline. */
export const gapFollowUpSchema = z.union([
  z.strictObject({ objectiveId: idSchema }),
  z.strictObject({ actionText: nonEmptyText(500), actionOwnerPersonId: idSchema, actionDueOn: isoDate }),
  z.strictObject({ actionDone: z.literal(true) }),
]);
export type GapFollowUpInput = z.infer<typeof gapFollowUpSchema>;

const levelCounts = z.object({ major: z.number(), significant: z.number(), general: z.number(), low: z.number() });
export const reviewBaselineSchema = z.object({
  takenAt: z.string(),
  year: z.number(),
  enterprise: z.object({ name: z.string(), headcount: z.number(), sizeClass: z.string() }),
  posts: z.object({ total: z.number(), management: z.number(), withoutDuties: z.array(z.string()), withoutRisk: z.array(z.string()) }),
  risks: z.object({ accepted: z.number(), countsByLevel: levelCounts, uncontrolled: z.number(), missingSpecialPlan: z.number() }),
  hazards: z.object({ found: z.number(), onTimeRectificationRate: z.number().nullable(), openMajor: z.number(), overdue: z.number() }),
  inspections: z.object({ completionRate: z.number().nullable(), postsWithoutList: z.array(z.string()) }),
  training: z.object({ people: z.number(), peopleCompliant: z.number(), complianceRate: z.number().nullable(), certificates: z.number(), certificatesValid: z.number() }),
  emergency: z.object({ plans: z.number(), plansInForce: z.number(), plansOverdueForReview: z.number(), drillsHeld: z.number() }),
  accidents: z.object({ accidents: z.number(), since: z.string() }),
  documents: z.object({ inForce: z.number() }).nullable(),
  laws: z.object({ items: z.number() }).nullable(),
});

export const reviewGapSchema = z.object({
  id: z.string(),
  area: z.enum(reviewAreaKeys),
  key: z.enum(gapKeys).nullable(),
  /** The gap in the caller's language. */
  text: z.string(),
  fromFinding: z.boolean(),
  proposal: z.object({ metric: z.enum(objectiveMetrics), comparison: z.enum(objectiveComparisons), target: z.number() }).nullable(),
  objectiveId: z.string().nullable(),
  objectiveName: z.string().nullable(),
  actionText: z.string().nullable(),
  actionOwnerPersonId: z.string().nullable(),
  actionOwnerName: z.string().nullable(),
  actionDueOn: z.string().nullable(),
  actionDoneAt: z.string().nullable(),
  /** The corrective action (不符合与纠正措施) the action raised. */
  capaId: z.string().nullable(),
  /** Where that corrective action stands; the action is done (actionDoneAt) when it closes effective. */
  capaStatus: z.enum(capaStatuses).nullable(),
});
export type ReviewGapDto = z.infer<typeof reviewGapSchema>;

export const reviewSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(reviewStatuses),
  baseline: reviewBaselineSchema,
  conclusion: z.string(),
  members: z.array(z.object({ personId: z.string(), name: z.string(), role: z.string() })),
  findings: z.array(z.object({ id: z.string(), area: z.enum(reviewAreaKeys), text: z.string(), isGap: z.boolean(), createdAt: z.string() })),
  /** Before completion: the gaps the baseline and findings show now; after: the stored list. */
  gaps: z.array(reviewGapSchema),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  completedByName: z.string().nullable(),
});
export type ReviewDto = z.infer<typeof reviewSchema>;
export const reviewSummarySchema = z.object({ id: z.string(), title: z.string(), status: z.enum(reviewStatuses), createdAt: z.string(), completedAt: z.string().nullable() });
export type ReviewSummaryDto = z.infer<typeof reviewSummarySchema>;
