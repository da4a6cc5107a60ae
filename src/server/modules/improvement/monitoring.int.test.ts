import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { clientId, hazardWorld, type World } from '../hazards/hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('performance monitoring plan and table', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'mo');
    other = await hazardWorld(t, 'mox');
    await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { description: '配电箱门未关', postId: w.postId, clientId: clientId() });
  });
  afterAll(() => t.close());

  it('plans what, how, how often and who; the period table reads each line’s result from the records', async () => {
    const sm = w.cookies.safety_manager;
    for (const body of [
      { subject: 'hazards', name: '隐患排查治理情况', method: '查隐患台账', frequency: 'month', ownerPersonId: w.people.dept_head },
      { subject: 'occupational_health', name: '噪声、粉尘检测结果', method: '查检测报告', frequency: 'quarter', ownerPersonId: w.people.dept_head },
      { subject: 'other', name: '劳保用品佩戴', method: '现场抽查', frequency: 'month', ownerPersonId: w.people.team_leader },
    ]) expect((await t.request(sm, 'POST', '/api/v1/monitoring-items', body)).statusCode).toBe(201);
    const foreign = await t.request(sm, 'POST', '/api/v1/monitoring-items', { subject: 'training', name: 'x', frequency: 'year', ownerPersonId: other.people.worker });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('ownerPersonId');

    const res = await t.request(sm, 'GET', '/api/v1/monitoring-table?from=2026-10-01&to=2026-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { what: string; result: string; status: string; ownerName: string }[];
    expect(rows.map((r) => r.what)).toEqual(['隐患排查治理情况', '噪声、粉尘检测结果', '劳保用品佩戴']);
    expect(rows[0]).toMatchObject({ ownerName: '车间主任', status: 'ok' }); // found, not yet due: nothing late
    expect(rows[0]!.result).toContain('发现 1');
    // No readings recorded yet: "not recorded", never "fine".
    expect(rows[1]).toMatchObject({ result: '未记录', status: 'not_recorded' });
    expect(rows[2]!.status).toBe('manual');
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/monitoring-table?from=2026-10-01&to=2026-12-31')).json().rows).toEqual([]);
    expect((await t.request(sm, 'GET', '/api/v1/monitoring-table?from=2026-12-31&to=2026-10-01')).statusCode).toBe(400);
  });

  it('each plan line’s next measurement is a due item for its owner on its period’s last day, in the calendar and the due list', async () => {
    // Lines of the test above (clock 2026-11-23): a monthly and a quarterly one of the workshop head, a monthly one of the team leader.
    type Due = { kind: string; title: string; dueAt: string; status: string; link: string };
    const dueOf = async (cookie: string, query = '') => (await t.request(cookie, 'GET', `/api/v1/due-items?kind=monitoring&mine=true${query}`)).json().items as Due[];
    const day = (d: string) => endOfLocalDay(d, 'Asia/Shanghai');
    const head = await dueOf(w.cookies.dept_head);
    // Earliest first (two on 31 December, in either order).
    expect(head.map((i) => i.dueAt)).toEqual([day('2026-11-30'), day('2026-12-31'), day('2026-12-31'), day('2027-01-31')]);
    expect(head.map((i) => [i.title, i.dueAt, i.status]).sort()).toEqual(
      [
        ['测量和监测（每月）：隐患排查治理情况', day('2026-11-30'), 'due'],
        ['测量和监测（每季度）：噪声、粉尘检测结果', day('2026-12-31'), 'due'],
        ['测量和监测（每月）：隐患排查治理情况', day('2026-12-31'), 'due'],
        ['测量和监测（每月）：隐患排查治理情况', day('2027-01-31'), 'due'],
      ].sort(),
    );
    expect(head[0]).toMatchObject({ kind: 'monitoring.measurement', link: '/improvement/monitoring' });
    // The calendar's March view shows that month's measurements (the quarter's end among them).
    const march = await dueOf(w.cookies.dept_head, `&from=${encodeURIComponent('2027-03-01T00:00:00+08:00')}&to=${encodeURIComponent('2027-04-01T00:00:00+08:00')}`);
    expect(march.filter((i) => i.dueAt >= day('2027-03-01')).map((i) => i.dueAt)).toEqual([day('2027-03-31'), day('2027-03-31')]);

    // A day past the month's end: the next month's measurement is due, nothing is left overdue.
    const now = t.clock.now();
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    const december = await dueOf(w.cookies.dept_head);
    t.clock.set(now);
    expect(december[0]).toMatchObject({ dueAt: day('2026-12-31'), status: 'due' });
    expect(december.some((i) => i.status === 'overdue')).toBe(false);

    // An archived line is no longer measured; another enterprise sees none of this plan.
    const lines = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/monitoring-items')).json().items as { id: string; name: string }[];
    const ppe = lines.find((l) => l.name === '劳保用品佩戴')!;
    expect((await dueOf(w.cookies.team_leader)).length).toBeGreaterThan(0);
    expect((await t.request(w.cookies.safety_manager, 'POST', `/api/v1/monitoring-items/${ppe.id}/archive`)).statusCode).toBe(200);
    expect(await dueOf(w.cookies.team_leader)).toEqual([]);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/due-items?kind=monitoring')).json().items).toEqual([]);
  });
});
