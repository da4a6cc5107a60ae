/** Times are shown in the enterprise's time zone (GET /api/v1/shifts names it), not the phone's. */
export const defaultTimeZone = 'Asia/Shanghai';

/** A due time always with its day (issue 8 §9: "截止 08:00" alone read as today when it was tomorrow's). */
export function formatDueTime(iso: string, locale: string, timeZone = defaultTimeZone): string {
  return new Intl.DateTimeFormat(locale, { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: string, timeZone = defaultTimeZone): string {
  return new Intl.DateTimeFormat(locale, { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}
