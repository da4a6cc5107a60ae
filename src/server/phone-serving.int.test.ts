import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { createTestApp, isDbAvailable, type TestApp } from './test/test-app.js';

describe.skipIf(!isDbAvailable())('serving the phone entry', () => {
  let t: TestApp;
  let web: Awaited<ReturnType<typeof buildApp>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-phone-'));

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'm'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>office</title>');
    fs.writeFileSync(path.join(dir, 'm', 'index.html'), '<!doctype html><title>phone</title>');
    fs.writeFileSync(path.join(dir, 'm', 'sw.js'), 'self.addEventListener("fetch", () => {});');
    t = await createTestApp();
    web = await buildApp(t.deps, { webDir: dir });
  });
  afterAll(async () => {
    await web.close();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the phone shell for /m and every /m/* path a QR code opens, uncached', async () => {
    for (const url of ['/m', '/m/', '/m/tasks', '/m/p/01a20726-b995-7e88-a827-37027f1fb751', '/m/login?next=%2Fp%2Fx']) {
      const res = await web.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('phone');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves the phone app\'s service worker as a script under /m/, never cached (issue 8 §8)', async () => {
    const res = await web.inject('/m/sw.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('addEventListener');
  });

  it('keeps the office shell for other paths and problem+json for the API', async () => {
    expect((await web.inject('/')).body).toContain('office');
    expect((await web.inject('/mobile')).body).toContain('office');
    expect((await web.inject('/org/posts')).body).toContain('office');
    const api = await web.inject('/api/v1/m/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('problem+json');
  });
});
