import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { createUser } from '../auth/auth.service.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, testPassword, type TestApp } from '../../test/test-app.js';

/** Issue 17 item 2: the administrator's page of consultancies — consultants as logins, engagements. */
describe.skipIf(!isDbAvailable())('consultancies administered', () => {
  let t: TestApp;
  let admin: string;
  const e = {} as Record<'one' | 'two', { id: string; principal: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    await withTransaction(t.deps.db, (trx) => createUser(t.deps, trx, { username: 'ca_admin', displayName: '管理员', password: testPassword, isAdmin: true }));
    admin = await t.login('ca_admin');
    for (const key of ['one', 'two'] as const) {
      const made = await createEnterpriseWithUsers(t.deps, `ca${key}`, ['principal']);
      e[key] = { id: made.enterpriseId, principal: await t.login(made.usernames.principal as string) };
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates a consultancy and a consultant login that then works only in its engagement’s enterprise', async () => {
    const made = await t.request(admin, 'POST', '/api/v1/consultancies', { name: '丙安全咨询' });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    const add = (cookie: string, body: object) => t.request(cookie, 'POST', `/api/v1/consultancies/${id}/consultants`, body);
    const login = { username: 'ca_consultant', displayName: '咨询师 赵', password: 'one-time-pass-1' };
    expect((await add(e.one.principal, login)).statusCode).toBe(403);
    const noName = await add(admin, { username: 'ca_x', password: 'one-time-pass-1' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().errors[0].path).toBe('displayName');
    const unknown = await add(admin, { username: 'ca_nobody' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('username');
    const added = await add(admin, login);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().members).toEqual([expect.objectContaining({ username: 'ca_consultant', displayName: '咨询师 赵', isLead: false })]);
    const again = await add(admin, { username: 'ca_consultant' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('username');
    expect((await t.request(admin, 'POST', '/api/v1/consultancies/00000000-0000-7000-8000-000000000000/consultants', { username: 'ca_consultant' })).statusCode).toBe(404);
    // The one-time password stays out of the audit log.
    const audit = await t.deps.db.selectFrom('audit_log').select('after').where('entity', '=', 'consultancy').where('entity_id', '=', id).execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audit)).not.toContain('one-time-pass-1');

    // Enterprise one engages it; the administrator also links the consultant to enterprise two directly.
    const userId = added.json().members[0].userId as string;
    const engaged = await t.request(e.one.principal, 'POST', '/api/v1/engagements', { consultancyId: id, teamUserIds: [userId], contractStart: '2026-12-01', contractEnd: '2027-11-30' });
    expect(engaged.statusCode, engaged.body).toBe(201);
    expect((await t.request(admin, 'POST', `/api/v1/enterprises/${e.two.id}/members`, { username: 'ca_consultant', role: 'consultant' })).statusCode).toBe(201);

    const consultant = await t.login('ca_consultant', 'one-time-pass-1');
    const me = (await t.request(consultant, 'GET', '/api/v1/auth/me')).json();
    expect(me.user.mustChangePassword).toBe(true);
    expect(me.memberships.map((m: { enterpriseId: string }) => m.enterpriseId)).toEqual([e.one.id]);
    expect(me.activeEnterpriseId).toBe(e.one.id);
    expect((await t.request(consultant, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: e.two.id })).statusCode).toBe(404);
    expect(((await t.request(consultant, 'GET', '/api/v1/consultancy/desk')).json().items as { enterpriseId: string }[]).map((i) => i.enterpriseId)).toEqual([e.one.id]);

    const list = await t.request(admin, 'GET', `/api/v1/consultancies/${id}/engagements`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: engaged.json().id, enterpriseId: e.one.id, phase: 1 })]);
    expect((await t.request(consultant, 'GET', `/api/v1/consultancies/${id}/engagements`)).statusCode).toBe(403);
  });

  it('engages a consultancy again once the last engagement ended; of two live engagements at once one gets 409', async () => {
    const made = await t.request(admin, 'POST', '/api/v1/consultancies', { name: '丁安全咨询' });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    const member = await t.request(admin, 'POST', `/api/v1/consultancies/${id}/consultants`, { username: 'ca_again', displayName: '咨询师 钱', password: 'one-time-pass-2' });
    expect(member.statusCode, member.body).toBe(201);
    const body = { consultancyId: id, teamUserIds: [member.json().members[0].userId], contractStart: '2026-12-01', contractEnd: '2027-11-30' };
    const engage = () => t.request(e.two.principal, 'POST', '/api/v1/engagements', body);
    const end = (engagementId: string) => t.request(e.two.principal, 'POST', `/api/v1/engagements/${engagementId}/end`);

    const first = await engage();
    expect(first.statusCode, first.body).toBe(201);
    expect((await engage()).statusCode).toBe(409);
    expect((await end(first.json().id)).statusCode).toBe(200);
    const again = await engage();
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().id).not.toBe(first.json().id);
    // Both stay on record: the ended one and the live one.
    const listed = (await t.request(e.two.principal, 'GET', '/api/v1/engagements')).json().items as { id: string; endedAt: string | null }[];
    expect(listed.find((x) => x.id === first.json().id)?.endedAt).toEqual(expect.any(String));
    expect(listed.find((x) => x.id === again.json().id)?.endedAt).toBeNull();

    expect((await end(again.json().id)).statusCode).toBe(200);
    const both = await Promise.all([engage(), engage()]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.deps.db.selectFrom('engagement').select(['id', 'ended_at']).where('consultancy_id', '=', id).where('enterprise_id', '=', e.two.id).execute();
    expect(rows.filter((r) => r.ended_at === null)).toHaveLength(1);
    expect(rows).toHaveLength(3);

    // The key itself, past the service's check: a second live row is refused, an ended one is not.
    const row = await t.deps.db.selectFrom('engagement').selectAll().where('id', '=', first.json().id).executeTakeFirstOrThrow();
    await expect(t.deps.db.insertInto('engagement').values({ ...row, id: '00000000-0000-7000-8000-0000000000e1', ended_at: null, ended_by_user_id: null }).execute()).rejects.toThrow();
    await t.deps.db.insertInto('engagement').values({ ...row, id: '00000000-0000-7000-8000-0000000000e2' }).execute();
  });
});
