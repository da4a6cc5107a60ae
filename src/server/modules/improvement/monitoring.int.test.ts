import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
