import type { Locator } from 'playwright-core';

/**
 * Types a day ('YYYY-MM-DD', or 'YYYY-MM-DD HH:mm' in a field with a time) into a date field (the
 * app's DateField, an antd DatePicker) and leaves it with Tab, as a person typing would: the picker
 * takes the typed day on leaving. (Enter would take it too, but also sends a form that has a submit
 * button, before the journey means to.)
 */
export async function fillDate(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await field.press('Tab');
}

/**
 * The demo enterprise's day ('YYYY-MM-DD', Asia/Shanghai, UTC+8 all year), `offsetDays` from today.
 * Not the UTC date: from 16:00 to 24:00 UTC that is still yesterday there.
 */
export function demoEnterpriseDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
