/* Drill cadence (issue 13: "at least one comprehensive or special drill a year and a 现场处置方案
 * drill every half-year is the common rule — make the cadence an enterprise setting"; not from the
 * seed, which asks only that drills follow a plan and be realistic — seed 000 三(五)3). Dates are
 * local calendar dates 'YYYY-MM-DD' in the enterprise's time zone. */
import type { PlanKind } from '../../reference/emergency-plans';

export interface DrillCadence {
  /** Comprehensive or special drills needed per calendar year (0: no requirement). */
  comprehensiveOrSpecialPerYear: number;
  /** On-site (现场处置方案) drills: one in every window of this many months, windows from 1 January. */
  onsiteEveryMonths: number;
}

/** Months that split a year into whole windows. */
export const onsiteWindowMonths = [1, 2, 3, 4, 6, 12] as const;

export interface HeldDrill {
  kind: PlanKind;
  heldOn: string;
}

export interface CadenceRequirement {
  rule: 'comprehensiveOrSpecial' | 'onsite';
  periodStart: string;
  /** Last day of the period: the requirement is due then. */
  dueOn: string;
  required: number;
  held: number;
  isMet: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
function lastDayOfMonth(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate(); // month is 1-based here: day 0 of the next month
  return `${year}-${pad(month)}-${pad(days)}`;
}

/** The requirements of the periods containing `today`, with what was held in them. */
export function cadenceRequirements(cadence: DrillCadence, drills: readonly HeldDrill[], today: string): CadenceRequirement[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const result: CadenceRequirement[] = [];
  if (cadence.comprehensiveOrSpecialPerYear > 0) {
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    const held = drills.filter((d) => d.kind !== 'onsite' && d.heldOn >= start && d.heldOn <= end).length;
    result.push({ rule: 'comprehensiveOrSpecial', periodStart: start, dueOn: end, required: cadence.comprehensiveOrSpecialPerYear, held, isMet: held >= cadence.comprehensiveOrSpecialPerYear });
  }
  const m = cadence.onsiteEveryMonths;
  if ((onsiteWindowMonths as readonly number[]).includes(m)) {
    const firstMonth = Math.floor((month - 1) / m) * m + 1;
    const start = `${year}-${pad(firstMonth)}-01`;
    const end = lastDayOfMonth(year, firstMonth + m - 1);
    const held = drills.filter((d) => d.kind === 'onsite' && d.heldOn >= start && d.heldOn <= end).length;
    result.push({ rule: 'onsite', periodStart: start, dueOn: end, required: 1, held, isMet: held >= 1 });
  }
  return result;
}
