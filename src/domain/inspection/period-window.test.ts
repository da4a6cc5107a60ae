import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error.js';
import { checkShifts, nextWindows, windowAt, windowsBetween } from './period-window.js';

const twoShifts = [
  { code: 'A', start: '08:00', end: '20:00' },
  { code: 'B', start: '20:00', end: '08:00' },
];
// Asia/Shanghai is UTC+8 all year: local 2026-11-23 02:00 = 2026-11-22T18:00Z.
const sh = (local: string) => new Date(`${local}+08:00`);
const iso = (d: Date) => d.toISOString();

describe('windowAt › shift', () => {
  it('puts 02:00 in the B shift that started yesterday at 20:00', () => {
    const w = windowAt('shift', sh('2026-11-23T02:00:00'), { shifts: twoShifts });
    expect(w.shiftCode).toBe('B');
    expect(iso(w.start)).toBe(iso(sh('2026-11-22T20:00:00')));
    expect(iso(w.end)).toBe(iso(sh('2026-11-23T08:00:00')));
  });

  it('puts 21:00 in the B shift that started today and ends tomorrow', () => {
    const w = windowAt('shift', sh('2026-11-23T21:00:00'), { shifts: twoShifts });
    expect([w.shiftCode, iso(w.start), iso(w.end)]).toEqual(['B', iso(sh('2026-11-23T20:00:00')), iso(sh('2026-11-24T08:00:00'))]);
  });

  it('is end-exclusive: 08:00 sharp starts the A shift, 07:59:59.999 is still B', () => {
    expect(windowAt('shift', sh('2026-11-23T08:00:00'), { shifts: twoShifts }).shiftCode).toBe('A');
    expect(windowAt('shift', new Date(sh('2026-11-23T08:00:00').getTime() - 1), { shifts: twoShifts }).shiftCode).toBe('B');
    expect(iso(windowAt('shift', sh('2026-11-23T19:59:59'), { shifts: twoShifts }).end)).toBe(iso(sh('2026-11-23T20:00:00')));
  });

  it('handles three shifts with one crossing midnight', () => {
    const three = [
      { code: '早', start: '06:00', end: '14:00' },
      { code: '中', start: '14:00', end: '22:00' },
      { code: '夜', start: '22:00', end: '06:00' },
    ];
    const w = windowAt('shift', sh('2026-12-31T23:30:00'), { shifts: three });
    expect([w.shiftCode, iso(w.start), iso(w.end)]).toEqual(['夜', iso(sh('2026-12-31T22:00:00')), iso(sh('2027-01-01T06:00:00'))]);
  });

  it('defaults to one 24-hour shift from 08:00', () => {
    const w = windowAt('shift', sh('2026-11-23T07:00:00'));
    expect([iso(w.start), iso(w.end)]).toEqual([iso(sh('2026-11-22T08:00:00')), iso(sh('2026-11-23T08:00:00'))]);
  });
});

describe('checkShifts', () => {
  const fieldOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return (e as DomainError).field;
    }
    return 'no error';
  };

  it('accepts shifts given in any order', () => {
    expect(checkShifts([twoShifts[1]!, twoShifts[0]!]).map((s) => s.code)).toEqual(['A', 'B']);
  });

  it('refuses a gap, an overlap, a duplicate code, a bad time and an empty roster', () => {
    expect(fieldOf(() => checkShifts([{ code: 'A', start: '08:00', end: '19:00' }, { code: 'B', start: '20:00', end: '08:00' }]))).toBe('shifts.0.end');
    expect(fieldOf(() => checkShifts([{ code: 'A', start: '08:00', end: '21:00' }, { code: 'B', start: '20:00', end: '08:00' }]))).toBe('shifts.0.end');
    expect(fieldOf(() => checkShifts([{ code: 'A', start: '08:00', end: '20:00' }, { code: 'A', start: '20:00', end: '08:00' }]))).toBe('shifts.1.code');
    expect(fieldOf(() => checkShifts([{ code: 'A', start: '8:00', end: '08:00' }]))).toBe('shifts.0.start');
    expect(fieldOf(() => checkShifts([{ code: 'A', start: '24:00', end: '08:00' }]))).toBe('shifts.0.start');
    expect(fieldOf(() => checkShifts([]))).toBe('shifts');
  });

  it('makes windowAt refuse an invalid roster', () => {
    expect(() => windowAt('shift', new Date(), { shifts: [{ code: 'A', start: '08:00', end: '12:00' }] })).toThrow(DomainError);
  });
});

describe('windowAt › day and week', () => {
  it('starts the day at local midnight, not UTC midnight', () => {
    const w = windowAt('day', sh('2026-11-23T07:59:00'));
    expect([iso(w.start), iso(w.end)]).toEqual(['2026-11-22T16:00:00.000Z', '2026-11-23T16:00:00.000Z']);
    expect(iso(windowAt('day', sh('2026-11-24T00:00:00')).start)).toBe(iso(sh('2026-11-24T00:00:00')));
  });

  it('starts the week on Monday: Sunday 23:59 is the old week, Monday 00:00 the new one', () => {
    // 2026-11-22 is a Sunday, 2026-11-23 a Monday.
    const sunday = windowAt('week', sh('2026-11-22T23:59:59'));
    expect([iso(sunday.start), iso(sunday.end)]).toEqual([iso(sh('2026-11-16T00:00:00')), iso(sh('2026-11-23T00:00:00'))]);
    const monday = windowAt('week', sh('2026-11-23T00:00:00'));
    expect([iso(monday.start), iso(monday.end)]).toEqual([iso(sh('2026-11-23T00:00:00')), iso(sh('2026-11-30T00:00:00'))]);
  });

  it('keeps a week that spans the new year whole', () => {
    const w = windowAt('week', sh('2027-01-01T12:00:00')); // a Friday
    expect([iso(w.start), iso(w.end)]).toEqual([iso(sh('2026-12-28T00:00:00')), iso(sh('2027-01-04T00:00:00'))]);
  });
});

describe('windowAt › month, quarter, year', () => {
  it('ends January on the 31st and February on the 28th, or the 29th in a leap year', () => {
    const jan = windowAt('month', sh('2027-01-31T23:59:59'));
    expect([iso(jan.start), iso(jan.end)]).toEqual([iso(sh('2027-01-01T00:00:00')), iso(sh('2027-02-01T00:00:00'))]);
    expect(iso(windowAt('month', sh('2027-02-28T12:00:00')).end)).toBe(iso(sh('2027-03-01T00:00:00')));
    const leap = windowAt('month', sh('2028-02-29T12:00:00'));
    expect([iso(leap.start), iso(leap.end)]).toEqual([iso(sh('2028-02-01T00:00:00')), iso(sh('2028-03-01T00:00:00'))]);
    expect(iso(windowAt('month', sh('2028-03-01T00:00:00')).start)).toBe(iso(sh('2028-03-01T00:00:00')));
  });

  it('uses quarters starting January, April, July and October', () => {
    const starts = ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01'].map((d) => sh(`${d}T00:00:00`));
    for (let q = 0; q < 4; q++) {
      const w = windowAt('quarter', starts[q] as Date);
      expect([iso(w.start), iso(w.end)]).toEqual([iso(starts[q] as Date), iso(starts[q + 1] as Date)]);
      const lastInstant = new Date((starts[q + 1] as Date).getTime() - 1);
      expect(iso(windowAt('quarter', lastInstant).start)).toBe(iso(starts[q] as Date));
    }
  });

  it('runs the year from local 1 January', () => {
    const w = windowAt('year', sh('2026-12-31T23:59:59'));
    expect([iso(w.start), iso(w.end)]).toEqual(['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
  });
});

describe('time zones', () => {
  it('has no DST in Asia/Shanghai: every day of the year is 24 hours', () => {
    const days = windowsBetween('day', sh('2026-01-01T00:00:00'), sh('2027-01-01T00:00:00'));
    expect(days).toHaveLength(365);
    expect(days.every((d) => d.end.getTime() - d.start.getTime() === 24 * 3600_000)).toBe(true);
  });

  it('follows the given zone: America/New_York has a 23-hour day when DST starts', () => {
    // DST began 2026-03-08 at 02:00 local in New York.
    const w = windowAt('day', new Date('2026-03-08T12:00:00Z'), { timeZone: 'America/New_York' });
    expect(iso(w.start)).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(w.end)).toBe('2026-03-09T04:00:00.000Z');
    expect((w.end.getTime() - w.start.getTime()) / 3600_000).toBe(23);
  });
});

describe('nextWindows and windowsBetween', () => {
  it('lists consecutive, gap-free shift windows', () => {
    const ws = nextWindows('shift', sh('2026-11-23T09:00:00'), 4, { shifts: twoShifts });
    expect(ws.map((w) => w.shiftCode)).toEqual(['A', 'B', 'A', 'B']);
    for (let i = 1; i < ws.length; i++) expect(iso((ws[i] as { start: Date }).start)).toBe(iso((ws[i - 1] as { end: Date }).end));
  });

  it('lists every window overlapping a range, the partial first one included', () => {
    const ws = windowsBetween('month', sh('2026-11-15T00:00:00'), sh('2027-02-01T00:00:00'));
    expect(ws.map((w) => iso(w.start))).toEqual(['2026-11', '2026-12', '2027-01'].map((m) => iso(sh(`${m}-01T00:00:00`))));
  });
});
