import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

/**
 * A 400 for bad input says, in the user's language, which field is wrong and what to do, in whole
 * sentences (product non-negotiable "bad input gets a clear error"): on set-up, people and hazards.
 */
describe.skipIf(!isDbAvailable())('field errors in problem+json name the field, in the user\'s language', () => {
  let t: TestApp;
  let manager: string;
  let worker: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const e = await createEnterpriseWithUsers(t.deps, 'fe', ['safety_manager', 'worker']);
    manager = await t.login(e.usernames.safety_manager as string);
    worker = await t.login(e.usernames.worker as string);
  });
  afterAll(() => t.close());

  const detailOf = async (cookie: string | null, url: string, body: object, headers: Record<string, string> = {}) => {
    const res = await t.request(cookie, 'POST', url, body, headers);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res.json().detail as string;
  };

  it('enterprise set-up: the enterprise name and region, by the Accept-Language header', async () => {
    const body = { enterprise: { name: '', industry: 'machinery', regionCode: '' }, firstLogin: { role: 'safety_manager', displayName: '李安全', username: '', password: 'short' } };
    const res = await t.request(null, 'POST', '/api/v1/setup', body);
    // An empty username fails two checks (length, letters) and is asked for once.
    expect(res.json().errors.filter((e: { path: string }) => e.path === 'firstLogin.username')).toEqual([{ path: 'firstLogin.username', message: '请填写用户名。' }]);
    const zh = await detailOf(null, '/api/v1/setup', body);
    expect(zh).toMatch(/^提交的内容有误，请检查标出的字段：/);
    for (const sentence of ['请填写名称。', '请选择所在地区。', '密码至少 8 个字。']) expect(zh).toContain(sentence);
    const en = await detailOf(null, '/api/v1/setup', body, { 'accept-language': 'en-US,en;q=0.9' });
    for (const sentence of ['Enter the name.', 'Choose the region.', 'The password must be at least 8 characters.']) expect(en).toContain(sentence);
    // Every field sentence is a sentence, not a fragment after a code path.
    expect(en).not.toMatch(/enterprise\.|regionCode|Required/);
  });

  it('people create: the name, in the user\'s saved language over the browser\'s', async () => {
    expect(await detailOf(manager, '/api/v1/people', { name: ' ', phone: '12345' })).toBe(
      '提交的内容有误，请检查标出的字段：请填写名称。手机号应为以 1 开头的 11 位数字。',
    );
    expect((await t.request(manager, 'PATCH', '/api/v1/auth/me', { locale: 'en-US' })).statusCode).toBe(200);
    expect(await detailOf(manager, '/api/v1/people', { name: ' ', hireDate: '2026/12/01' }, { 'accept-language': 'zh-CN' })).toBe(
      'Some fields are invalid; please check them: Enter the name. Enter the hire date as YYYY-MM-DD, e.g. 2026-12-01.',
    );
  });

  it('hazards create: the description and the post, and a service\'s own message keeps the field\'s name in front', async () => {
    const zh = await detailOf(worker, '/api/v1/hazards', { description: '', postId: 'not-an-id', clientId: randomUUID() });
    expect(zh).toContain('请填写描述。');
    expect(zh).toContain('请从列表中选择岗位。');
    const en = await detailOf(worker, '/api/v1/hazards', { description: 'x'.repeat(1001), clientId: randomUUID() }, { 'accept-language': 'en' });
    expect(en).toBe('Some fields are invalid; please check them: The description can be at most 1000 characters.');
    const missing = await t.request(worker, 'POST', '/api/v1/hazards', { description: '护栏松动', postId: randomUUID(), clientId: randomUUID() });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('提交的内容有误，请检查标出的字段：岗位：引用的记录不存在或已归档。');
  });
});
