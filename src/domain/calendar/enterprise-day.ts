/*
 * Days and times on the enterprise's wall clock (its IANA zone, GET /api/v1/shifts), never the
 * browser's or the server's (issue 8 §9: a deadline picked in a browser set to another zone ended
 * at that zone's midnight; a notification showed the raw instant 2026-12-05T23:59:59.999Z).
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

const ymd = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last millisecond of a calendar day (YYYY-MM-DD) in the zone, as an ISO instant: a deadline "by the 5th". */
export function endOfLocalDay(day: string, timeZone: string): string {
  const m = ymd.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const next = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1, 0, 0, 0, 0, timeZone);
  return new Date(next.getTime() - 1).toISOString();
}

/** The first millisecond of a calendar day in the zone: "from the 5th" of a date-range filter. */
export function startOfLocalDay(day: string, timeZone: string): string {
  const m = ymd.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return new Date(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 0, 0, 0, 0, timeZone).getTime()).toISOString();
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export function localDay(iso: string | Date, timeZone: string): string {
  return format(new TZDate(new Date(iso).getTime(), timeZone), 'yyyy-MM-dd');
}

/** An instant as a person reads it: "2026-12-05" for the end of a day (a deadline), else "2026-12-05 14:30". */
export function readableInstant(iso: string | Date, timeZone: string): string {
  const local = new TZDate(new Date(iso).getTime(), timeZone);
  const isEndOfDay = local.getHours() === 23 && local.getMinutes() === 59 && local.getSeconds() === 59;
  return format(local, isEndOfDay ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm');
}
