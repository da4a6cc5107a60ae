/* Periodic re-identification of a post's risks (seed 001 第十条 "定期"; seed 000 "定期开展危险源辨识").
 * The seeds say "定期" without a period: the product's default of 12 months is NOT from the seeds
 * (a common practice, enterprise-settable). Pure: the due day from the last identification. */
import { addDays, addMonths, format, parseISO } from 'date-fns';

/** Default period in months — a product default, not a seed figure (seed 000/001 say only "定期"). */
export const defaultReidentificationMonths = 12;
export const reidentificationMonthsRange = { min: 1, max: 36 } as const;

/**
 * The day the next re-identification is due: `months` after the baseline day (the last recorded
 * re-identification, else the post's first identification). A month end stays a month end
 * (2026-01-31 + 1 month = 2026-02-28). Null when the post was never identified.
 */
export function reidentificationDueOn(baselineOn: string | null, months: number): string | null {
  if (!baselineOn) return null;
  if (!Number.isInteger(months) || months < reidentificationMonthsRange.min || months > reidentificationMonthsRange.max) {
    throw new RangeError(`months out of range: ${months}`);
  }
  return format(addMonths(parseISO(baselineOn), months), 'yyyy-MM-dd');
}

/** The baseline: the latest recorded re-identification, else the first identification day. */
export function reidentificationBaseline(lastDoneOn: string | null, firstIdentifiedOn: string | null): string | null {
  return lastDoneOn ?? firstIdentifiedOn;
}

export type ReidentificationStatus = 'none' | 'due' | 'dueSoon' | 'overdue';

/** none (never identified), overdue (after the due day), dueSoon (within `soonDays`), else due. */
export function reidentificationStatus(dueOn: string | null, today: string, soonDays = 30): ReidentificationStatus {
  if (!dueOn) return 'none';
  if (today > dueOn) return 'overdue';
  const soon = format(addDays(parseISO(today), soonDays), 'yyyy-MM-dd');
  return dueOn <= soon ? 'dueSoon' : 'due';
}
