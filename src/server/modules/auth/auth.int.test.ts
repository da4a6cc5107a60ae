import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp, testPassword } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('auth', () => {
  let t: TestApp;
  let users: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ lockoutThreshold: 5, lockoutMinutes: 15, sessionIdleMinutes: 120, sessionAbsoluteHours: 12, loginRatePerMinute: 1000 });
    ({ usernames: users } = await createEnterpriseWithUsers(t.deps, 'auth'));
  });
  afterAll(() => t.close());

  it('logs in and sets an HttpOnly, SameSite session cookie that opens the API', async () => {
    const res = await t.request(null, 'POST', '/api/v1/auth/login', { username: users.safety_manager, password: testPassword });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/sk_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.json().role).toBe('safety_manager');
    const me = await t.request(cookie.split(';')[0] as string, 'GET', '/api/v1/posts');
    expect(me.statusCode).toBe(200);
  });

  it('answers 401 with a message in the request language for a wrong password', async () => {
    const zh = await t.request(null, 'POST', '/api/v1/auth/login', { username: users.worker, password: 'nope-nope' });
    expect(zh.statusCode).toBe(401);
    expect(zh.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(zh.json().detail).toBe('用户名或密码错误');
    const en = await t.request(null, 'POST', '/api/v1/auth/login', { username: users.worker, password: 'nope-nope' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().detail).toBe('Wrong username or password');
    // Two failures so far; a success resets the counter.
    await t.login(users.worker as string);
  });

  it('locks the account after five failures in a row, even for the right password, until the lock expires', async () => {
    const username = users.principal as string;
    for (let i = 0; i < 4; i++) {
      expect((await t.request(null, 'POST', '/api/v1/auth/login', { username, password: 'wrong-pass' })).statusCode).toBe(401);
    }
    const fifth = await t.request(null, 'POST', '/api/v1/auth/login', { username, password: 'wrong-pass' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const rightPassword = await t.request(null, 'POST', '/api/v1/auth/login', { username, password: testPassword });
    expect(rightPassword.statusCode).toBe(423);
    t.clock.advanceMinutes(16);
    expect((await t.request(null, 'POST', '/api/v1/auth/login', { username, password: testPassword })).statusCode).toBe(200);
  });

  it('ends a session after the idle time and after the absolute lifetime', async () => {
    const cookie = await t.login(users.safety_manager as string);
    t.clock.advanceMinutes(119);
    expect((await t.request(cookie, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(121);
    expect((await t.request(cookie, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);

    const busy = await t.login(users.safety_manager as string);
    for (let i = 0; i < 13; i++) {
      t.clock.advanceMinutes(60);
      const res = await t.request(busy, 'GET', '/api/v1/auth/me');
      expect(res.statusCode).toBe(i < 11 ? 200 : 401);
    }
  });

  it('changes the password, refusing a wrong current one, and signs out other sessions', async () => {
    const username = users.worker as string;
    const a = await t.login(username);
    const b = await t.login(username);
    // b is in use (and so in this process's session cache) when a changes the password.
    expect((await t.request(b, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const wrong = await t.request(a, 'POST', '/api/v1/auth/password', { currentPassword: 'bad-bad-bad', newPassword: 'another-pass-1' });
    expect(wrong.statusCode).toBe(400);
    const short = await t.request(a, 'POST', '/api/v1/auth/password', { currentPassword: testPassword, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('newPassword');
    expect((await t.request(a, 'POST', '/api/v1/auth/password', { currentPassword: testPassword, newPassword: 'another-pass-1' })).statusCode).toBe(200);
    expect((await t.request(a, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await t.request(b, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.request(null, 'POST', '/api/v1/auth/login', { username, password: 'another-pass-1' })).statusCode).toBe(200);
  });

  it('logs out: the cookie no longer works', async () => {
    const cookie = await t.login(users.safety_manager as string);
    expect((await t.request(cookie, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await t.request(cookie, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('saves the language setting, which then wins over the browser header', async () => {
    const cookie = await t.login(users.safety_manager as string);
    expect((await t.request(cookie, 'PATCH', '/api/v1/auth/me', { locale: 'en-US' })).statusCode).toBe(200);
    const res = await t.request(cookie, 'POST', '/api/v1/posts', { name: '' }, { 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/^Some fields are invalid/);
    await t.request(cookie, 'PATCH', '/api/v1/auth/me', { locale: 'zh-CN' });
  });
});

describe.skipIf(!isDbAvailable())('login rate limit', () => {
  it('answers 429 after too many login attempts from one address in a minute', async () => {
    const t = await createTestApp({ loginRatePerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await t.request(null, 'POST', '/api/v1/auth/login', { username: 'nobody', password: 'whatever1' })).statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
