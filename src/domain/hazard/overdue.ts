import { type HazardStatus, isFinished } from './hazard-lifecycle.js';

/** Tiers a late hazard climbs, one at a time (issue 5: "overdue hazards escalate one tier up"). */
export const escalationTiers = ['team', 'department', 'company'] as const;
export type EscalationTier = (typeof escalationTiers)[number];

/** Overdue: a deadline that has passed on a hazard that is still owed (not closed, not rejected). */
export function isOverdue(hazard: { status: HazardStatus; deadline: string | null }, at: Date): boolean {
  if (!hazard.deadline || isFinished(hazard.status)) return false;
  return Date.parse(hazard.deadline) < at.getTime();
}

/** Near: the deadline falls within `withinHours` from now and has not passed. */
export function isDeadlineNear(hazard: { status: HazardStatus; deadline: string | null }, at: Date, withinHours = 24): boolean {
  if (!hazard.deadline || isFinished(hazard.status)) return false;
  const left = Date.parse(hazard.deadline) - at.getTime();
  return left >= 0 && left <= withinHours * 3_600_000;
}

/** The tier the owner sits at, from the kind of their org unit (none → team, the lowest). */
export function tierOfOrgUnit(kind: string | null): EscalationTier {
  if (kind === 'department' || kind === 'workshop') return 'department';
  if (kind === 'company') return 'company';
  return 'team';
}

/** One tier up; the company is the top and stays there. */
export function nextTier(tier: EscalationTier): EscalationTier {
  const i = escalationTiers.indexOf(tier);
  return escalationTiers[Math.min(i + 1, escalationTiers.length - 1)] as EscalationTier;
}
