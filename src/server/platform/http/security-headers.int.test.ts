/* Issue 10, finding 4: security headers on the web app's pages and the API's answers. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('security headers', () => {
  let t: TestApp;
  let web: Awaited<ReturnType<typeof buildApp>>;
  let https: Awaited<ReturnType<typeof buildApp>>;
  let cookie: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-headers-'));

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'm'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>双控</title>');
    fs.writeFileSync(path.join(dir, 'm', 'index.html'), '<!doctype html><title>现场</title>');
    t = await createTestApp();
    web = await buildApp(t.deps, { webDir: dir });
    https = await buildApp({ ...t.deps, config: { ...t.deps.config, isSecureCookie: true } }, { webDir: dir });
    const e = await createEnterpriseWithUsers(t.deps, 'hdr', ['safety_manager']);
    cookie = await t.login(e.usernames.safety_manager as string);
  });
  afterAll(async () => {
    await web.close();
    await https.close();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends a content security policy, nosniff, no framing and a referrer policy with the office and phone pages', async () => {
    for (const url of ['/', '/m/tasks', '/org/posts']) {
      const res = await web.inject(url);
      expect(res.statusCode, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      // Plain HTTP (a LAN install): nothing asks the browser to switch to HTTPS.
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('keeps authenticated JSON out of every cache, and problems too', async () => {
    const me = await t.request(cookie, 'GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.headers['x-content-type-options']).toBe('nosniff');
    const list = await t.request(cookie, 'GET', '/api/v1/posts');
    expect(list.headers['cache-control']).toBe('no-store');
    const problem = await t.request(null, 'GET', '/api/v1/posts');
    expect(problem.statusCode).toBe(401);
    expect(problem.headers['cache-control']).toBe('no-store');
  });

  it('adds HSTS and upgrade-insecure-requests when the product runs behind HTTPS (COOKIE_SECURE=true)', async () => {
    const res = await https.inject('/');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
