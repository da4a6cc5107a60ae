import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { createTestApp, isDbAvailable, type TestApp } from './test/test-app.js';

describe.skipIf(!isDbAvailable())('serving the web app', () => {
  let t: TestApp;
  let web: Awaited<ReturnType<typeof buildApp>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-web-'));

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>双控</title>');
    t = await createTestApp();
    web = await buildApp(t.deps, { webDir: dir });
  });
  afterAll(async () => {
    await web.close();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the shell for / and for client routes, files for assets, 404 for missing assets and API paths', async () => {
    expect((await web.inject('/')).body).toContain('双控');
    expect((await web.inject('/org/posts')).body).toContain('双控');
    // A file added after start (a rebuild) is served without a restart.
    fs.writeFileSync(path.join(dir, 'assets', 'app-123.js'), 'console.log(1)');
    const asset = await web.inject('/assets/app-123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    expect((await web.inject('/assets/gone.js')).statusCode).toBe(404);
    const api = await web.inject('/api/v1/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('problem+json');
  });
});
