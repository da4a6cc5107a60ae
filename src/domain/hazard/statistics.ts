import { TZDate } from '@date-fns/tz';

/**
 * 16号令 Art. 14: enterprises count their hazard investigation and remediation each quarter and
 * each year and report it — quarterly by the 15th of the month after the quarter, yearly by
 * 31 January of the next year (standards-facts §6). Periods are in the enterprise's time zone.
 */
export interface StatisticsPeriod {
  kind: 'quarter' | 'year';
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  /** Inclusive start, exclusive end, as instants. */
  start: Date;
  end: Date;
  /** The report is due by the end of this local date (YYYY-MM-DD). */
  dueDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function statisticsPeriod(year: number, quarter: 1 | 2 | 3 | 4 | null, timeZone: string): StatisticsPeriod {
  if (quarter === null) {
    return {
      kind: 'year',
      year,
      quarter: null,
      start: new Date(new TZDate(year, 0, 1, timeZone).getTime()),
      end: new Date(new TZDate(year + 1, 0, 1, timeZone).getTime()),
      dueDate: `${year + 1}-01-31`,
    };
  }
  const firstMonth = (quarter - 1) * 3;
  const nextYear = quarter === 4 ? year + 1 : year;
  const nextMonth = quarter === 4 ? 0 : firstMonth + 3;
  return {
    kind: 'quarter',
    year,
    quarter,
    start: new Date(new TZDate(year, firstMonth, 1, timeZone).getTime()),
    end: new Date(new TZDate(nextYear, nextMonth, 1, timeZone).getTime()),
    dueDate: `${nextYear}-${pad(nextMonth + 1)}-15`,
  };
}

/** The quarter that contains an instant, in the enterprise's zone. */
export function quarterOf(at: Date, timeZone: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const local = new TZDate(at.getTime(), timeZone);
  return { year: local.getFullYear(), quarter: (Math.floor(local.getMonth() / 3) + 1) as 1 | 2 | 3 | 4 };
}

export interface HazardFact {
  grade: string | null;
  status: string;
  createdAt: string;
  closedAt: string | null;
  deadline: string | null;
  fundsCny: number | null;
}

export interface HazardStatistics {
  found: number;
  foundGeneral: number;
  foundMajor: number;
  fixed: number;
  fixedGeneral: number;
  fixedMajor: number;
  /** Of the hazards found in the period, those still open at its end (or now, if earlier). */
  open: number;
  fundsCny: number;
  /** Closed in the period on or before their deadline, over those closed in the period with a deadline. */
  onTimeRectificationRate: number | null;
  /** Of the hazards found in the period, the share closed by its end (or now). */
  closureRate: number | null;
}

const inPeriod = (iso: string | null, start: Date, end: Date) => iso !== null && Date.parse(iso) >= start.getTime() && Date.parse(iso) < end.getTime();
const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

/**
 * Counts over a period. "Found" excludes rejected reports (they were not hazards); "fixed" counts
 * closures in the period, whenever found; funds are those of the rectifications closed in it.
 */
export function computeStatistics(hazards: readonly HazardFact[], period: { start: Date; end: Date }, at: Date): HazardStatistics {
  const horizon = new Date(Math.min(period.end.getTime(), at.getTime()));
  const found = hazards.filter((h) => h.status !== 'rejected' && inPeriod(h.createdAt, period.start, period.end));
  const fixed = hazards.filter((h) => h.status === 'closed' && inPeriod(h.closedAt, period.start, period.end));
  const closedByHorizon = found.filter((h) => h.closedAt !== null && Date.parse(h.closedAt) < horizon.getTime() + 1);
  const withDeadline = fixed.filter((h) => h.deadline !== null);
  const onTime = withDeadline.filter((h) => Date.parse(h.closedAt as string) <= Date.parse(h.deadline as string));
  return {
    found: found.length,
    foundGeneral: found.filter((h) => h.grade !== 'major').length,
    foundMajor: found.filter((h) => h.grade === 'major').length,
    fixed: fixed.length,
    fixedGeneral: fixed.filter((h) => h.grade !== 'major').length,
    fixedMajor: fixed.filter((h) => h.grade === 'major').length,
    open: found.length - closedByHorizon.length,
    fundsCny: Math.round(fixed.reduce((sum, h) => sum + (h.fundsCny ?? 0), 0) * 100) / 100,
    onTimeRectificationRate: ratio(onTime.length, withDeadline.length),
    closureRate: ratio(closedByHorizon.length, found.length),
  };
}
