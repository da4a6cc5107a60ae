import { describe, expect, it } from 'vitest';
import { dateState, earliest, plusMonths } from './date-state.js';

describe('dated obligations', () => {
  it('is past the day after the date, soon within the window, ok beyond it', () => {
    expect(dateState('2026-11-22', '2026-11-23', 30)).toBe('past');
    expect(dateState('2026-11-23', '2026-11-23', 30)).toBe('soon');
    expect(dateState('2026-12-23', '2026-11-23', 30)).toBe('soon');
    expect(dateState('2026-12-24', '2026-11-23', 30)).toBe('ok');
    expect(dateState(null, '2026-11-23', 30)).toBe('none');
  });
  it('adds whole months and picks the earliest date', () => {
    expect(plusMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(plusMonths('2025-11-23', 12)).toBe('2026-11-23');
    expect(earliest([null, '2027-01-01', '2026-05-01'])).toBe('2026-05-01');
    expect(earliest([null])).toBeNull();
  });
});
