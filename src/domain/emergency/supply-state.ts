/* An emergency supply (应急物资, seed 003 重点4 "合理储备应急物资") is really there when it is within
 * its expiry date and at least at its minimum quantity. Dates are local 'YYYY-MM-DD'. */
export interface SupplyFacts {
  quantity: number;
  minQuantity: number;
  /** Last day it may be used; null: does not expire. */
  expiresOn: string | null;
}

export interface SupplyState {
  isExpired: boolean;
  /** Expires within the warning period (not yet expired). */
  isExpiringSoon: boolean;
  isShort: boolean;
}

/** How early an expiry is announced (not from the seed). */
export const supplyExpiryWarningDays = 30;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function supplyState(s: SupplyFacts, today: string, warningDays = supplyExpiryWarningDays): SupplyState {
  const isExpired = s.expiresOn !== null && s.expiresOn < today;
  return {
    isExpired,
    isExpiringSoon: !isExpired && s.expiresOn !== null && s.expiresOn <= addDays(today, warningDays),
    isShort: s.quantity < s.minQuantity,
  };
}

/** The review date of an approved plan: its issue date plus whole years (29 February → 28 February). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${y}-${md}`;
}

/** The calendar date of an instant in a time zone ('Asia/Shanghai'). */
export function localDateOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
