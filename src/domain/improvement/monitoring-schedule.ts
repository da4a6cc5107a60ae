/*
 * When a monitoring plan line is next measured (seed 000 四(一): the plan says how often). Periods are
 * calendar periods on the enterprise's wall clock — month, quarter (Jan–Mar…), half year (Jan–Jun,
 * Jul–Dec), year — the same periods the 测量和监测表 is drawn up for; a line's measurement of a period
 * is due on the period's last day. Pure: dates are 'YYYY-MM-DD'.
 */
import type { monitoringFrequencies } from './monitoring-table.js';

export type MonitoringFrequency = (typeof monitoringFrequencies)[number];

const monthsPer: Record<MonitoringFrequency, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar period of `frequency` holding `day`. */
export function monitoringPeriodOf(frequency: MonitoringFrequency, day: string): { from: string; to: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const span = monthsPer[frequency];
  const first = Math.floor((month - 1) / span) * span + 1;
  const last = first + span - 1;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}` };
}

/** The day after `day`. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The next measurement's due day: the last day of the period holding `today` (today itself on that day). */
export function nextMonitoringDue(frequency: MonitoringFrequency, today: string): string {
  return monitoringPeriodOf(frequency, today).to;
}

/**
 * The due days from the current period on whose day falls on or before `until` — the current one
 * always, so the next measurement shows even when it is due after the window asked for.
 */
export function monitoringDueDays(frequency: MonitoringFrequency, today: string, until: string): string[] {
  const days = [nextMonitoringDue(frequency, today)];
  for (;;) {
    const next = monitoringPeriodOf(frequency, nextDay(days.at(-1) as string)).to;
    if (next > until) return days;
    days.push(next);
  }
}
