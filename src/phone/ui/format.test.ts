import { describe, expect, it } from 'vitest';
import { formatDueTime } from './format';

describe('formatDueTime (issue 8 §9: the place page showed a due time without its date)', () => {
  it("shows the day with the time, on the enterprise's clock", () => {
    expect(formatDueTime('2026-12-05T00:00:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe('12/5 08:00');
    expect(formatDueTime('2026-12-05T00:00:00.000Z', 'en-US', 'Asia/Shanghai')).toBe('12/5, 08:00');
    // The same instant is still the 4th in New York.
    expect(formatDueTime('2026-12-05T00:00:00.000Z', 'zh-CN', 'America/New_York')).toBe('12/4 19:00');
  });
});
