import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { createUser } from '../auth/auth.service.js';
import { createTestApp, isDbAvailable, testPassword, type TestApp } from '../../test/test-app.js';

type Item = { username: string; countyCode: string; townCode: string | null; townName: string | null };

/** Issue 17 item 2: regulator logins and their jurisdictions — the administrator's, and a county's for its towns. */
describe.skipIf(!isDbAvailable())('jurisdictions administered', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    await withTransaction(t.deps.db, (trx) => createUser(t.deps, trx, { username: 'ju_admin', displayName: '管理员', password: testPassword, isAdmin: true }));
    admin = await t.login('ju_admin');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets the administrator create county logins and towns, and a county its towns and their users', async () => {
    const account = (cookie: string, body: object) => t.request(cookie, 'POST', '/api/v1/oversight/regulator-accounts', body);
    const badCounty = await account(admin, { username: 'ju_x', displayName: 'x', password: 'one-time-pass-1', countyCode: '999999' });
    expect(badCounty.statusCode).toBe(400);
    expect(badCounty.json().errors[0].path).toBe('countyCode');
    expect((await account(admin, { username: 'ju_county', displayName: '历下区应急局', password: 'one-time-pass-1', countyCode: '370102' })).statusCode).toBe(201);
    expect((await account(admin, { username: 'ju_other', displayName: '历城区应急局', password: 'one-time-pass-1', countyCode: '370112' })).statusCode).toBe(201);
    // The administrator defines a town of any county (by its code) and lists a county's towns.
    expect((await t.request(admin, 'POST', '/api/v1/oversight/towns', { code: '370102001', name: '解放路街道' })).statusCode).toBe(201);
    expect((await t.request(admin, 'POST', '/api/v1/oversight/towns', { code: '999999001', name: 'x' })).json().errors[0].path).toBe('code');
    expect((await t.request(admin, 'GET', '/api/v1/oversight/towns?countyCode=370102')).json().items).toEqual([{ code: '370102001', name: '解放路街道' }]);
    expect((await t.request(admin, 'GET', '/api/v1/oversight/towns')).statusCode).toBe(400);

    const county = await t.login('ju_county', 'one-time-pass-1');
    expect((await t.request(county, 'POST', '/api/v1/oversight/towns', { code: '370102002', name: '千佛山街道' })).statusCode).toBe(201);
    const noTown = await account(county, { username: 'ju_town0', displayName: 'x', password: 'one-time-pass-1' });
    expect(noTown.statusCode).toBe(400);
    expect(noTown.json().errors[0].path).toBe('townCode');
    expect((await account(county, { username: 'ju_town0', displayName: 'x', password: 'one-time-pass-1', townCode: '370112001' })).json().errors[0].path).toBe('townCode');
    const town = await account(county, { username: 'ju_town', displayName: '千佛山街道安监站', password: 'one-time-pass-1', townCode: '370102002' });
    expect(town.statusCode, town.body).toBe(201);
    expect(town.json()).toMatchObject({ countyCode: '370102', townCode: '370102002', townName: '千佛山街道' });

    const listed = async (cookie: string) => ((await t.request(cookie, 'GET', '/api/v1/oversight/jurisdictions')).json().items as Item[]).map((i) => [i.username, i.countyCode, i.townCode]);
    expect(await listed(county)).toEqual([
      ['ju_county', '370102', null],
      ['ju_town', '370102', '370102002'],
    ]);
    expect((await listed(admin)).map((i) => i[0])).toEqual(['ju_county', 'ju_town', 'ju_other']);
    // A town user manages no logins; the town user's list of towns is its own.
    const townUser = await t.login('ju_town', 'one-time-pass-1');
    expect((await t.request(townUser, 'GET', '/api/v1/oversight/jurisdictions')).statusCode).toBe(403);
    expect((await account(townUser, { username: 'ju_t2', displayName: 'x', password: 'one-time-pass-1', townCode: '370102002' })).statusCode).toBe(403);
    expect((await t.request(townUser, 'GET', '/api/v1/oversight/towns')).json().items).toEqual([{ code: '370102002', name: '千佛山街道' }]);
    expect((await t.request(townUser, 'GET', '/api/v1/oversight/county')).json().scope).toMatchObject({ countyCode: '370102', townCode: '370102002' });
  });
});
