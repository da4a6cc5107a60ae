import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { occupationalHealthIndicators } from './workplace-monitoring.service.js';

describe.skipIf(!isDbAvailable())('PPE, workplace monitoring, exposures and the hazard declaration', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'pp');
    other = await hazardWorld(t, 'ppx');
  });
  afterAll(() => t.close());

  it('sets what a post wears, issues it to a person who signs, and the replacement falls due', async () => {
    const sm = w.cookies.safety_manager;
    const req = await t.request(sm, 'POST', '/api/v1/ppe-requirements', { postId: w.postId, name: '防尘口罩 KN95', kind: 'respiratory', replaceMonths: 1 });
    expect(req.statusCode, req.body).toBe(201);
    expect((await t.request(w.cookies.worker, 'GET', `/api/v1/ppe-requirements?postId=${w.postId}`)).json().items.map((r: { name: string }) => r.name)).toEqual(['防尘口罩 KN95']);
    // Clock: 2026-11-23; issued 2026-11-01 → replace by 2026-12-01.
    const issued = await t.request(w.cookies.team_leader, 'POST', '/api/v1/ppe-issues', { personId: w.people.worker, requirementId: req.json().id, quantity: 20, issuedOn: '2026-11-01' });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toMatchObject({ name: '防尘口罩 KN95', kind: 'respiratory', replaceBy: '2026-12-01', signedAt: null });
    const id = issued.json().id as string;
    const sign = await t.request(w.cookies.worker, 'POST', '/api/v1/sign-offs', { subjectType: 'ppe-issue', subjectId: id, role: 'recipient', personId: w.people.worker, method: 'session' });
    expect(sign.statusCode, sign.body).toBe(201);
    const list = (await t.request(sm, 'GET', `/api/v1/ppe-issues?personId=${w.people.worker}`)).json().items;
    expect(list[0].signedAt).not.toBeNull();
    const due = (await t.request(w.cookies.worker, 'GET', '/api/v1/due-items?kind=ohs.ppeReplacement')).json().items;
    expect(due).toEqual([expect.objectContaining({ ownerPersonId: w.people.worker, status: 'due', title: '劳动防护用品更换：操作工 防尘口罩 KN95' })]);

    // Another enterprise: cannot sign or see it; a foreign post or person is named; a worker cannot issue.
    expect((await t.request(other.cookies.worker, 'GET', `/api/v1/sign-offs?subjectType=ppe-issue&subjectId=${id}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/ppe-issues')).json().items).toEqual([]);
    const foreign = await t.request(sm, 'POST', '/api/v1/ppe-issues', { personId: other.people.worker, name: '安全帽', issuedOn: '2026-11-01' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('personId');
    expect((await t.request(sm, 'POST', '/api/v1/ppe-requirements', { postId: other.postId, name: '耳塞', kind: 'hearing' })).body).toContain('postId');
    expect((await t.request(w.cookies.worker, 'POST', '/api/v1/ppe-issues', { personId: w.people.worker, name: '安全帽', issuedOn: '2026-11-01' })).statusCode).toBe(403);
    expect((await t.request(sm, 'GET', '/api/v1/audit-log?entity=ppe_issue')).json().items).toHaveLength(1);
  });

  it('checks readings against their limits; one over the limit raises a hazard; the indicator counts them', async () => {
    const sm = w.cookies.safety_manager;
    const over = await t.request(sm, 'POST', '/api/v1/workplace-monitoring', { postId: w.postId, areaId: w.areaId, point: '冲床旁', limitCode: 'noise-8h', measuredOn: '2026-11-20', value: 88.5, agency: '某检测公司' });
    expect(over.statusCode, over.body).toBe(201);
    expect(over.json()).toMatchObject({ isOverLimit: true, limitValue: 85, unit: 'dB(A)' });
    const hazard = await t.request(sm, 'GET', `/api/v1/hazards/${over.json().hazardId}`);
    expect(hazard.statusCode, hazard.body).toBe(200);
    expect(hazard.json().description).toContain('职业病危害因素检测超标：冲床旁');
    const within = await t.request(sm, 'POST', '/api/v1/workplace-monitoring', { postId: w.postId, point: '冲床旁', limitCode: 'dust-total-other', measuredOn: '2026-11-20', value: 8 });
    expect(within.json()).toMatchObject({ isOverLimit: false, hazardId: null });
    const bad = await t.request(sm, 'POST', '/api/v1/workplace-monitoring', { point: 'x', limitCode: 'happiness', measuredOn: '2026-11-20', value: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('limitCode');
    expect((await t.request(sm, 'GET', '/api/v1/workplace-monitoring?isOverLimit=true')).json().items).toHaveLength(1);

    const figures = await occupationalHealthIndicators(t.deps, w.enterpriseId, { from: '2026-01-01', to: '2026-12-31' });
    expect(figures).toMatchObject({ readings: 2, readingsOverLimit: 1, readingsWithinLimitRate: 50 });
    expect(await occupationalHealthIndicators(t.deps, other.enterpriseId, { from: '2026-01-01', to: '2026-12-31' })).toMatchObject({ readings: 0, readingsWithinLimitRate: null });
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/workplace-monitoring')).json().items).toEqual([]);
    expect((await t.request(sm, 'GET', '/api/v1/audit-log?entity=workplace_monitoring')).json().items).toHaveLength(2);
  });

  it("derives each post's exposure factors from its risks and keeps the hazard declaration", async () => {
    const sm = w.cookies.safety_manager;
    const risk = await t.request(sm, 'POST', '/api/v1/risks', {
      postId: w.postId, objectKind: 'activity', objectName: '喷漆', hazardFactorCodes: ['22'], accidentTypeCodes: ['20'], causes: '有机溶剂挥发',
      evaluation: { method: 'LEC', L: 3, E: 6, C: 3 }, measures: [{ type: 'ppe', phase: 'during', text: '佩戴防毒面具', inspection: { content: '防毒面具佩戴', method: 'look', period: 'shift', responsibleIsPostHolders: true } }],
    });
    expect(risk.statusCode, risk.body).toBe(201);
    const exposures = (await t.request(w.cookies.worker, 'GET', '/api/v1/occupational-exposures')).json().items as { postId: string; kinds: string[]; latestReadings: { limitCode: string }[] }[];
    const mine = exposures.find((e) => e.postId === w.postId)!;
    expect(mine.kinds).toEqual(['chemical']);
    expect(mine.latestReadings.map((r) => r.limitCode).sort()).toEqual(['dust-total-other', 'noise-8h']);

    const d = await t.request(sm, 'POST', '/api/v1/ohd-declarations', { kind: 'initial', declaredOn: '2026-03-01', authority: '县卫生健康委', receiptNo: 'SB-001', factors: ['noise', 'chemical'], exposedCount: 12 });
    expect(d.statusCode, d.body).toBe(201);
    expect((await t.request(sm, 'GET', '/api/v1/ohd-declarations')).json().items).toEqual([expect.objectContaining({ receiptNo: 'SB-001', factors: ['noise', 'chemical'] })]);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/ohd-declarations')).json().items).toEqual([]);
    expect((await occupationalHealthIndicators(t.deps, w.enterpriseId, { from: '2026-01-01', to: '2026-12-31' })).lastDeclarationOn).toBe('2026-03-01');
  });

  it('the declaration’s yearly update falls due a year after the latest declaration; a newer one moves it on', async () => {
    // The initial declaration of the test above (2026-03-01), clock 2026-11-23: due 2027-03-01, beyond the default window, so ask for it.
    const sm = w.cookies.safety_manager;
    const dueOf = async (cookie: string) =>
      (await t.request(cookie, 'GET', `/api/v1/due-items?kind=ohs.hazardDeclaration&to=${encodeURIComponent('2027-12-31T00:00:00+08:00')}`)).json().items as { title: string; dueAt: string; status: string; link: string }[];
    const first = await dueOf(sm);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ dueAt: endOfLocalDay('2027-03-01', 'Asia/Shanghai'), status: 'due', link: '/operations/monitoring' });
    expect(first[0]!.title).toContain('上次申报 2026-03-01');
    // A change declared in between: the next update counts from it.
    expect((await t.request(sm, 'POST', '/api/v1/ohd-declarations', { kind: 'change', declaredOn: '2026-09-10', factors: ['noise'] })).statusCode).toBe(201);
    expect((await dueOf(sm)).map((i) => i.dueAt)).toEqual([endOfLocalDay('2027-09-10', 'Asia/Shanghai')]);
    // Not updated in time: overdue, and it stays in the list.
    const now = t.clock.now();
    t.clock.set(new Date('2027-09-20T02:00:00Z'));
    const late = await dueOf(sm);
    t.clock.set(now);
    expect(late.map((i) => i.status)).toEqual(['overdue']);
    expect(await dueOf(other.cookies.safety_manager)).toEqual([]);
  });
});
