import { describe, expect, it } from 'vitest';
import { isDeadlineNear, isOverdue, nextTier, tierOfOrgUnit } from './overdue';
import { computeStatistics, quarterOf, statisticsPeriod } from './statistics';

const at = new Date('2026-12-01T00:00:00.000Z');

describe('isOverdue', () => {
  it('is overdue once the deadline passed and the hazard is still owed', () => {
    expect(isOverdue({ status: 'under_rectification', deadline: '2026-11-30T23:59:59.999Z' }, at)).toBe(true);
    expect(isOverdue({ status: 'submitted_for_acceptance', deadline: '2026-11-30T00:00:00.000Z' }, at)).toBe(true);
  });
  it('is not overdue at the deadline itself, without a deadline, or when finished', () => {
    expect(isOverdue({ status: 'under_rectification', deadline: at.toISOString() }, at)).toBe(false);
    expect(isOverdue({ status: 'under_rectification', deadline: null }, at)).toBe(false);
    expect(isOverdue({ status: 'closed', deadline: '2026-01-01T00:00:00.000Z' }, at)).toBe(false);
    expect(isOverdue({ status: 'rejected', deadline: '2026-01-01T00:00:00.000Z' }, at)).toBe(false);
  });
  it('is near within the window before the deadline only', () => {
    expect(isDeadlineNear({ status: 'under_rectification', deadline: '2026-12-01T12:00:00.000Z' }, at)).toBe(true);
    expect(isDeadlineNear({ status: 'under_rectification', deadline: '2026-12-03T00:00:00.000Z' }, at)).toBe(false);
    expect(isDeadlineNear({ status: 'under_rectification', deadline: '2026-11-30T00:00:00.000Z' }, at)).toBe(false);
  });
});

describe('escalation one tier up', () => {
  it('goes team → department → company and stays at the top', () => {
    expect(nextTier('team')).toBe('department');
    expect(nextTier('department')).toBe('company');
    expect(nextTier('company')).toBe('company');
  });
  it('places a workshop with the departments and no unit at the team tier', () => {
    expect(tierOfOrgUnit('workshop')).toBe('department');
    expect(tierOfOrgUnit('department')).toBe('department');
    expect(tierOfOrgUnit('team')).toBe('team');
    expect(tierOfOrgUnit(null)).toBe('team');
  });
});

describe('statisticsPeriod (16号令 Art. 14)', () => {
  const tz = 'Asia/Shanghai';
  it('gives each quarter its local bounds and the 15th of the next quarter as due date', () => {
    const q1 = statisticsPeriod(2026, 1, tz);
    expect(q1.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(q1.end.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(q1.dueDate).toBe('2026-04-15');
    expect(statisticsPeriod(2026, 2, tz).dueDate).toBe('2026-07-15');
    expect(statisticsPeriod(2026, 3, tz).dueDate).toBe('2026-10-15');
    const q4 = statisticsPeriod(2026, 4, tz);
    expect(q4.dueDate).toBe('2027-01-15');
    expect(q4.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
  it('gives the year with 31 January as due date', () => {
    const y = statisticsPeriod(2026, null, tz);
    expect(y.dueDate).toBe('2027-01-31');
    expect(y.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(y.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
  it('finds the local quarter of an instant at the boundary', () => {
    expect(quarterOf(new Date('2026-03-31T15:59:59.999Z'), tz)).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(new Date('2026-03-31T16:00:00.000Z'), tz)).toEqual({ year: 2026, quarter: 2 });
  });
});

describe('computeStatistics', () => {
  const period = statisticsPeriod(2026, 4, 'Asia/Shanghai');
  const h = (o: Partial<Parameters<typeof computeStatistics>[0][number]>) => ({
    grade: 'general',
    status: 'closed',
    createdAt: '2026-10-10T00:00:00.000Z',
    closedAt: '2026-10-20T00:00:00.000Z',
    deadline: '2026-10-25T00:00:00.000Z',
    fundsCny: 100,
    ...o,
  });
  it('counts found, fixed, major, funds and the rates', () => {
    const s = computeStatistics(
      [
        h({}), // found + fixed on time
        h({ closedAt: '2026-10-30T00:00:00.000Z', fundsCny: 250.5 }), // late
        h({ grade: 'major', status: 'under_rectification', closedAt: null, fundsCny: 9000 }), // open major
        h({ status: 'rejected', closedAt: null }), // not a hazard
        h({ createdAt: '2026-09-01T00:00:00.000Z', closedAt: '2026-10-02T00:00:00.000Z', deadline: null }), // found earlier, fixed now
        h({ createdAt: '2027-01-02T00:00:00.000Z', closedAt: null, status: 'reported' }), // next period
      ],
      period,
      new Date('2027-02-01T00:00:00.000Z'),
    );
    expect(s).toEqual({
      found: 3,
      foundGeneral: 2,
      foundMajor: 1,
      fixed: 3,
      fixedGeneral: 3,
      fixedMajor: 0,
      open: 1,
      fundsCny: 450.5,
      onTimeRectificationRate: 0.5,
      closureRate: 0.6667,
    });
  });
  it('gives null rates when nothing counts', () => {
    const s = computeStatistics([], period, new Date());
    expect(s.closureRate).toBeNull();
    expect(s.onTimeRectificationRate).toBeNull();
  });
});
