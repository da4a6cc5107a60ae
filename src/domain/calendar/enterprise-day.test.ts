import { describe, expect, it } from 'vitest';
import { endOfLocalDay, localDay, readableInstant, startOfLocalDay } from './enterprise-day';

describe('endOfLocalDay', () => {
  it("ends the day at the enterprise's midnight, whatever zone the browser is in", () => {
    expect(endOfLocalDay('2026-12-05', 'Asia/Shanghai')).toBe('2026-12-05T15:59:59.999Z');
    expect(endOfLocalDay('2026-12-05', 'UTC')).toBe('2026-12-05T23:59:59.999Z');
    expect(endOfLocalDay('2026-12-31', 'Asia/Shanghai')).toBe('2026-12-31T15:59:59.999Z');
    expect(endOfLocalDay('2027-02-28', 'America/New_York')).toBe('2027-03-01T04:59:59.999Z');
  });
  it("starts the day at the enterprise's midnight", () => {
    expect(startOfLocalDay('2026-12-05', 'Asia/Shanghai')).toBe('2026-12-04T16:00:00.000Z');
  });
  it('refuses a string that is not a day', () => {
    expect(() => endOfLocalDay('2026-12-5', 'Asia/Shanghai')).toThrow(RangeError);
  });
});

describe('localDay and readableInstant', () => {
  it('reads an instant on the wall clock of the zone', () => {
    expect(localDay('2026-12-05T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-12-06');
    expect(localDay('2026-12-05T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-12-05');
  });
  it('shows a deadline as its day, other instants with the time, never the ISO form', () => {
    expect(readableInstant('2026-12-05T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-12-05');
    // A deadline stored in UTC by an old browser: still a readable day and time, not 2026-12-05T23:59:59.999Z.
    expect(readableInstant('2026-12-05T23:59:59.999Z', 'Asia/Shanghai')).toBe('2026-12-06 07:59');
    expect(readableInstant('2026-12-05T06:30:00.000Z', 'Asia/Shanghai')).toBe('2026-12-05 14:30');
  });
});
