/* Issue 10 §9: the production start runs the compiled server (no TypeScript at start), answers
 * /api/health (liveness) and /api/ready (readiness, the database included), and on SIGTERM stops
 * accepting, finishes the request under way, closes the database and exits 0. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { createDb } from './db/create-db.js';
import { createTestApp, isDbAvailable, type TestApp } from './test/test-app.js';
import { testDialect } from './test/test-db.js';

describe.skipIf(!isDbAvailable())('liveness and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers ready when the database answers, and 503 as problem+json when it does not', async () => {
    const ready = await t.request(null, 'GET', '/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.deps.dialect });
    const unreachable = createDb('postgres://nobody@127.0.0.1:1/none');
    const broken = await buildApp({ ...t.deps, db: unreachable.kysely, dialect: 'postgres' });
    try {
      expect((await broken.inject('/api/health')).statusCode).toBe(200); // alive
      const notReady = await broken.inject('/api/ready');
      expect(notReady.statusCode).toBe(503);
      expect(notReady.headers['content-type']).toContain('application/problem+json');
      expect(notReady.json().code).toBe('NOT_READY');
    } finally {
      await broken.close();
      await unreachable.close();
    }
  });
});

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'dist/server/cli.js');

describe.runIf(testDialect() === 'sqlite')('the compiled server', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-prod-'));
  const env = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  let child: ChildProcess | null = null;

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale', '--server-only'], { cwd: root, stdio: 'ignore' });
    // An existing database: migrated once before the timed start.
    execFileSync(process.execPath, [bundle, 'migrate'], { cwd: root, env, stdio: 'ignore' });
  }, 120_000);
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts from dist/ on an existing database, finishes the request under way on SIGTERM, closes the database and exits 0', async () => {
    const started = performance.now();
    child = spawn(process.execPath, [bundle, 'start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    let port = 0;
    for await (const line of readline.createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
      const match = /ready on http:\/\/localhost:(\d+)/.exec(line);
      if (match) {
        port = Number(match[1]);
        break;
      }
    }
    expect(port).toBeGreaterThan(0);
    const readyMs = performance.now() - started;
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/api/ready`)).status).toBe(200);
    // Generous bound for a shared CI machine; `npm run bench` prints the real figure (≤ 2 s on a quiet one).
    expect(readyMs).toBeLessThan(20_000);

    // A request under way: its headers sent, its body still coming when SIGTERM arrives.
    const body = JSON.stringify({ username: 'nobody', password: 'wrong-password' });
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const answered = new Promise((resolve) => socket.once('end', resolve));
    socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // No new connection is accepted any more.
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    socket.write(body.slice(10));
    await answered;
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(await exited).toBe(0);
    // The database was closed cleanly: SQLite folded its write-ahead log back and removed it.
    expect(fs.existsSync(path.join(dataDir, 'shuangkong.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'shuangkong.sqlite-wal'))).toBe(false);
  }, 60_000);
});
