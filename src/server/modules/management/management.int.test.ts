import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('OHS management: objectives and policy', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'mg');
    other = await hazardWorld(t, 'mgx');
    // Known data: one accident this year (clock: 2026-11-23).
    const acc = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/accidents', { kind: 'accident', occurredOn: '2026-10-01', postId: w.postId, minorInjuries: 1, description: '手部划伤' });
    expect(acc.statusCode, acc.body).toBe(201);
  });
  afterAll(() => t.close());

  const objective = (over: object = {}) => ({ name: '全年零事故', metric: 'accidents', comparison: 'lte', targetValue: 0, year: 2026, ownerPersonId: w.people.dept_head, ...over });

  it('measures objectives bound to metrics from the records, shows the source, and takes hand-entered ones', async () => {
    const sm = w.cookies.safety_manager;
    const a = await t.request(sm, 'POST', '/api/v1/ohs-objectives', objective({ programmeDuties: '车间主任负责', programmeMethod: '每周隐患排查', programmeSchedule: '每月评估', programmeResources: '安全投入 2 万元' }));
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ currentValue: 1, state: 'slipping', programmeResources: '安全投入 2 万元' });
    const b = await t.request(sm, 'POST', '/api/v1/ohs-objectives', objective({ name: '重大隐患动态清零', metric: 'open_major_hazards' }));
    expect(b.json()).toMatchObject({ currentValue: 0, state: 'on_track' });
    const c = await t.request(sm, 'POST', '/api/v1/ohs-objectives', objective({ name: '员工体检率', metric: null, comparison: 'gte', targetValue: 90, unit: '%', manualValue: 95 }));
    expect(c.json()).toMatchObject({ currentValue: 95, state: 'met', unit: '%' });

    const list = await t.request(sm, 'GET', '/api/v1/ohs-objective-progress?year=2026', undefined, { 'accept-language': 'en-US' });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { name: string; source: string; state: string; unit: string }[];
    expect(items.map((i) => i.name)).toEqual(['全年零事故', '重大隐患动态清零', '员工体检率']);
    expect(items[0]!.source).toContain('Accident register');
    expect(items[2]!.source).toBe('Entered by hand');
    // The other enterprise sees none of them.
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/ohs-objective-progress?year=2026')).json().items).toEqual([]);
  });

  it('a slipping objective is a due item for its owner only', async () => {
    const due = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/due-items?kind=management')).json().items as { kind: string; title: string; ownerPersonId: string }[];
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ kind: 'management.objectiveSlipping', ownerPersonId: w.people.dept_head });
    expect(due[0]!.title).toContain('全年零事故');
    // Due from this week's Monday (2026-11-23, Asia/Shanghai), the same all week: the hourly job
    // notifies once a week, not at every run.
    expect(due[0]).toMatchObject({ dueAt: '2026-11-22T16:00:00.000Z' });
    const later = t.clock.now();
    t.clock.set(new Date(later.getTime() + 3 * 86_400_000));
    const again = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/due-items?kind=management')).json().items as { dueAt: string }[];
    t.clock.set(later);
    expect(again.map((i) => i.dueAt)).toEqual(['2026-11-22T16:00:00.000Z']);
  });

  it('refuses bad input naming the field, a foreign owner, and read-only roles', async () => {
    const bad = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/ohs-objectives', objective({ metric: 'happiness' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('metric');
    const foreign = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/ohs-objectives', objective({ ownerPersonId: other.people.worker }));
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreign.statusCode).toBeLessThan(500);
    expect(foreign.body).toContain('ownerPersonId');
    expect((await t.request(w.cookies.worker, 'POST', '/api/v1/ohs-objectives', objective())).statusCode).toBe(403);
    expect((await t.request(w.cookies.safety_manager, 'GET', '/api/v1/ohs-objective-progress?year=2026')).json().items).toHaveLength(3);
  });

  it('drafts the policy with the four commitments, the principal approves, employees acknowledge by sign-off', async () => {
    const sm = w.cookies.safety_manager;
    const first = (await t.request(sm, 'GET', '/api/v1/ohs-policy')).json();
    expect(first).toMatchObject({ current: null, draft: null, versions: [] });
    for (const words of ['法律法规', '持续改进', '预防事故', '保护每一位员工']) expect(first.proposedText).toContain(words);

    const saved = await t.request(sm, 'PUT', '/api/v1/ohs-policy/draft', { text: first.proposedText });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().draft).toMatchObject({ versionNo: 1, status: 'draft', missingCommitments: [] });
    const edited = await t.request(sm, 'PUT', '/api/v1/ohs-policy/draft', { text: '安全第一。' });
    expect(edited.json().draft.missingCommitments).toEqual(['comply', 'improve', 'prevent', 'protect']);
    await t.request(sm, 'PUT', '/api/v1/ohs-policy/draft', { text: first.proposedText });

    expect((await t.request(sm, 'POST', '/api/v1/ohs-policy/approve')).statusCode).toBe(403);
    const approved = await t.request(w.cookies.principal, 'POST', '/api/v1/ohs-policy/approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ draft: null, current: { versionNo: 1, status: 'approved' } });
    const again = await t.request(w.cookies.principal, 'POST', '/api/v1/ohs-policy/approve');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('草稿');

    // A revision: version 2 approved, version 1 superseded and kept.
    await t.request(sm, 'PUT', '/api/v1/ohs-policy/draft', { text: `${first.proposedText}\n（修订）` });
    const v2 = (await t.request(w.cookies.principal, 'POST', '/api/v1/ohs-policy/approve')).json();
    expect(v2.versions.map((v: { versionNo: number; status: string }) => [v.versionNo, v.status])).toEqual([[2, 'approved'], [1, 'superseded']]);

    const currentId = v2.current.id as string;
    const sheet = await t.request(w.cookies.worker, 'GET', `/api/v1/sign-offs?subjectType=ohs-policy&subjectId=${currentId}`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    const sign = await t.request(w.cookies.worker, 'POST', '/api/v1/sign-offs', { subjectType: 'ohs-policy', subjectId: currentId, role: 'reader', personId: w.people.worker, method: 'session' });
    expect(sign.statusCode, sign.body).toBe(201);
    // The superseded version takes no more acknowledgements; another enterprise cannot reach it.
    const old = v2.versions[1].id as string;
    expect((await t.request(w.cookies.team_leader, 'POST', '/api/v1/sign-offs', { subjectType: 'ohs-policy', subjectId: old, role: 'reader', personId: w.people.team_leader, method: 'session' })).statusCode).toBe(409);
    expect((await t.request(other.cookies.worker, 'GET', `/api/v1/sign-offs?subjectType=ohs-policy&subjectId=${currentId}`)).statusCode).toBe(404);

    const log = (await t.request(sm, 'GET', '/api/v1/audit-log?entity=ohs_policy_version')).json().items as { action: string }[];
    expect(log.filter((l) => l.action === 'approve')).toHaveLength(2);
    const objectiveLog = (await t.request(sm, 'GET', '/api/v1/audit-log?entity=ohs_objective')).json().items as { action: string }[];
    expect(objectiveLog.filter((l) => l.action === 'create')).toHaveLength(3);
  });
});
