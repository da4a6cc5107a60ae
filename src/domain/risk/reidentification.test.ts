import { describe, expect, it } from 'vitest';
import { defaultReidentificationMonths, reidentificationBaseline, reidentificationDueOn, reidentificationStatus } from './reidentification';

describe('periodic re-identification of a post (seed 001 第十条 定期)', () => {
  it('defaults to 12 months', () => {
    expect(defaultReidentificationMonths).toBe(12);
    expect(reidentificationDueOn('2026-03-15', defaultReidentificationMonths)).toBe('2027-03-15');
  });

  it('counts calendar months; a month end stays a month end; leap days fall back', () => {
    expect(reidentificationDueOn('2026-01-31', 1)).toBe('2026-02-28');
    expect(reidentificationDueOn('2028-02-29', 12)).toBe('2029-02-28');
    expect(reidentificationDueOn('2026-12-01', 6)).toBe('2027-06-01');
  });

  it('has no due day for a post never identified, and refuses a period out of 1–36 months', () => {
    expect(reidentificationDueOn(null, 12)).toBeNull();
    expect(reidentificationDueOn('2026-01-01', 1)).toBe('2026-02-01');
    expect(reidentificationDueOn('2026-01-01', 36)).toBe('2029-01-01');
    expect(() => reidentificationDueOn('2026-01-01', 0)).toThrow(RangeError);
    expect(() => reidentificationDueOn('2026-01-01', 37)).toThrow(RangeError);
    expect(() => reidentificationDueOn('2026-01-01', 1.5)).toThrow(RangeError);
  });

  it('starts from the last re-identification, else the first identification', () => {
    expect(reidentificationBaseline('2026-06-01', '2025-01-01')).toBe('2026-06-01');
    expect(reidentificationBaseline(null, '2025-01-01')).toBe('2025-01-01');
    expect(reidentificationBaseline(null, null)).toBeNull();
  });

  it('is overdue the day after its due day, due soon within 30 days, due before', () => {
    expect(reidentificationStatus(null, '2026-12-01')).toBe('none');
    expect(reidentificationStatus('2026-12-01', '2026-12-01')).toBe('dueSoon');
    expect(reidentificationStatus('2026-12-01', '2026-12-02')).toBe('overdue');
    expect(reidentificationStatus('2026-12-31', '2026-12-01')).toBe('dueSoon');
    expect(reidentificationStatus('2027-01-01', '2026-12-01')).toBe('due');
  });
});
