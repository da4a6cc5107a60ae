import http from 'node:http';
/* Issue 10, findings 1 and 2: text no database stores, and identical writes at the same moment,
 * answer 4xx naming the field — the same on SQLite and PostgreSQL, for every route. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { createUser } from '../../modules/auth/auth.service.js';
import { createEnterpriseWithUsers, makeCreditCode } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, testPassword, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('text no database stores', () => {
  let t: TestApp;
  let cookie: string;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const e = await createEnterpriseWithUsers(t.deps, 'nul', ['safety_manager']);
    enterpriseId = e.enterpriseId;
    cookie = await t.login(e.usernames.safety_manager as string);
  });
  afterAll(() => t.close());

  const postCount = async () =>
    Number((await sql<{ n: string | number }>`select count(*) as n from post where enterprise_id = ${enterpriseId}`.execute(t.deps.db)).rows[0]?.n);

  it('refuses a NUL character at login, before authentication, naming the field in the user language', async () => {
    const zh = await t.request(null, 'POST', '/api/v1/auth/login', { username: 'adm\u0000in', password: 'x' });
    expect(zh.statusCode, zh.body).toBe(400);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json().errors).toEqual([{ path: 'username', message: expect.stringContaining('空字符') }]);
    const en = await t.request(null, 'POST', '/api/v1/auth/login', { username: 'admin', password: 'a\u0000b' }, { 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(400);
    expect(en.json().errors).toEqual([{ path: 'password', message: expect.stringContaining('NUL character') }]);
    expect(en.json().detail).toMatch(/password/i); // named by its form label, "Password"
  });

  it('refuses NUL and lone surrogates anywhere in a body, nested too, and writes nothing', async () => {
    const before = await postCount();
    const nul = await t.request(cookie, 'POST', '/api/v1/posts', { name: '车工\u0000', kind: 'operation', headcount: 1 });
    expect(nul.statusCode, nul.body).toBe(400);
    expect(nul.json().errors.map((e: { path: string }) => e.path)).toEqual(['name']);
    const surrogate = await t.request(cookie, 'POST', '/api/v1/posts', { name: '车工', kind: 'operation', headcount: 1, mainActivities: 'x\ud800y' });
    expect(surrogate.statusCode, surrogate.body).toBe(400);
    expect(surrogate.json().errors.map((e: { path: string }) => e.path)).toEqual(['mainActivities']);
    const lowAlone = await t.request(cookie, 'POST', '/api/v1/posts', { name: '\udc00车工', kind: 'operation', headcount: 1 });
    expect(lowAlone.statusCode).toBe(400);
    expect(await postCount()).toBe(before);
    // A well-formed pair (an emoji) is ordinary text.
    const emoji = await t.request(cookie, 'POST', '/api/v1/posts', { name: '车工 \ud83d\udee0', kind: 'operation', headcount: 1 });
    expect(emoji.statusCode, emoji.body).toBe(201);
    expect(emoji.json().name).toBe('车工 🛠');
  });

  it('names the element of an array that holds the character', async () => {
    const res = await t.request(cookie, 'POST', '/api/v1/risks', { postId: '00000000-0000-7000-8000-000000000000', hazardFactorCodes: ['2101', '21\u000001'] });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['hazardFactorCodes.1']);
  });

  it('refuses it in the query of list and export endpoints and in path parameters', async () => {
    for (const url of ['/api/v1/posts?q=%00', '/api/v1/hazards?q=a%00b', '/api/v1/hazards/ledger.xlsx?q=%00', '/api/v1/audit-log?entity=%00']) {
      const res = await t.request(cookie, 'GET', url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().errors[0].message).toContain('空字符');
    }
    const path = await t.request(cookie, 'GET', '/api/v1/posts/%00');
    expect(path.statusCode).toBe(400);
    expect(path.json().errors[0].path).toBe('id');
  });
});

describe.skipIf(!isDbAvailable())('identical writes at the same moment', () => {
  let t: TestApp;
  let cookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const e = await createEnterpriseWithUsers(t.deps, 'dup', ['safety_manager']);
    cookie = await t.login(e.usernames.safety_manager as string);
    await withTransaction(t.deps.db, (trx) => createUser(t.deps, trx, { username: 'dup_admin', displayName: 'admin', password: testPassword, isAdmin: true }));
    adminCookie = await t.login('dup_admin');
  });
  afterAll(() => t.close());

  const twelve = <T>(make: () => Promise<T>) => Promise.all(Array.from({ length: 12 }, make));
  const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

  it('12 accounts with one username: one 201, eleven 409 naming username', async () => {
    const body = { username: 'same_name', displayName: '张三', password: 'long-enough-1', role: 'worker' };
    const responses = await twelve(() => t.request(cookie, 'POST', '/api/v1/accounts', body));
    expect(statuses(responses)).toEqual([201, ...Array(11).fill(409)]);
    for (const r of responses.filter((x) => x.statusCode === 409)) {
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().errors[0].path).toBe('username');
    }
  });

  it('12 enterprises with one credit code: one 201, eleven 409 naming creditCode', async () => {
    const body = {
      name: '并发机械厂',
      creditCode: makeCreditCode(),
      industry: 'machinery',
      regionCode: '370102',
      address: '济南',
      headcount: 10,
      revenueCny: 1_000_000,
      principalName: '李四',
    };
    // Distinct names, so the credit code is the only value they share (a repeated name is refused too).
    let n = 0;
    const responses = await twelve(() => t.request(adminCookie, 'POST', '/api/v1/enterprises', { ...body, name: `${body.name}${++n}号` }));
    expect(statuses(responses)).toEqual([201, ...Array(11).fill(409)]);
    for (const r of responses.filter((x) => x.statusCode === 409)) expect(r.json().errors[0].path).toBe('creditCode');
  });

  it('12 first special control plans of one risk: all succeed, one plan', async () => {
    const post = await t.request(cookie, 'POST', '/api/v1/posts', { name: '行车工', kind: 'operation', headcount: 2 });
    expect(post.statusCode, post.body).toBe(201);
    const risk = await t.request(cookie, 'POST', '/api/v1/risks', {
      postId: post.json().id,
      objectKind: 'equipment',
      objectName: '桥式起重机',
      hazardFactorCodes: ['2101'],
      accidentTypeCodes: ['04'],
      causes: '限位失效',
      evaluation: { method: 'LEC', L: 6, E: 6, C: 7 },
      measures: [{ type: 'engineering', phase: 'during', text: '限位器完好', inspection: { content: '检查限位器', method: 'look', period: 'shift' } }],
    });
    expect(risk.statusCode, risk.body).toBe(201);
    const id = risk.json().id as string;
    const plan = { objective: '杜绝起重伤害', measures: '限位器月检', people: '设备科', fundsCny: 1000, schedule: '年底前' };
    const responses = await twelve(() => t.request(cookie, 'PUT', `/api/v1/risks/${id}/special-control-plan`, plan));
    expect(statuses(responses), responses.find((r) => r.statusCode !== 200)?.body).toEqual(Array(12).fill(200));
    const rows = await t.deps.db.selectFrom('special_control_plan').selectAll().where('risk_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.objective).toBe(plan.objective);
  });

  it('answers a URL over 16 KB with 431 as problem+json, not in Fastify\'s own shape (issue 10 §5)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/api/v1/posts?q=${'x'.repeat(17 * 1024)}` }, (r) => {
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, type: String(r.headers['content-type']), body }));
      });
      req.on('error', reject);
    });
    expect(res.status).toBe(431);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', detail: expect.stringContaining('16 KB') });
  });
});
