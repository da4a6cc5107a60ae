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
});
