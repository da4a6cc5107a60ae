/* The state of a dated obligation on the enterprise's calendar day (qualification expiry, next
 * periodic inspection, next health examination, PPE replacement): past, within the warning window,
 * later, or no date. Dates are yyyy-MM-dd local days; pure. */
import { addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';

export const dateStates = ['none', 'ok', 'soon', 'past'] as const;
export type DateState = (typeof dateStates)[number];

/** 'past' once the day is over (the date itself still counts as in time); 'soon' within warnDays. */
export function dateState(date: string | null, today: string, warnDays: number): DateState {
  if (!date) return 'none';
  const days = differenceInCalendarDays(parseISO(date), parseISO(today));
  if (days < 0) return 'past';
  return days <= warnDays ? 'soon' : 'ok';
}

/** The day `months` after `date` (a periodic inspection or examination cycle). */
export function plusMonths(date: string, months: number): string {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}

/** The earliest of the dates given (nulls ignored). */
export function earliest(dates: readonly (string | null)[]): string | null {
  const real = dates.filter((d): d is string => Boolean(d)).sort();
  return real[0] ?? null;
}
