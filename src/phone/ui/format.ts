/** Times are shown in the enterprise's time zone (GET /api/v1/shifts names it), not the phone's. */
export const defaultTimeZone = 'Asia/Shanghai';

export function formatDueTime(iso: string, locale: string, timeZone = defaultTimeZone, now = new Date()): string {
  const date = new Date(iso);
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const isToday = day(date) === day(now);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(isToday ? {} : { month: 'numeric', day: 'numeric' }),
  }).format(date);
}

export function formatDateTime(iso: string, locale: string, timeZone = defaultTimeZone): string {
  return new Intl.DateTimeFormat(locale, { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}
