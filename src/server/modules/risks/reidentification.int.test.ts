import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('periodic re-identification per post (issue 9 §10)', () => {
  let t: TestApp;
  let w: World;
  let b: World;
  const path = () => `/api/v1/posts/${w.postId}/reidentification`;
  const dueItems = async (cookie: string) =>
    (await t.request(cookie, 'GET', '/api/v1/due-items?kind=risk.reidentification&from=2026-01-01T00:00:00Z&to=2028-12-31T00:00:00Z')).json().items as { title: string; dueAt: string; status: string; link: string }[];

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 100_000 });
    t.clock.set(new Date('2026-03-10T02:00:00Z'));
    w = await hazardWorld(t, 'rid');
    b = await hazardWorld(t, 'ridb');
  });
  afterAll(() => t.close());

  it('has no due day until the post is identified, then 12 months (the default, marked so) after the first identification', async () => {
    expect((await t.request(w.cookies.worker, 'GET', path())).json()).toMatchObject({ months: 12, monthsIsDefault: true, dueOn: null, status: 'none', records: [] });
    expect(await dueItems(w.cookies.safety_manager)).toEqual([]);
    const risk = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/risks', {
      postId: w.postId, objectKind: 'equipment', objectName: '车床', hazardFactorCodes: ['2101'], accidentTypeCodes: ['03'], causes: '卷入',
      evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
      measures: [{ type: 'engineering', phase: 'during', text: '防护罩', inspection: { content: '检查防护罩', method: 'look', period: 'shift' } }],
    });
    expect(risk.statusCode, risk.body).toBe(201);
    expect((await t.request(w.cookies.worker, 'GET', path())).json()).toMatchObject({ firstIdentifiedOn: '2026-03-10', dueOn: '2027-03-10', status: 'due' });
    const items = await dueItems(w.cookies.safety_manager);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: '岗位风险定期辨识：rid 车床工', status: 'due', link: `/posts/${w.postId}` });
    expect(items[0]?.dueAt.slice(0, 10)).toBe('2027-03-10'); // end of the local day in Asia/Shanghai is 15:59:59Z
  });

  it('follows the enterprise setting; only managers set it, within 1–36 months', async () => {
    expect((await t.request(w.cookies.dept_head, 'PUT', '/api/v1/risk-settings', { reidentificationMonths: 6 })).statusCode).toBe(403);
    const bad = await t.request(w.cookies.safety_manager, 'PUT', '/api/v1/risk-settings', { reidentificationMonths: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('reidentificationMonths');
    const ok = await t.request(w.cookies.safety_manager, 'PUT', '/api/v1/risk-settings', { reidentificationMonths: 6 });
    expect(ok.json()).toEqual({ reidentificationMonths: 6, isDefault: false });
    expect((await t.request(w.cookies.worker, 'GET', path())).json()).toMatchObject({ months: 6, monthsIsDefault: false, dueOn: '2026-09-10' });
    // Another enterprise keeps the default.
    expect((await t.request(b.cookies.safety_manager, 'GET', '/api/v1/risk-settings')).json()).toEqual({ reidentificationMonths: 12, isDefault: true });
  });

  it('turns overdue with time; recording it (who, when, note) resets the due day and keeps the history', async () => {
    t.clock.set(new Date('2026-10-01T02:00:00Z'));
    expect((await t.request(w.cookies.worker, 'GET', path())).json().status).toBe('overdue');
    expect((await dueItems(w.cookies.safety_manager))[0]?.status).toBe('overdue');
    expect((await t.request(w.cookies.worker, 'POST', `/api/v1/posts/${w.postId}/reidentifications`, { doneOn: '2026-09-28', doneByPersonId: w.people.dept_head })).statusCode).toBe(403);
    const future = await t.request(w.cookies.dept_head, 'POST', `/api/v1/posts/${w.postId}/reidentifications`, { doneOn: '2026-10-02', doneByPersonId: w.people.dept_head });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('doneOn');
    const foreign = await t.request(w.cookies.dept_head, 'POST', `/api/v1/posts/${w.postId}/reidentifications`, { doneOn: '2026-09-28', doneByPersonId: b.people.dept_head });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('doneByPersonId');
    const res = await t.request(w.cookies.dept_head, 'POST', `/api/v1/posts/${w.postId}/reidentifications`, { doneOn: '2026-09-28', doneByPersonId: w.people.dept_head, note: '工艺未变，补充一条噪声风险' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ lastDoneOn: '2026-09-28', dueOn: '2027-03-28', status: 'due', records: [{ doneOn: '2026-09-28', doneByName: '车间主任', note: '工艺未变，补充一条噪声风险' }] });
    const items = await dueItems(w.cookies.safety_manager);
    expect(items.map((i) => [i.dueAt.slice(0, 10), i.status])).toEqual([['2027-03-28', 'due']]);
  });

  it('keeps tenancy: another enterprise cannot read or record on the post', async () => {
    expect((await t.request(b.cookies.safety_manager, 'GET', path())).statusCode).toBe(404);
    expect((await t.request(b.cookies.safety_manager, 'POST', `/api/v1/posts/${w.postId}/reidentifications`, { doneOn: '2026-09-28', doneByPersonId: b.people.dept_head })).statusCode).toBe(404);
    expect(await dueItems(b.cookies.safety_manager)).toEqual([]);
  });
});
