import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('OHS management: commitment, duty lists and responsibility letters', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  let managerPost: string;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'du');
    other = await hazardWorld(t, 'dux');
  });
  afterAll(() => t.close());

  const sign = (cookie: string, subjectType: string, subjectId: string, role: string, personId: string) => t.request(cookie, 'POST', '/api/v1/sign-offs', { subjectType, subjectId, role, personId, method: 'session' });

  it("drafts the year's commitment with the four duties; the principal signs it; an edit asks again", async () => {
    const sm = w.cookies.safety_manager;
    const draft = (await t.request(sm, 'GET', '/api/v1/ohs-system-years/2026')).json();
    expect(draft).toMatchObject({ id: null, isSigned: false });
    for (const d of ['对安全管理工作作出正式承诺，并履行承诺', '为安全生产提供充足的资源', '建立完善的安全管理制度并保证实施', '建立和落实岗位安全职责']) expect(draft.commitmentText).toContain(d);

    const body = { commitmentText: draft.commitmentText, principalPersonId: w.people.dept_head, builderPersonId: w.people.team_leader, resourcesPeople: '兼职安全员 1 名', resourcesBudgetCny: 50000, resourcesEquipment: '气体检测仪 2 台' };
    const saved = await t.request(sm, 'PUT', '/api/v1/ohs-system-years/2026', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ commitmentRevision: 1, principalName: '车间主任', builderName: '班长', resourcesBudgetCny: 50000, resourcesEquipment: '气体检测仪 2 台', isSigned: false });
    const id = saved.json().id as string;

    // Only the named principal signs (the dept head's account stands in for the top manager here).
    expect((await sign(w.cookies.worker, 'ohs-commitment', id, 'principal', w.people.worker)).statusCode).toBe(403);
    const signed = await sign(w.cookies.dept_head, 'ohs-commitment', id, 'principal', w.people.dept_head);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().statement).toContain('为安全生产提供充足的资源');
    expect((await t.request(sm, 'GET', '/api/v1/ohs-system-years/2026')).json().isSigned).toBe(true);

    // Resources change: the signature stands. The commitment changes: it must be signed again.
    expect((await t.request(sm, 'PUT', '/api/v1/ohs-system-years/2026', { ...body, resourcesBudgetCny: 60000 })).json()).toMatchObject({ commitmentRevision: 1, isSigned: true });
    expect((await t.request(sm, 'PUT', '/api/v1/ohs-system-years/2026', { ...body, commitmentText: `${body.commitmentText}\n补充` })).json()).toMatchObject({ commitmentRevision: 2, isSigned: false });

    // Tenancy and roles.
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/ohs-system-years/2026')).json().id).toBeNull();
    expect((await t.request(other.cookies.dept_head, 'GET', `/api/v1/sign-offs?subjectType=ohs-commitment&subjectId=${id}`)).statusCode).toBe(404);
    const foreign = await t.request(sm, 'PUT', '/api/v1/ohs-system-years/2026', { ...body, builderPersonId: other.people.worker });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreign.statusCode).toBeLessThan(500);
    expect(foreign.body).toContain('builderPersonId');
    expect((await t.request(w.cookies.worker, 'PUT', '/api/v1/ohs-system-years/2026', body)).statusCode).toBe(403);
    const log = (await t.request(sm, 'GET', '/api/v1/audit-log?entity=ohs_system_year')).json().items as { action: string }[];
    expect(log.map((l) => l.action).sort()).toEqual(['create', 'update', 'update']);
  });

  it("each post's ONE duty list: its written duties and the risk register's duty items, acknowledged by its holders", async () => {
    const sm = w.cookies.safety_manager;
    expect((await t.request(sm, 'PATCH', `/api/v1/posts/${w.postId}`, { duties: '1. 遵守车床安全操作规程\n2. 正确佩戴防护眼镜' })).statusCode).toBe(200);
    managerPost = (await t.request(sm, 'POST', '/api/v1/posts', { name: 'du 安全管理员', kind: 'management', orgUnitId: w.workshop })).json().id;
    const measure = (dutyItem: string, text: string) => ({ type: 'administrative', phase: null, dutyItem, text, inspection: { content: text, method: 'records', period: 'week' } });
    const risk = await t.request(sm, 'POST', '/api/v1/risks', {
      postId: managerPost, objectKind: 'duty', objectName: '组织安全检查', hazardFactorCodes: ['2101'], accidentTypeCodes: ['03'], causes: '检查不到位',
      evaluation: { method: 'LEC', L: 3, E: 6, C: 7 }, measures: [measure('组织隐患排查', '每周组织综合检查'), measure('组织教育培训', '新员工三级教育')],
    });
    expect(risk.statusCode, risk.body).toBe(201);
    await t.request(sm, 'PATCH', `/api/v1/posts/${managerPost}`, { duties: '组织隐患排查' });

    const lists = (await t.request(sm, 'GET', '/api/v1/post-duty-lists')).json().items as { postId: string; items: { text: string; source: string }[]; holders: { name: string; hasAcknowledged: boolean }[] }[];
    const lathe = lists.find((l) => l.postId === w.postId)!;
    expect(lathe.items).toEqual([
      { text: '遵守车床安全操作规程', source: 'post' },
      { text: '正确佩戴防护眼镜', source: 'post' },
    ]);
    expect(lathe.holders.map((h) => [h.name, h.hasAcknowledged]).sort()).toEqual([['操作工', false], ['班长', false]].sort());
    // The management post: its written item once, then the risk register's other duty item.
    expect(lists.find((l) => l.postId === managerPost)!.items).toEqual([
      { text: '组织隐患排查', source: 'post' },
      { text: '组织教育培训', source: 'risk' },
    ]);

    // The worker sees their own list (the phone) and acknowledges it.
    const mine = (await t.request(w.cookies.worker, 'GET', '/api/v1/post-duty-lists/mine')).json().items as { postId: string }[];
    expect(mine.map((l) => l.postId)).toEqual([w.postId]);
    const ack = await sign(w.cookies.worker, 'post-duty-list', w.postId, 'holder', w.people.worker);
    expect(ack.statusCode, ack.body).toBe(201);
    expect(ack.json().statement).toContain('2 项');
    const after = (await t.request(sm, 'GET', `/api/v1/post-duty-lists/${w.postId}`)).json();
    expect(after.holders.map((h: { name: string; hasAcknowledged: boolean }) => [h.name, h.hasAcknowledged]).sort()).toEqual([['操作工', true], ['班长', false]]);

    // A changed list asks again.
    await t.request(sm, 'PATCH', `/api/v1/posts/${w.postId}`, { duties: '1. 遵守车床安全操作规程\n2. 正确佩戴防护眼镜\n3. 发现隐患立即报告' });
    const changed = (await t.request(sm, 'GET', `/api/v1/post-duty-lists/${w.postId}`)).json();
    expect(changed.holders.every((h: { hasAcknowledged: boolean }) => !h.hasAcknowledged)).toBe(true);
    // Only a holder acknowledges; another enterprise cannot reach the list.
    expect((await sign(w.cookies.dept_head, 'post-duty-list', w.postId, 'holder', w.people.dept_head)).statusCode).toBe(403);
    expect((await t.request(other.cookies.worker, 'GET', `/api/v1/post-duty-lists/${w.postId}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.worker, 'GET', `/api/v1/sign-offs?subjectType=post-duty-list&subjectId=${w.postId}`)).statusCode).toBe(404);
  });

  it('issues a yearly letter per post or department drafted from the duty lists, signed by both; next year is due in December', async () => {
    const sm = w.cookies.safety_manager;
    const res = await t.request(sm, 'POST', '/api/v1/responsibility-letters', { year: 2026, postId: w.postId, holderPersonId: w.people.team_leader, issuerPersonId: w.people.dept_head });
    expect(res.statusCode, res.body).toBe(201);
    const letter = res.json();
    expect(letter).toMatchObject({ scopeName: 'du 车床工', holderName: '班长', issuerName: '车间主任', signedBy: [] });
    expect(letter.text).toContain('1. 遵守车床安全操作规程');
    const dept = await t.request(sm, 'POST', '/api/v1/responsibility-letters', { year: 2026, orgUnitId: w.workshop, holderPersonId: w.people.dept_head, issuerPersonId: w.people.dept_head });
    expect(dept.statusCode, dept.body).toBe(201);
    expect(dept.json().text).toContain('组织教育培训');

    const dup = await t.request(sm, 'POST', '/api/v1/responsibility-letters', { year: 2026, postId: w.postId, holderPersonId: w.people.worker, issuerPersonId: w.people.dept_head });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).toContain('postId');
    // Two at once for the same post and year: one letter, the other 409.
    const racing = await Promise.all([1, 2].map(() => t.request(sm, 'POST', '/api/v1/responsibility-letters', { year: 2028, postId: w.postId, holderPersonId: w.people.worker, issuerPersonId: w.people.dept_head })));
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const both = await t.request(sm, 'POST', '/api/v1/responsibility-letters', { year: 2026, postId: w.postId, orgUnitId: w.workshop, holderPersonId: w.people.worker, issuerPersonId: w.people.dept_head });
    expect(both.statusCode).toBe(400);
    const foreign = await t.request(sm, 'POST', '/api/v1/responsibility-letters', { year: 2027, postId: other.postId, holderPersonId: w.people.worker, issuerPersonId: w.people.dept_head });
    expect(foreign.body).toContain('postId');

    expect((await sign(w.cookies.team_leader, 'responsibility-letter', letter.id, 'holder', w.people.team_leader)).statusCode).toBe(201);
    expect((await sign(w.cookies.dept_head, 'responsibility-letter', letter.id, 'issuer', w.people.dept_head)).statusCode).toBe(201);
    const listed = (await t.request(sm, 'GET', '/api/v1/responsibility-letters?year=2026')).json().items as { id: string; signedBy: string[] }[];
    expect(listed.find((l) => l.id === letter.id)!.signedBy).toEqual(['issuer', 'holder']);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/responsibility-letters')).json().items).toEqual([]);

    // 2026-11-23: nothing due yet; from 1 December next year's letters are due for their issuer.
    const dueNow = (await t.request(sm, 'GET', '/api/v1/due-items?kind=management.responsibilityLetter')).json().items;
    expect(dueNow).toEqual([]);
    const at = t.clock.now();
    t.clock.set(new Date('2026-12-02T02:00:00Z'));
    const due = (await t.request(sm, 'GET', '/api/v1/due-items?kind=management.responsibilityLetter')).json().items as { title: string; ownerPersonId: string; dueAt: string }[];
    t.clock.set(at);
    expect(due.map((d) => d.title).sort()).toEqual(['签订 2027 年度安全生产责任书：du 机加工车间', '签订 2027 年度安全生产责任书：du 车床工']);
    expect(due.every((d) => d.ownerPersonId === w.people.dept_head && d.dueAt === '2026-12-31T16:00:00.000Z')).toBe(true);

    const log = (await t.request(sm, 'GET', '/api/v1/audit-log?entity=ohs_responsibility_letter')).json().items as { action: string }[];
    expect(log.filter((l) => l.action === 'create')).toHaveLength(3);
    const signLog = (await t.request(sm, 'GET', '/api/v1/audit-log?entity=sign_off')).json().items as unknown[];
    expect(signLog.length).toBeGreaterThanOrEqual(4);
  });
});
