import { z } from 'zod';

/**
 * The onboarding checklist ("还差几步", issue 8 §4): what is missing before an enterprise runs on
 * its own, each with a count and the page that fixes it. Computed from the records on every read,
 * so it stays until done and reappears when something regresses.
 */
export const onboardingStepKeys = [
  'risksWithoutPlan',
  'itemsWithoutResponsible',
  'unpublishedLists',
  'postsWithoutHolders',
  'peopleWithoutLogins',
  'areasWithoutPolygons',
  'shiftsNotDefined',
  'emergencyPhoneNotSet',
  'cardFooterNotSet',
] as const;
export type OnboardingStepKey = (typeof onboardingStepKeys)[number];

export const onboardingStepSchema = z.object({
  key: z.enum(onboardingStepKeys),
  /** How many things are missing (0 = done); settings count 1 while unset. */
  count: z.number().int().min(0),
  /** The office page that fixes it. */
  link: z.string(),
});

export const onboardingChecklistSchema = z.object({
  steps: z.array(onboardingStepSchema),
  /** Steps with a count above 0. */
  remaining: z.number().int().min(0),
});
export type OnboardingChecklistDto = z.infer<typeof onboardingChecklistSchema>;
