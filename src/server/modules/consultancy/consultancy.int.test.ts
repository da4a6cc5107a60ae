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

  it('records findings as hazards, a signed visit, the first-visit report from the records, and moves to phase 2', async () => {
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
    const visit = await t.request(c.team, 'POST', `/api/v1/engagements/${engagementA}/visits`, { visitedOn: '2026-12-02', consultants: '咨询师 甲', work: '启动大会，现场查看', signerPersonId: a.people.team_leader });
    expect(visit.statusCode, visit.body).toBe(201);
    const foreignSigner = await t.request(c.rival, 'POST', `/api/v1/engagements/${engagementA}/visits`, { visitedOn: '2026-12-02', consultants: 'x', work: 'x', signerPersonId: a.people.team_leader });
    expect(foreignSigner.statusCode).toBe(404);
    const signed = await t.request(a.cookies.team_leader, 'POST', '/api/v1/sign-offs', { subjectType: 'engagement-visit', subjectId: visit.json().id, role: 'enterprise', personId: a.people.team_leader, method: 'session' });
    expect(signed.statusCode, signed.body).toBe(201);

    const report = await t.request(c.team, 'POST', `/api/v1/engagements/${engagementA}/reports`, { kind: 'progress_first' });
    expect(report.statusCode, report.body).toBe(201);
    const docx = await t.request(c.team, 'GET', report.json().docxUrl);
    expect(docx.statusCode).toBe(200);
    const xml = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    for (const text of ['工作进展成效评估报告书（首次咨询）', 'ega 机械厂', '启动大会，现场查看', '甲咨询公司', '关于成立安全生产标准化建设工作组织的通知']) expect(xml, text).toContain(text);
    // The enterprise reads it too; a consultant of another consultancy does not.
    expect((await t.request(a.cookies.principal, 'GET', report.json().docxUrl)).statusCode).toBe(200);
    expect((await t.request(c.rival, 'GET', report.json().docxUrl)).statusCode).toBe(404);

    const moved = await t.request(c.team, 'POST', `/api/v1/engagements/${engagementA}/advance`);
    expect(moved.statusCode, moved.body).toBe(200);
    const detail = moved.json();
    expect(detail.phase).toBe(2);
    expect(detail.visits).toEqual([expect.objectContaining({ visitedOn: '2026-12-02', isSigned: true })]);
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
});
