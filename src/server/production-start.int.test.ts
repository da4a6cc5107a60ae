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
import { sql } from 'kysely';
import { createScratchDb, type ScratchDb } from './test/scratch-db.js';
import { createTestApp, isDbAvailable, type TestApp } from './test/test-app.js';
import { onDialect } from './test/test-db.js';

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

onDialect('sqlite', describe)('the compiled server', () => {
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

  it('loads the heavy export and image packages at their first use, not at start (issue 18 §5: memory)', () => {
    // The compiled server's static imports are what every start loads; sharp (libvips), archiver,
    // unzipper, docx and exceljs cost an idle server about 50 MB of RSS together.
    const staticImports = [...fs.readFileSync(bundle, 'utf8').matchAll(/^import\s[^;]*?\sfrom\s*"([^"]+)";?$/gm)].map((m) => m[1]);
    expect(staticImports).toContain('fastify');
    for (const heavy of ['sharp', 'archiver', 'unzipper', 'docx', 'exceljs', 'pg']) expect(staticImports, heavy).not.toContain(heavy);
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

onDialect('postgres', describe.skipIf(!isDbAvailable()))('two nodes on one PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-two-'));
  let scratch: ScratchDb;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale', '--server-only'], { cwd: root, stdio: 'ignore' });
    scratch = await createScratchDb('postgres', 'sk_two_nodes');
    execFileSync(process.execPath, [bundle, 'seed-demo'], { cwd: root, env: { ...process.env, DATABASE_URL: scratch.url, DATA_DIR: dataDir, DEMO_PASSWORD: 'two-nodes-123' }, stdio: 'ignore' });
  }, 120_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs each scheduled job once per round across both processes (advisory-lock lease), notifications and deliveries once', async () => {
    const env = { ...process.env, DATABASE_URL: scratch.url, DATA_DIR: dataDir, SEED_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    const ready: Promise<void>[] = [];
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, [bundle, 'start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(child);
      ready.push(
        (async () => {
          for await (const line of readline.createInterface({ input: child.stdout as NodeJS.ReadableStream })) if (/ready on/.test(line)) return;
        })(),
      );
    }
    await Promise.all(ready);
    const jobs = async () => (await sql<{ job: string; runs: number; node: string }>`select job, runs, node from scheduler_lease order by job`.execute(scratch.db.kysely)).rows;
    for (let i = 0; i < 100 && (await jobs()).length < 5; i++) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 2_000)); // both schedulers have had their first round
    const rounds = await jobs();
    expect(rounds.map((r) => r.job)).toEqual(expect.arrayContaining(['inspection-tasks']));
    expect(rounds.length).toBeGreaterThanOrEqual(5);
    for (const r of rounds) expect(Number(r.runs), r.job).toBe(1);
    const twice = async (table: string) =>
      (await sql<{ n: string }>`select count(*) as n from (select dedupe_key from ${sql.table(table)} group by dedupe_key having count(*) > 1) d`.execute(scratch.db.kysely)).rows[0]?.n;
    expect(Number(await twice('notification'))).toBe(0);
    expect(Number(await twice('outbox'))).toBe(0);
    const exits = children.map((c) => new Promise((resolve) => c.once('exit', resolve)));
    for (const c of children) c.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);
  }, 90_000);
});
