/* 16号令 第十四条: quarterly statistics due by the 15th of the next quarter, yearly by 31 January.
 * Which periods an enterprise owes at a moment, and their keys. Pure. */
import { quarterOf, statisticsPeriod } from '../hazard/statistics.js';

export interface OwedPeriod {
  key: string;
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  /** YYYY-MM-DD, the last day to submit. */
  dueOn: string;
}

export const periodKey = (year: number, quarter: number | null) => (quarter ? `${year}-Q${quarter}` : String(year));

/** The last completed quarter and the last completed year at `now` in the enterprise's time zone. */
export function lastCompletedPeriods(now: Date, timeZone: string): OwedPeriod[] {
  const { year, quarter } = quarterOf(now, timeZone);
  const q = quarter === 1 ? { year: year - 1, quarter: 4 as const } : { year, quarter: (quarter - 1) as 1 | 2 | 3 };
  return [
    { key: periodKey(q.year, q.quarter), year: q.year, quarter: q.quarter, dueOn: statisticsPeriod(q.year, q.quarter, timeZone).dueDate },
    { key: periodKey(year - 1, null), year: year - 1, quarter: null, dueOn: statisticsPeriod(year - 1, null, timeZone).dueDate },
  ];
}

/** A period may be submitted once it has ended. */
export function hasEnded(year: number, quarter: 1 | 2 | 3 | 4 | null, now: Date, timeZone: string): boolean {
  return statisticsPeriod(year, quarter, timeZone).end.getTime() <= now.getTime();
}
