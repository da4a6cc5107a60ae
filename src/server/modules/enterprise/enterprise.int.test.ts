import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../domain/enterprise/credit-code.js';
import { withTransaction } from '../../db/with-transaction.js';
import { makeCreditCode } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp, testPassword } from '../../test/test-app.js';
import { createUser } from '../auth/auth.service.js';

describe.skipIf(!isDbAvailable())('enterprises', () => {
  let t: TestApp;
  let admin: string;
  const base = {
    name: '测试机械厂',
    industry: 'machinery',
    regionCode: '370102',
    address: '济南市',
    headcount: 40,
    revenueCny: 10_000_000,
    principalName: '王五',
  };

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    await withTransaction(t.deps.db, (trx) => createUser(t.deps, trx, { username: 'root', displayName: 'root', password: testPassword, isAdmin: true }));
    admin = await t.login('root');
  });
  afterAll(() => t.close());

  it('refuses a credit code whose GB 32100 check character is wrong, naming the field', async () => {
    const good = makeCreditCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, creditCode: wrongCheck });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'creditCode', message: expect.stringContaining('GB 32100') }]);
    const short = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, creditCode: '123' });
    expect(short.json().errors[0].path).toBe('creditCode');
  });

  it('computes the size class from headcount and revenue (seed 001 Art. 2) and recomputes it on update', async () => {
    const body = '91370102MA3C4D5X1';
    const res = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, creditCode: body + creditCodeCheckChar(body) });
    expect(res.statusCode).toBe(201);
    expect(res.json().sizeClass).toBe('small');
    const dup = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, creditCode: body + creditCodeCheckChar(body) });
    expect(dup.statusCode).toBe(409);
    // The admin links a safety manager, who edits the headcount.
    await withTransaction(t.deps.db, (trx) => createUser(t.deps, trx, { username: 'sm', displayName: 'sm', password: testPassword }));
    expect((await t.request(admin, 'POST', `/api/v1/enterprises/${res.json().id}/members`, { username: 'sm', role: 'safety_manager' })).statusCode).toBe(201);
    const sm = await t.login('sm');
    await t.request(sm, 'PATCH', '/api/v1/enterprises/current', { timeZone: 'Asia/Urumqi' });
    const micro = await t.request(sm, 'PATCH', '/api/v1/enterprises/current', { headcount: 19 });
    expect(micro.json().sizeClass).toBe('micro');
    // A partial update leaves the other fields alone.
    expect(micro.json().timeZone).toBe('Asia/Urumqi');
    const other = await t.request(sm, 'PATCH', '/api/v1/enterprises/current', { headcount: 300 });
    expect(other.json().sizeClass).toBe('other');
    const creditCodeChange = await t.request(sm, 'PATCH', '/api/v1/enterprises/current', { creditCode: 'x' });
    expect(creditCodeChange.statusCode).toBe(400);
    const log = (await t.request(sm, 'GET', '/api/v1/audit-log?entity=enterprise')).json().items;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'update', 'create']);
  });

  it('lets only the administrator or a consultant register enterprises', async () => {
    const sm = await t.login('sm');
    const res = await t.request(sm, 'POST', '/api/v1/enterprises', { ...base, creditCode: makeCreditCode() });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a second enterprise of the same name with 409 naming the field, in the user\'s language (issue 8 §9)', async () => {
    const first = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, name: '同名机械厂', creditCode: makeCreditCode() });
    expect(first.statusCode).toBe(201);
    const zh = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, name: '同名机械厂', creditCode: makeCreditCode() });
    expect(zh.statusCode).toBe(409);
    expect(zh.json().errors).toEqual([{ path: 'name', message: expect.stringContaining('已有同名企业“同名机械厂”') }]);
    const en = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, name: '同名机械厂', creditCode: makeCreditCode() }, { 'accept-language': 'en-US' });
    expect(en.json().errors[0].message).toMatch(/already registered/);
    // Renaming another enterprise to a taken name is refused too; keeping one's own name is fine.
    const sm = await t.login('sm');
    expect((await t.request(sm, 'PATCH', '/api/v1/enterprises/current', { name: '同名机械厂' })).statusCode).toBe(409);
    expect((await t.request(sm, 'PATCH', '/api/v1/enterprises/current', { name: base.name })).statusCode).toBe(200);
  });

  it('reads a bad region code as a sentence, and refuses a code that is no county of the list', async () => {
    const typed = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, name: '区划测试厂', regionCode: '3701', creditCode: makeCreditCode() });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().errors).toEqual([{ path: 'regionCode', message: '所在地区应为 6 位数字。' }]);
    expect(typed.json().detail).toBe('提交的内容有误，请检查标出的字段：所在地区应为 6 位数字。');
    expect(typed.json().detail).not.toMatch(/正则|\/\^/);
    const unknown = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, name: '区划测试厂', regionCode: '370100', creditCode: makeCreditCode() });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toEqual({ path: 'regionCode', message: '请从列表中选择所在的省、市、县' });
  });

  it('registers an enterprise with its first login in one step; that login changes its one-time password first', async () => {
    const res = await t.request(admin, 'POST', '/api/v1/enterprises', {
      ...base,
      name: '首账号机械厂',
      creditCode: makeCreditCode(),
      firstLogin: { role: 'principal', displayName: '赵厂长', username: 'zhao', phone: '13900000001', password: 'handed-over-1' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const zhao = await t.login('zhao', 'handed-over-1');
    const me = (await t.request(zhao, 'GET', '/api/v1/auth/me')).json();
    expect(me).toMatchObject({ activeEnterpriseId: res.json().id, role: 'principal', user: { mustChangePassword: true } });
    await t.request(zhao, 'POST', '/api/v1/auth/password', { currentPassword: 'handed-over-1', newPassword: 'my-own-pass-1' });
    expect((await t.request(zhao, 'GET', '/api/v1/auth/me')).json().user.mustChangePassword).toBe(false);
    // A taken username rolls the whole registration back: no enterprise without its login.
    const taken = await t.request(admin, 'POST', '/api/v1/enterprises', {
      ...base,
      name: '回滚机械厂',
      creditCode: makeCreditCode(),
      firstLogin: { role: 'safety_manager', displayName: '钱', username: 'zhao', password: 'handed-over-2' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].path).toBe('firstLogin.username');
    const names = (await t.request(admin, 'GET', '/api/v1/enterprises')).json().items.map((e: { name: string }) => e.name);
    expect(names).not.toContain('回滚机械厂');
  });

  it('starts a consultant\'s next login in the enterprise used last, not the alphabetically first (issue 8 §9)', async () => {
    await withTransaction(t.deps.db, (trx) => createUser(t.deps, trx, { username: 'cons', displayName: 'cons', password: testPassword }));
    const a = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, name: '甲 A 厂', creditCode: makeCreditCode() });
    const z = await t.request(admin, 'POST', '/api/v1/enterprises', { ...base, name: '乙 Z 厂', creditCode: makeCreditCode() });
    for (const e of [a, z]) {
      expect((await t.request(admin, 'POST', `/api/v1/enterprises/${e.json().id}/members`, { username: 'cons', role: 'consultant' })).statusCode).toBe(201);
    }
    const members = await t.request(admin, 'GET', `/api/v1/enterprises/${z.json().id}/members`);
    expect(members.json().items).toEqual([{ userId: expect.any(String), username: 'cons', displayName: 'cons', role: 'consultant' }]);
    const first = await t.login('cons');
    const startedIn = (await t.request(first, 'GET', '/api/v1/auth/me')).json().activeEnterpriseId;
    const other = startedIn === a.json().id ? z.json().id : a.json().id;
    expect((await t.request(first, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: other })).statusCode).toBe(200);
    const next = await t.login('cons');
    expect((await t.request(next, 'GET', '/api/v1/auth/me')).json().activeEnterpriseId).toBe(other);
  });
});
