import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { clientId, hazardWorld, type World } from '../hazards/hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('GET /api/v1/home-summary (issue 15 §7)', () => {
  let t: TestApp;
  let w: World;
  let b: World;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    t.clock.set(new Date('2026-11-20T02:00:00Z'));
    w = await hazardWorld(t, 'home');
    b = await hazardWorld(t, 'homeb');
    const sm = w.cookies.safety_manager;
    for (const [name, L] of [['车床', 10], ['砂轮', 3]] as const) {
      const r = await t.request(sm, 'POST', '/api/v1/risks', {
        postId: w.postId, objectKind: 'equipment', objectName: name, hazardFactorCodes: ['2101'], accidentTypeCodes: ['03'], causes: '卷入',
        evaluation: { method: 'LEC', L, E: 6, C: 7 },
        measures: [{ type: 'engineering', phase: 'during', text: '防护罩', inspection: { content: `检查${name}`, method: 'look', period: 'month', responsibleIsPostHolders: true } }],
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    // Two hazards in October, one in November.
    for (const at of ['2026-10-05T02:00:00Z', '2026-10-20T02:00:00Z', '2026-11-18T02:00:00Z']) {
      t.clock.set(new Date(at));
      expect((await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { description: `隐患 ${at}`, postId: w.postId, clientId: clientId() })).statusCode).toBe(201);
    }
    t.clock.set(new Date('2026-11-20T02:00:00Z'));
  });
  afterAll(() => t.close());

  it('draws risk levels by post, hazards per month and this week from the indicators, for managers only', async () => {
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/home-summary')).statusCode).toBe(403);
    const res = await t.request(w.cookies.principal, 'GET', '/api/v1/home-summary');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ month: '2026-11', today: '2026-11-20' });
    // LEC 10×6×7 = 420 重大, 3×6×7 = 126 一般.
    expect(s.riskByPost).toEqual([{ postId: w.postId, postName: 'home 车床工', counts: { major: 1, significant: 0, general: 1, low: 0 } }]);
    expect(s.hazardsByMonth.map((m: { month: string }) => m.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(s.hazardsByMonth.slice(-2)).toEqual([{ month: '2026-10', found: 2, closed: 0 }, { month: '2026-11', found: 1, closed: 0 }]);
    expect(s.hazardsNow.open).toBe(3);
    expect(s.week.map((d: { day: string }) => d.day)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    // Another enterprise sees none of it.
    const other = (await t.request(b.cookies.principal, 'GET', '/api/v1/home-summary')).json();
    expect(other.riskByPost).toEqual([]);
    expect(other.hazardsNow.open).toBe(0);
  });
});
