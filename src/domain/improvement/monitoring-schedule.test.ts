import { describe, expect, it } from 'vitest';
import { monitoringDueDays, monitoringPeriodOf, nextMonitoringDue } from './monitoring-schedule.js';

describe('nextMonitoringDue', () => {
  it('is the last day of the calendar period holding today', () => {
    expect(nextMonitoringDue('month', '2026-11-23')).toBe('2026-11-30');
    expect(nextMonitoringDue('quarter', '2026-11-23')).toBe('2026-12-31');
    expect(nextMonitoringDue('quarter', '2026-04-01')).toBe('2026-06-30');
    expect(nextMonitoringDue('half_year', '2026-06-30')).toBe('2026-06-30');
    expect(nextMonitoringDue('half_year', '2026-07-01')).toBe('2026-12-31');
    expect(nextMonitoringDue('year', '2026-01-01')).toBe('2026-12-31');
  });

  it('knows February, leap years included', () => {
    expect(nextMonitoringDue('month', '2028-02-10')).toBe('2028-02-29');
    expect(nextMonitoringDue('month', '2027-02-10')).toBe('2027-02-28');
  });

  it('on the period’s last day is due that day, the day after moves to the next period', () => {
    expect(nextMonitoringDue('month', '2026-12-31')).toBe('2026-12-31');
    expect(nextMonitoringDue('month', '2027-01-01')).toBe('2027-01-31');
  });
});

describe('monitoringPeriodOf', () => {
  it('gives the period the 测量和监测表 covers', () => {
    expect(monitoringPeriodOf('quarter', '2026-08-15')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(monitoringPeriodOf('half_year', '2026-03-01')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
  });
});

describe('monitoringDueDays', () => {
  it('lists the due days up to the window’s end, across a year end', () => {
    expect(monitoringDueDays('month', '2026-11-23', '2027-02-15')).toEqual(['2026-11-30', '2026-12-31', '2027-01-31']);
    expect(monitoringDueDays('quarter', '2026-11-23', '2027-06-30')).toEqual(['2026-12-31', '2027-03-31', '2027-06-30']);
  });

  it('always holds the next measurement, even when it falls after the window', () => {
    expect(monitoringDueDays('year', '2026-02-01', '2026-02-28')).toEqual(['2026-12-31']);
  });
});
