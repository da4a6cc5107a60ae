/* Issue 10 §10: two nodes on one database share the login rate limit (counted in the database). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { purgeRateLimits } from './rate-limit-store.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('rate limits across nodes', () => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 3 });
    second = await buildApp(t.deps); // another process on the same database
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('counts login attempts from one address on both nodes together', async () => {
    const attempt = (app: typeof second) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'wrong-password' } });
    expect((await attempt(t.app)).statusCode).toBe(401);
    expect((await attempt(second)).statusCode).toBe(401);
    expect((await attempt(t.app)).statusCode).toBe(401);
    const fourth = await attempt(second);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().code).toBe('RATE_LIMITED');
    // Another route keeps its own count.
    const setup = await second.inject({ method: 'POST', url: '/api/v1/setup', payload: {} });
    expect(setup.statusCode).not.toBe(429);
  });

  it('purges counts whose window ended long ago', async () => {
    await t.deps.db.insertInto('rate_limit').values({ key: 'old', count: 5, window_start_ms: Date.now() - 2 * 60 * 60 * 1000 }).execute();
    expect(await purgeRateLimits(t.deps.db, Date.now())).toBe(1);
    const left = await t.deps.db.selectFrom('rate_limit').select('key').execute();
    expect(left.length).toBeGreaterThan(0); // the current window's counts stay
    expect(left.map((r) => r.key)).not.toContain('old');
  });
});
