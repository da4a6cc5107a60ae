import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fromPickerValue, toPickerValue } from './date-field';

describe('DateField values', () => {
  it('reads and gives back a day as the schemas take it (YYYY-MM-DD), whatever the language', () => {
    const picked = toPickerValue('2026-11-10');
    expect(picked?.format('YYYY-MM-DD')).toBe('2026-11-10');
    expect(fromPickerValue(picked)).toBe('2026-11-10');
    expect(fromPickerValue(dayjs('2026-02-03T23:59:00').locale('zh-cn'))).toBe('2026-02-03');
  });

  it('gives a date and time as the ISO instant of the browser clock, to the minute (as datetime-local did)', () => {
    expect(fromPickerValue(dayjs('2026-12-01T08:30:45.123'), true)).toBe(new Date('2026-12-01T08:30').toISOString());
    expect(toPickerValue(new Date('2026-12-01T08:30').toISOString())?.format('YYYY-MM-DD HH:mm')).toBe('2026-12-01 08:30');
  });

  it('has no value for nothing, cleared or text that is not a date', () => {
    expect(toPickerValue(undefined)).toBeNull();
    expect(toPickerValue(null)).toBeNull();
    expect(toPickerValue('')).toBeNull();
    expect(toPickerValue('not a date')).toBeNull();
    expect(fromPickerValue(null)).toBeUndefined();
  });
});
