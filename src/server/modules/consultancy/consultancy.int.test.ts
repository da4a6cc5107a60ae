import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { createUser } from '../auth/auth.service.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, testPassword, type TestApp } from '../../test/test-app.js';
import { clientId, hazardWorld, type World } from '../hazards/hazard-test-setup.js';

/** Issue 17 / seed 002: consultancies, engagements through the five phases, the consultant's desk. */
describe.skipIf(!isDbAvailable())('consultancy engagements', () => {
  let t: TestApp;
  let a: World;
  let b: { enterpriseId: string; principal: string };
  const c = {} as Record<'admin' | 'team' | 'colleague' | 'lead' | 'rival', string>;
  const ids = {} as Record<'team' | 'colleague' | 'lead' | 'rival', string>;
  let engagementA: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await hazardWorld(t, 'ega');
    const eb = await createEnterpriseWithUsers(t.deps, 'egb', ['principal']);
    await withTransaction(t.deps.db, async (trx) => {
      await createUser(t.deps, trx, { username: 'eg_admin', displayName: '管理员', password: testPassword, isAdmin: true });
      for (const [key, name] of [['team', '咨询师 甲'], ['colleague', '咨询师 乙'], ['lead', '咨询组长 丙'], ['rival', '他家咨询师 丁']] as const) {
        ids[key] = await createUser(t.deps, trx, { username: `eg_${key}`, displayName: name, password: testPassword });
      }
    });
    for (const key of ['admin', 'team', 'colleague', 'lead', 'rival'] as const) c[key] = await t.login(`eg_${key}`);
    b = { enterpriseId: eb.enterpriseId, principal: await t.login(eb.usernames.principal as string) };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets a consultant see only the engagements it works on', async () => {
    const x = await t.request(c.admin, 'POST', '/api/v1/consultancies', {
      name: '甲咨询公司',
      members: [{ username: 'eg_team' }, { username: 'eg_colleague' }, { username: 'eg_lead', isLead: true }],
    });
    expect(x.statusCode, x.body).toBe(201);
    const y = await t.request(c.admin, 'POST', '/api/v1/consultancies', { name: '乙咨询公司', members: [{ username: 'eg_rival' }] });
    expect((await t.request(c.team, 'POST', '/api/v1/consultancies', { name: '自封公司', members: [{ username: 'eg_team' }] })).statusCode).toBe(403);

    const contract = { contractStart: '2026-12-01', contractEnd: '2027-11-30' };
    const stranger = await t.request(a.cookies.principal, 'POST', '/api/v1/engagements', { consultancyId: x.json().id, teamUserIds: [ids.rival], ...contract });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].path).toBe('teamUserIds.0');
    const made = await t.request(a.cookies.principal, 'POST', '/api/v1/engagements', { consultancyId: x.json().id, teamUserIds: [ids.team], ...contract });
    expect(made.statusCode, made.body).toBe(201);
    engagementA = made.json().id;
    expect((await t.request(a.cookies.principal, 'POST', '/api/v1/engagements', { consultancyId: x.json().id, teamUserIds: [ids.team], ...contract })).statusCode).toBe(409);
    expect((await t.request(b.principal, 'POST', '/api/v1/engagements', { consultancyId: y.json().id, teamUserIds: [ids.rival], ...contract })).statusCode).toBe(201);

    const desk = async (cookie: string) => ((await t.request(cookie, 'GET', '/api/v1/consultancy/desk')).json().items as { enterpriseId: string; phase: number }[]).map((i) => i.enterpriseId);
    expect(await desk(c.team)).toEqual([a.enterpriseId]);
    expect(await desk(c.lead)).toEqual([a.enterpriseId]);
    expect(await desk(c.colleague)).toEqual([]);
    expect(await desk(c.rival)).toEqual([b.enterpriseId]);
    for (const cookie of [c.colleague, c.rival]) expect((await t.request(cookie, 'GET', `/api/v1/engagements/${engagementA}`)).statusCode).toBe(404);
    // The team member was given the consultant role in the enterprise: switching into it works as before.
    expect((await t.request(c.team, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: a.enterpriseId })).statusCode).toBe(200);
    expect((await t.request(c.rival, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: a.enterpriseId })).statusCode).toBeGreaterThanOrEqual(400);
    // Even linked to enterprise A by the administrator, a consultant of a consultancy works only in its engagements' enterprises.
    expect((await t.request(c.admin, 'POST', `/api/v1/enterprises/${a.enterpriseId}/members`, { username: 'eg_rival', role: 'consultant' })).statusCode).toBe(201);
    const offered = ((await t.request(c.rival, 'GET', '/api/v1/auth/me')).json().memberships as { enterpriseId: string }[]).map((m) => m.enterpriseId);
    expect(offered).toEqual([b.enterpriseId]);
    expect((await t.request(c.rival, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: a.enterpriseId })).statusCode).toBe(404);
  });

  it('records findings as hazards, the first-visit report from the records, and moves to phase 2', async () => {
    const finding = await t.request(c.team, 'POST', `/api/v1/engagements/${engagementA}/findings`, { description: '砂轮机防护罩缺失', postId: a.postId, clientId: clientId('eg') });
    expect(finding.statusCode, finding.body).toBe(201);
    const hazard = await t.request(a.cookies.safety_manager, 'GET', `/api/v1/hazards/${finding.json().hazardId}`);
    expect(hazard.json()).toMatchObject({ description: '砂轮机防护罩缺失', status: 'reported' });
    expect((await t.request(c.colleague, 'POST', `/api/v1/engagements/${engagementA}/findings`, { description: 'x', clientId: clientId('eg') })).statusCode).toBe(404);

    // The phase cannot move on before its closing report.
    const early = await t.request(c.team, 'POST', `/api/v1/engagements/${engagementA}/advance`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('ENGAGEMENT_STATE');

    expect((await t.request(c.team, 'POST', `/api/v1/engagements/${engagementA}/deliverables/1.kickoff`, { note: '启动会已开' })).statusCode).toBe(200);
    expect((await t.request(c.team, 'POST', `/api/v1/engagements/${engagementA}/deliverables/2.plan`, {})).statusCode).toBe(400);
    const report = await t.request(c.team, 'POST', `/api/v1/engagements/${engagementA}/reports`, { kind: 'progress_first' });
    expect(report.statusCode, report.body).toBe(201);
    const docx = await t.request(c.team, 'GET', report.json().docxUrl);
    expect(docx.statusCode).toBe(200);
    const xml = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    for (const text of ['工作进展成效评估报告书（首次咨询）', 'ega 机械厂', '甲咨询公司', '关于成立安全生产标准化建设工作组织的通知']) expect(xml, text).toContain(text);
    // The enterprise reads it too; a consultant of another consultancy does not.
    expect((await t.request(a.cookies.principal, 'GET', report.json().docxUrl)).statusCode).toBe(200);
    expect((await t.request(c.rival, 'GET', report.json().docxUrl)).statusCode).toBe(404);

    const moved = await t.request(c.team, 'POST', `/api/v1/engagements/${engagementA}/advance`);
    expect(moved.statusCode, moved.body).toBe(200);
    const detail = moved.json();
    expect(detail.phase).toBe(2);
    expect(detail.findings).toEqual([expect.objectContaining({ description: '砂轮机防护罩缺失', status: 'reported' })]);
    expect(detail.openFindings).toBe(1);
    // What phase 1 left open is overdue now; what was done is not.
    const byCode = new Map((detail.deliverables as { code: string; isDone: boolean; isOverdue: boolean }[]).map((d) => [d.code, d]));
    expect(byCode.get('1.kickoff')).toMatchObject({ isDone: true, isOverdue: false });
    expect(byCode.get('1.progress-first')).toMatchObject({ isDone: true });
    expect(byCode.get('1.site-walk')).toMatchObject({ isDone: false, isOverdue: true });
    expect(byCode.get('2.plan')).toMatchObject({ isDone: false, isOverdue: false });
    // Phase 1 has nine deliverables; two were done.
    expect(detail.overdueDeliverables).toBe(7);
    const mine = (await t.request(a.cookies.principal, 'GET', '/api/v1/engagements')).json().items;
    expect(mine).toEqual([expect.objectContaining({ id: engagementA, phase: 2, consultancyName: '甲咨询公司' })]);
  });
  it("records a visit from the consultant's office; the enterprise's safety manager confirms it by sign-off, nobody else", async () => {
    const today = t.clock.now().toISOString().slice(0, 10);
    const url = `/api/v1/engagements/${engagementA}/visits`;
    const visit = { visitedOn: today, consultantUserIds: [ids.team, ids.lead], work: '指导编制风险辨识清单', deliverableCodes: ['1.kickoff', '2.plan'] };
    // Who came must be of the consultancy; the deliverables of this phase or an earlier one; not in the future.
    const stranger = await t.request(c.team, 'POST', url, { ...visit, consultantUserIds: [ids.rival] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].path).toBe('consultantUserIds.0');
    const later = await t.request(c.team, 'POST', url, { ...visit, deliverableCodes: ['3.training'] });
    expect(later.statusCode).toBe(400);
    expect(later.json().errors[0].path).toBe('deliverableCodes.0');
    const future = await t.request(c.team, 'POST', url, { ...visit, visitedOn: new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString().slice(0, 10) });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('visitedOn');
    expect((await t.request(c.rival, 'POST', url, visit)).statusCode).toBe(404);
    const made = await t.request(c.team, 'POST', url, visit);
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;

    // The enterprise sees it waiting; its safety manager (a login linked to a person) confirms it.
    const pending = async (cookie: string) => (await t.request(cookie, 'GET', '/api/v1/engagement-visits?pending=true')).json().items as { id: string; consultants: string; deliverables: { title: string }[]; isSigned: boolean }[];
    const waiting = await pending(a.cookies.safety_manager);
    expect(waiting).toEqual([expect.objectContaining({ id, consultants: '咨询师 甲、咨询组长 丙', consultancyName: '甲咨询公司', isSigned: false })]);
    expect(waiting[0]?.deliverables.map((d) => d.title)).toHaveLength(2);
    expect((await t.request(a.cookies.worker, 'GET', '/api/v1/engagement-visits')).statusCode).toBe(403);
    expect(await pending(b.principal)).toEqual([]);
    const person = await t.request(a.cookies.safety_manager, 'POST', '/api/v1/people', { name: '安全员 王' });
    expect(person.statusCode, person.body).toBe(201);
    const manager = person.json().id as string;
    await withTransaction(t.deps.db, (trx) => trx.updateTable('membership').set({ person_id: manager }).where('enterprise_id', '=', a.enterpriseId).where('role', '=', 'safety_manager').execute());
    const sheet = await t.request(a.cookies.safety_manager, 'GET', `/api/v1/sign-offs?subjectType=engagement-visit&subjectId=${id}`);
    expect(sheet.json().expected.map((x: { personId: string }) => x.personId)).toEqual([manager]);
    const sign = (cookie: string, personId: string, action: 'sign' | 'revoke' = 'sign') =>
      t.request(cookie, 'POST', '/api/v1/sign-offs', { subjectType: 'engagement-visit', subjectId: id, role: 'enterprise', personId, method: 'session', action, ...(action === 'revoke' && { note: '日期记错' }) });
    // A team leader is not who confirms a visit; another enterprise does not see it.
    expect((await sign(a.cookies.team_leader, a.people.team_leader)).statusCode).toBe(403);
    expect((await t.request(b.principal, 'GET', `/api/v1/sign-offs?subjectType=engagement-visit&subjectId=${id}`)).statusCode).toBe(404);
    const signed = await sign(a.cookies.safety_manager, manager);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(await pending(a.cookies.safety_manager)).toEqual([]);
    // Withdrawn, it waits again (the visit's copy of its confirmation follows each entry); signed again, it does not.
    const withdrawn = await sign(a.cookies.safety_manager, manager, 'revoke');
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    expect((await pending(a.cookies.safety_manager)).map((v) => v.id)).toEqual([id]);
    expect((await sign(a.cookies.safety_manager, manager)).statusCode).toBe(201);
    expect(await pending(a.cookies.safety_manager)).toEqual([]);

    const detail = (await t.request(c.team, 'GET', `/api/v1/engagements/${engagementA}`)).json();
    expect(detail.consultants.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['咨询师 乙', '咨询师 甲', '咨询组长 丙'].sort());
    expect(detail.visits).toEqual([expect.objectContaining({ id, visitedOn: today, isSigned: true, signedBy: '安全员 王' })]);
    // A visit is evidence: it has no route to change or remove it.
    expect((await t.request(c.team, 'DELETE', `${url}/${id}`)).statusCode).toBe(404);
  });
});
