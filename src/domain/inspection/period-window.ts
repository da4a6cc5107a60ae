/* Period windows of inspection tasks (seed 001 Art. 15: 每班 / 每天 / 每周 / 每月 / 每季度 / 每年).
 * A window is [start, end): the end instant belongs to the next window. Calendar arithmetic runs on
 * the enterprise's wall clock (IANA zone, default Asia/Shanghai) through TZDate, so a day in a zone
 * with daylight saving can be 23 or 25 hours long; instants in and out are plain UTC Dates. */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addQuarters, addWeeks, addYears, startOfDay, startOfISOWeek, startOfMonth, startOfQuarter, startOfYear } from 'date-fns';
import { DomainError } from '../domain-error.js';

export const periods = ['shift', 'day', 'week', 'month', 'quarter', 'year'] as const;
export type Period = (typeof periods)[number];

export const defaultTimeZone = 'Asia/Shanghai';

/** One shift of the enterprise's roster, wall-clock times `HH:mm`; `end <= start` crosses midnight. */
export interface ShiftDefinition {
  code: string;
  start: string;
  end: string;
}

export interface PeriodWindow {
  period: Period;
  start: Date;
  end: Date;
  /** The shift's code for `shift` windows, otherwise null. */
  shiftCode: string | null;
}

export interface WindowOptions {
  timeZone?: string;
  /** Required for `shift`; validated with `checkShifts`. */
  shifts?: readonly ShiftDefinition[];
}

/** When an enterprise has defined no shifts: one 24-hour shift from 08:00 (a day shift). */
export const defaultShifts: readonly ShiftDefinition[] = [{ code: 'A', start: '08:00', end: '08:00' }];

const minutesPerDay = 24 * 60;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minuteOfDay(text: string, field: string): number {
  const m = timePattern.exec(text);
  if (!m) throw new DomainError('SHIFT_INVALID', `Not a HH:mm time: ${text}`, field);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes a shift lasts; a shift whose end equals its start lasts the whole day. */
function durationOf(start: number, end: number): number {
  const d = (end - start + minutesPerDay) % minutesPerDay;
  return d === 0 ? minutesPerDay : d;
}

interface ParsedShift {
  code: string;
  start: number;
  duration: number;
}

/**
 * The shifts must tile the 24 hours: every minute of the day in exactly one shift, no gap, no
 * overlap, codes unique. Throws SHIFT_INVALID naming the offending entry (`shifts.N.start` …).
 */
export function checkShifts(shifts: readonly ShiftDefinition[]): ParsedShift[] {
  if (shifts.length === 0) throw new DomainError('SHIFT_INVALID', 'At least one shift is required', 'shifts');
  const codes = new Set<string>();
  const parsed = shifts.map((s, i) => {
    if (codes.has(s.code)) throw new DomainError('SHIFT_INVALID', `Duplicate shift code ${s.code}`, `shifts.${i}.code`);
    codes.add(s.code);
    const start = minuteOfDay(s.start, `shifts.${i}.start`);
    const end = minuteOfDay(s.end, `shifts.${i}.end`);
    return { code: s.code, start, duration: durationOf(start, end), index: i };
  });
  const total = parsed.reduce((n, s) => n + s.duration, 0);
  const sorted = [...parsed].sort((a, b) => a.start - b.start);
  for (const [k, s] of sorted.entries()) {
    const next = sorted[(k + 1) % sorted.length] as (typeof sorted)[number];
    const endsAt = (s.start + s.duration) % minutesPerDay;
    if (endsAt !== next.start || (sorted.length === 1 && s.duration !== minutesPerDay)) {
      const isOverlap = total > minutesPerDay;
      throw new DomainError(
        'SHIFT_INVALID',
        isOverlap ? `Shift ${s.code} overlaps the next shift` : `Gap after shift ${s.code}`,
        `shifts.${s.index}.end`,
        { code: s.code, problem: isOverlap ? 'overlap' : 'gap' },
      );
    }
  }
  if (total !== minutesPerDay) throw new DomainError('SHIFT_INVALID', 'Shifts must cover exactly 24 hours', 'shifts');
  return sorted.map(({ code, start, duration }) => ({ code, start, duration }));
}

function toDate(d: Date): Date {
  return new Date(d.getTime());
}

function wallClock(day: Date, minute: number, timeZone: string): TZDate {
  const d = new TZDate(day.getTime(), timeZone);
  return new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), Math.floor(minute / 60), minute % 60, timeZone);
}

function shiftWindowAt(at: Date, timeZone: string, shifts: readonly ShiftDefinition[]): PeriodWindow {
  const parsed = checkShifts(shifts);
  const local = new TZDate(at.getTime(), timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  for (const s of parsed) {
    const offset = (minute - s.start + minutesPerDay) % minutesPerDay;
    if (offset >= s.duration) continue;
    // At 02:00 inside a 20:00–08:00 shift, the shift began on the previous calendar day.
    const startDay = minute >= s.start ? startOfDay(local) : addDays(startOfDay(local), -1);
    const start = wallClock(startDay, s.start, timeZone);
    const endMinute = s.start + s.duration;
    const end = wallClock(addDays(startDay, Math.floor(endMinute / minutesPerDay)), endMinute % minutesPerDay, timeZone);
    return { period: 'shift', start: toDate(start), end: toDate(end), shiftCode: s.code };
  }
  throw new DomainError('SHIFT_INVALID', `No shift contains ${at.toISOString()}`, 'shifts');
}

/** The window of `period` that contains the instant `at`. */
export function windowAt(period: Period, at: Date, options: WindowOptions = {}): PeriodWindow {
  const timeZone = options.timeZone ?? defaultTimeZone;
  if (period === 'shift') return shiftWindowAt(at, timeZone, options.shifts ?? defaultShifts);
  const local = new TZDate(at.getTime(), timeZone);
  const calendar: Record<Exclude<Period, 'shift'>, [TZDate, TZDate]> = {
    day: [startOfDay(local), addDays(startOfDay(local), 1)],
    // ISO 8601 weeks start on Monday (中国 working week), whatever the locale says.
    week: [startOfISOWeek(local), addWeeks(startOfISOWeek(local), 1)],
    month: [startOfMonth(local), addMonths(startOfMonth(local), 1)],
    quarter: [startOfQuarter(local), addQuarters(startOfQuarter(local), 1)],
    year: [startOfYear(local), addYears(startOfYear(local), 1)],
  };
  const [start, end] = calendar[period];
  return { period, start: toDate(start), end: toDate(end), shiftCode: null };
}

/** `count` consecutive windows, the first being the one containing `at`. */
export function nextWindows(period: Period, at: Date, count: number, options: WindowOptions = {}): PeriodWindow[] {
  const out: PeriodWindow[] = [];
  let cursor = at;
  for (let i = 0; i < count; i++) {
    const w = windowAt(period, cursor, options);
    out.push(w);
    cursor = w.end;
  }
  return out;
}

/** Every window overlapping [from, to), in order. Bounded to 10,000 windows as a guard. */
export function windowsBetween(period: Period, from: Date, to: Date, options: WindowOptions = {}): PeriodWindow[] {
  const out: PeriodWindow[] = [];
  let cursor = from;
  while (cursor.getTime() < to.getTime()) {
    const w = windowAt(period, cursor, options);
    out.push(w);
    cursor = w.end;
    if (out.length > 10_000) throw new DomainError('RANGE_TOO_LONG', 'Too many windows in the range', 'to');
  }
  return out;
}

export function isPeriod(value: string): value is Period {
  return (periods as readonly string[]).includes(value);
}
