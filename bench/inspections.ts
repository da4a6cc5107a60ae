/* npx tsx bench/inspections.ts — inspections at data scale (issue 5 acceptance): ≥ 1,000,000
 * inspection_record rows bulk-inserted, then throughput and p99 of submitting a 20-item inspection
 * through the API next to a bare Fastify route doing the same inserts in one transaction.
 * BENCH_DB=sqlite|postgres|both, BENCH_RECORDS (default 1,000,000), BENCH_SECONDS, BENCH_CONNECTIONS. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.js';
import { adminDatabaseUrl, createScratchDb, isPostgresReachable, type ScratchDb } from '../src/server/test/scratch-db.js';
import type { AppDeps } from '../src/server/app-deps.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { systemClock } from '../src/server/platform/clock.js';
import { loadConfig } from '../src/server/platform/config.js';
import { newId } from '../src/server/platform/ids.js';
import { benchPassword, createBenchEnterprise, generateRecords, itemsPerInspection } from './inspections-data.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const totalRecords = Number(process.env.BENCH_RECORDS ?? 1_000_000);

interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Closed loop: `connections` clients each send the next request when the previous answers. */
async function load(name: string, send: () => Promise<Response>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const res = await send().catch(() => null);
      if (!res || !res.ok) errors++;
      await res?.arrayBuffer().catch(() => undefined);
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1));
  return { name, rps: Math.round(latencies.length / elapsed), p50: at(0.5), p99: at(0.99), errors };
}

async function openDb(kind: 'sqlite' | 'postgres'): Promise<ScratchDb | null> {
  if (kind === 'postgres' && !(await isPostgresReachable())) {
    console.log(`PostgreSQL at ${adminDatabaseUrl} not reachable: PostgreSQL figures skipped.`);
    return null;
  }
  return createScratchDb(kind, 'sk_bench_insp', 10);
}

async function benchDialect(kind: 'sqlite' | 'postgres'): Promise<void> {
  const opened = await openDb(kind);
  if (!opened) return;
  const { db, drop } = opened;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-bench-files-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir }), loginRatePerMinute: 1_000_000 };
  const deps: AppDeps = { db: db.kysely, dialect: db.dialect, clock: systemClock, config };
  await migrateToLatest(db.kysely);
  const setup = await createBenchEnterprise(deps);
  const gen = await generateRecords(deps, setup, totalRecords, { concurrency: kind === 'postgres' ? 4 : 1 });
  console.log(
    `\n${kind}: generated ${gen.records.toLocaleString('en')} inspection_record rows (${gen.tasks.toLocaleString('en')} tasks) in ${(gen.ms / 1000).toFixed(1)} s — ${Math.round(gen.records / (gen.ms / 1000)).toLocaleString('en')} rows/s`,
  );

  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: setup.username, password: benchPassword }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const tasks = (await (await fetch(`${base}/api/v1/inspection-tasks?mine=true&status=open`, { headers: { cookie } })).json()) as { items: { id: string }[] };
  const taskId = tasks.items[0]?.id;
  if (!taskId) throw new Error('no open task for the bench worker');
  const submission = () => JSON.stringify({
    clientId: randomUUID(),
    capturedAt: new Date().toISOString(),
    results: setup.itemIds.map((itemId, i) => ({ itemId, result: i === 7 ? 'na' : 'pass', note: '' })),
  });

  // The bare baseline: the same 20 inserts, the task update and the audit row in one transaction;
  // no session, validation, replay check, lateness, DTOs.
  const bare = Fastify({ bodyLimit: 1024 * 1024 });
  bare.post('/records', async (request) => {
    const body = request.body as { clientId: string; capturedAt: string; results: { itemId: string; result: string; note: string }[] };
    const now = new Date().toISOString();
    const rows = body.results.map((r) => ({
      id: newId(), enterprise_id: setup.enterpriseId, task_id: taskId, item_id: r.itemId, result: r.result, note: r.note, person_id: setup.personId,
      user_id: setup.userId, captured_at: body.capturedAt, received_at: now, is_late: 0, submission_id: body.clientId,
      client_id: `${body.clientId}:${r.itemId}`, supersedes_id: null, photo_ids: '[]',
    }));
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('inspection_record').values(rows).execute();
      await trx.updateTable('inspection_task').set({ status: 'done', completed_at: now }).where('id', '=', taskId).where('status', '!=', 'done').execute();
      await trx.insertInto('audit_log').values({ id: newId(), enterprise_id: setup.enterpriseId, actor_user_id: setup.userId, at: now, entity: 'inspection_task', entity_id: taskId, action: 'submit', before: null, after: JSON.stringify({ clientId: body.clientId }) }).execute();
    });
    return { ids: rows.map((r) => r.id) };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const results = [
    await load(`POST /api/v1/inspection-tasks/:id/records (${itemsPerInspection} items)`, () =>
      fetch(`${base}/api/v1/inspection-tasks/${taskId}/records`, { method: 'POST', headers: { cookie, ...json }, body: submission() })),
    await load('POST bare Fastify, same inserts', () => fetch(`${bareBase}/records`, { method: 'POST', headers: json, body: submission() })),
  ];
  console.log(`${kind}: ${connections} connections, ${seconds} s each, on ${gen.records.toLocaleString('en')}+ records`);
  console.log('endpoint                                                  req/s  results/s  p50 ms  p99 ms  errors');
  for (const r of results) {
    console.log(`${r.name.padEnd(56)} ${String(r.rps).padStart(6)} ${String(r.rps * itemsPerInspection).padStart(10)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)}`);
  }
  const [api, baseline] = results;
  if (api && baseline) console.log(`ratio API/bare: ${(api.rps / baseline.rps).toFixed(2)}× throughput, p99 ${(api.p99 / Math.max(baseline.p99, 0.1)).toFixed(2)}×`);
  await app.close();
  await bare.close();
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const which = (process.env.BENCH_DB ?? 'both') as 'sqlite' | 'postgres' | 'both';
for (const kind of ['sqlite', 'postgres'] as const) {
  if (which !== 'both' && which !== kind) continue;
  const started = performance.now();
  await benchDialect(kind);
  console.log(`${kind}: bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
