import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, testPassword, type TestApp } from '../../test/test-app.js';
import { upsertJurisdiction } from '../oversight/county.repository.js';
import { createUser } from './auth.service.js';

/**
 * A regulator or consultant switched into an enterprise keeps that right only while the enterprise is
 * in its jurisdiction / its engagement runs: every request re-checks it (with the cached session), so
 * the next request after the change answers 403 with a sentence saying why — not the next login.
 */
describe.skipIf(!isDbAvailable())('the right to the enterprise a session works in', () => {
  let t: TestApp;
  let admin: string;
  let e: Awaited<ReturnType<typeof createEnterpriseWithUsers>>;
  let principal: string;

  beforeAll(async () => {
    t = await createTestApp();
    e = await createEnterpriseWithUsers(t.deps, 'acc', ['principal', 'regulator']);
    await withTransaction(t.deps.db, async (trx) => {
      await createUser(t.deps, trx, { username: 'acc_admin', displayName: '管理员', password: testPassword, isAdmin: true });
      await createUser(t.deps, trx, { username: 'acc_consultant', displayName: '咨询师 甲', password: testPassword });
    });
    admin = await t.login('acc_admin');
    principal = await t.login(e.usernames.principal as string);
  });
  afterAll(async () => {
    await t?.close();
  });

  const jurisdiction = (countyCode: string) => t.request(admin, 'PUT', '/api/v1/oversight/jurisdictions', { username: e.usernames.regulator, countyCode, townCode: null });

  it("ends a regulator's work in an enterprise once it leaves the jurisdiction, at the next request", async () => {
    expect((await jurisdiction('370102')).statusCode).toBe(200);
    const regulator = await t.login(e.usernames.regulator as string);
    expect((await t.request(regulator, 'GET', '/api/v1/posts')).statusCode).toBe(200);

    expect((await jurisdiction('370112')).statusCode).toBe(200);
    const refused = await t.request(regulator, 'GET', '/api/v1/posts');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ENTERPRISE_ACCESS_ENDED');
    expect(refused.json().detail).toContain('已不在您的监管辖区内');
    const english = await t.request(regulator, 'GET', '/api/v1/posts', undefined, { 'accept-language': 'en-US' });
    expect(english.json().detail).toContain('has left your jurisdiction');
    // The session itself stands: it sees it has no enterprise and may choose another.
    const me = (await t.request(regulator, 'GET', '/api/v1/auth/me')).json();
    expect(me.activeEnterpriseId).toBeNull();
    expect(me.hasLostEnterprise).toBe(true);
    expect(me.memberships).toEqual([]);

    // Back in the jurisdiction: the same session works in it again.
    expect((await jurisdiction('370102')).statusCode).toBe(200);
    expect((await t.request(regulator, 'GET', '/api/v1/posts')).statusCode).toBe(200);
  });

  it('lets a regulator in its enterprise read but refuses its writes, with a sentence saying so', async () => {
    const regulator = await t.login(e.usernames.regulator as string);
    expect((await t.request(regulator, 'GET', '/api/v1/hazards')).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['POST', '/api/v1/hazards', { description: '监管员不应能登记', clientId: 'regulator-write-0001' }],
      ['PATCH', '/api/v1/enterprises/current', { name: '被篡改' }],
    ] as const) {
      const res = await t.request(regulator, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().detail).toBe('您没有权限进行此操作');
    }
    expect((await t.request(principal, 'GET', '/api/v1/enterprises/current')).json().name).not.toBe('被篡改');
  });

  it('sees a change made by another process within the session cache time', async () => {
    const regulator = await t.login(e.usernames.regulator as string);
    expect((await t.request(regulator, 'GET', '/api/v1/posts')).statusCode).toBe(200);
    // Written past this process's cache, as another node behind the load balancer would.
    const user = await t.deps.db.selectFrom('user').select('id').where('username', '=', e.usernames.regulator as string).executeTakeFirstOrThrow();
    await upsertJurisdiction(t.deps.db, { user_id: user.id, county_code: '370112', town_code: null, created_at: t.clock.now().toISOString() });
    t.clock.advanceMinutes(1);
    expect((await t.request(regulator, 'GET', '/api/v1/posts')).statusCode).toBe(403);
    await upsertJurisdiction(t.deps.db, { user_id: user.id, county_code: '370102', town_code: null, created_at: t.clock.now().toISOString() });
  });

  it("ends a consultant's work in the enterprise when the enterprise ends the engagement", async () => {
    const consultancy = await t.request(admin, 'POST', '/api/v1/consultancies', { name: '甲咨询公司', members: [{ username: 'acc_consultant' }] });
    const consultantId = consultancy.json().members[0].userId;
    const made = await t.request(principal, 'POST', '/api/v1/engagements', {
      consultancyId: consultancy.json().id,
      teamUserIds: [consultantId],
      contractStart: '2026-11-01',
      contractEnd: '2027-10-31',
      scope: '双重预防机制建设',
    });
    expect(made.statusCode, made.body).toBe(201);
    const consultant = await t.login('acc_consultant');
    expect((await t.request(consultant, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: e.enterpriseId })).statusCode).toBe(200);
    expect((await t.request(consultant, 'GET', '/api/v1/posts')).statusCode).toBe(200);

    const ended = await t.request(principal, 'POST', `/api/v1/engagements/${made.json().id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    const refused = await t.request(consultant, 'GET', '/api/v1/posts');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('咨询服务已结束');
    // The engagement stays on record, ended; it cannot end twice nor take more work.
    const listed = (await t.request(principal, 'GET', '/api/v1/engagements')).json().items[0];
    expect(listed).toMatchObject({ scope: '双重预防机制建设', endedAt: t.clock.now().toISOString() });
    expect((await t.request(principal, 'POST', `/api/v1/engagements/${made.json().id}/end`)).statusCode).toBe(409);
    const visit = await t.request(consultant, 'POST', `/api/v1/engagements/${made.json().id}/visits`, { visitedOn: '2026-11-20', consultantUserIds: [consultantId], work: '现场诊断' });
    expect(visit.statusCode).toBe(409);
    expect((await t.request(consultant, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: e.enterpriseId })).statusCode).toBe(404);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'engagement').where('entity_id', '=', made.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'end']));
  });
});
