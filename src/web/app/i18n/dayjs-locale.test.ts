import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { applyLocale } from './i18n';

describe('dates in calendars and pickers follow the UI language', () => {
  it('names weekdays and months in Chinese by default, starting the week on Monday, and in English after switching', async () => {
    const sunday = '2026-12-06';
    expect(dayjs(sunday).format('dd MMM')).toBe('日 12月');
    expect(dayjs(sunday).startOf('week').format('YYYY-MM-DD')).toBe('2026-11-30');
    vi.stubGlobal('document', { documentElement: {} });
    await applyLocale('en-US');
    expect(dayjs(sunday).format('dd MMM')).toBe('Su Dec');
    await applyLocale('zh-CN');
    expect(dayjs(sunday).format('dd')).toBe('日');
    vi.unstubAllGlobals();
  });
});
