import { describe, expect, it } from 'vitest';
import { hasEnded, lastCompletedPeriods } from './statistics-periods.js';

const tz = 'Asia/Shanghai';

describe('16号令 Art. 14 statistics periods', () => {
  it('owes the last completed quarter (due the 15th of the next) and the last year (due 31 January)', () => {
    expect(lastCompletedPeriods(new Date('2026-11-23T02:00:00Z'), tz)).toEqual([
      { key: '2026-Q3', year: 2026, quarter: 3, dueOn: '2026-10-15' },
      { key: '2025', year: 2025, quarter: null, dueOn: '2026-01-31' },
    ]);
  });
  it('turns over at local midnight: 1 January 00:30 in Shanghai is already Q4 completed', () => {
    expect(lastCompletedPeriods(new Date('2025-12-31T16:30:00Z'), tz)[0]).toMatchObject({ key: '2025-Q4', dueOn: '2026-01-15' });
    expect(lastCompletedPeriods(new Date('2025-12-31T15:30:00Z'), tz)[0]).toMatchObject({ key: '2025-Q3' });
  });
  it('lets a period be submitted only once it has ended', () => {
    expect(hasEnded(2026, 3, new Date('2026-09-30T15:59:59Z'), tz)).toBe(false);
    expect(hasEnded(2026, 3, new Date('2026-09-30T16:00:00Z'), tz)).toBe(true);
    expect(hasEnded(2026, null, new Date('2026-12-31T15:59:59Z'), tz)).toBe(false);
  });
});
