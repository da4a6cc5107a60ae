import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

const setupBody = (name = '鲁东五金制品有限公司', username = 'anquan') => ({
  enterprise: {
    name,
    creditCode: makeCreditCode(),
    industry: 'machinery',
    regionCode: '371002',
    address: '威海市环翠区工业路 1 号',
    headcount: 25,
    revenueCny: 5_000_000,
    principalName: '孙厂长',
  },
  firstLogin: { role: 'safety_manager', displayName: '李安全', username, phone: '13800000001', password: 'first-pass-123' },
});

describe.skipIf(!isDbAvailable())('first-run set-up (issue 8 §1)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
  });
  afterEach(() => t.close());

  it('is open on an empty installation, creates the enterprise and its first login, signs it in, and then closes', async () => {
    expect((await t.request(null, 'GET', '/api/v1/setup')).json()).toEqual({ isSetupNeeded: true });
    const res = await t.request(null, 'POST', '/api/v1/setup', setupBody());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ role: 'safety_manager', user: { username: 'anquan', mustChangePassword: false }, sessionKind: 'office' });
    const cookie = String(res.headers['set-cookie']).split(';')[0] as string;
    const enterprise = (await t.request(cookie, 'GET', '/api/v1/enterprises/current')).json();
    expect(enterprise).toMatchObject({ name: '鲁东五金制品有限公司', regionCode: '371002', sizeClass: 'small' });
    // The audit log names the first login as the author of both writes.
    const log = (await t.request(cookie, 'GET', '/api/v1/audit-log')).json().items;
    expect(log.map((e: { entity: string; action: string }) => `${e.entity}:${e.action}`).sort()).toEqual(['enterprise:create', 'membership:create']);
    expect((await t.request(null, 'GET', '/api/v1/setup')).json()).toEqual({ isSetupNeeded: false });
    const again = await t.request(null, 'POST', '/api/v1/setup', setupBody('另一家', 'other'));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SETUP_DONE');
    expect((await t.request(null, 'POST', '/api/v1/auth/login', { username: 'other', password: 'first-pass-123' })).statusCode).toBe(401);
  });

  it('lets exactly one of several concurrent set-ups succeed; the others get 409 and write nothing', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((i) => t.request(null, 'POST', '/api/v1/setup', setupBody(`并发企业 ${i}`, `racer${i}`))));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    const count = await t.deps.db.selectFrom('enterprise').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    expect(Number(count?.n)).toBe(1);
    const users = await t.deps.db.selectFrom('user').select('username').execute();
    expect(users).toHaveLength(1);
  });

  it('is closed once any user exists (an installation started with an administrator from the CLI)', async () => {
    const { withTransaction } = await import('../../db/with-transaction.js');
    const { createUser } = await import('../auth/auth.service.js');
    await withTransaction(t.deps.db, (trx) => createUser(t.deps, trx, { username: 'root', displayName: 'root', password: 'root-pass-123', isAdmin: true }));
    expect((await t.request(null, 'GET', '/api/v1/setup')).json()).toEqual({ isSetupNeeded: false });
    expect((await t.request(null, 'POST', '/api/v1/setup', setupBody())).statusCode).toBe(409);
  });

  it('names bad fields in sentences (no regular expressions), in the request language, and writes nothing', async () => {
    const body = setupBody();
    const bad = { ...body, enterprise: { ...body.enterprise, regionCode: '37' }, firstLogin: { ...body.firstLogin, phone: '12345', password: 'short' } };
    const zh = await t.request(null, 'POST', '/api/v1/setup', bad);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'enterprise.regionCode', message: '所在地区应为 6 位数字。' },
        { path: 'firstLogin.phone', message: '手机号应为以 1 开头的 11 位数字。' },
        { path: 'firstLogin.password', message: '密码至少 8 个字。' },
      ]),
    );
    const en = await t.request(null, 'POST', '/api/v1/setup', bad, { 'accept-language': 'en-US' });
    expect(en.json().detail).toContain('The region must be 6 digits.');
    expect((await t.request(null, 'GET', '/api/v1/setup')).json()).toEqual({ isSetupNeeded: true });
  });

  it('serves the region list without a login (the set-up form picks province → city → county)', async () => {
    const res = await t.request(null, 'GET', '/api/v1/public/regions');
    expect(res.statusCode).toBe(200);
    const shandong = res.json().items.find((p: [string, string]) => p[0] === '37');
    expect(shandong[1]).toBe('山东省');
    expect(res.json().source.standard).toMatch(/GB\/T 2260/);
  });
});
