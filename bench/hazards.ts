/* npx tsx bench/hazards.ts — 50,000 generated hazards; throughput and p99 of the filtered hazard
 * list through the API next to a bare Fastify route running the same SQL, in the same run, on
 * SQLite and PostgreSQL (BENCH_DB=sqlite|postgres|both, BENCH_SECONDS, BENCH_CONNECTIONS). */
import os from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../src/server/db/create-db.js';
import { buildApp } from '../src/server/app.js';
import { adminDatabaseUrl, createScratchDb, isPostgresReachable, type ScratchDb } from '../src/server/test/scratch-db.js';
import type { AppDeps } from '../src/server/app-deps.js';
import type { HazardTable } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { listHazardRows } from '../src/server/modules/hazards/hazard-list.repository.js';
import { systemClock } from '../src/server/platform/clock.js';
import { loadConfig } from '../src/server/platform/config.js';
import { newId } from '../src/server/platform/ids.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const hazardCount = Number(process.env.BENCH_HAZARDS ?? 50_000);

interface Result {
  name: string;
  rps: number;
  p99: number;
  errors: number;
}

async function load(name: string, opts: autocannon.Options): Promise<Result> {
  const r = await autocannon({ duration: seconds, connections, ...opts });
  return { name, rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function openDb(kind: 'sqlite' | 'postgres'): Promise<ScratchDb | null> {
  if (kind === 'postgres' && !(await isPostgresReachable())) {
    console.log(`PostgreSQL at ${adminDatabaseUrl} not reachable: PostgreSQL figures skipped.`);
    return null;
  }
  return createScratchDb(kind, 'sk_bench_hz', 10);
}

const statuses = ['reported', 'confirmed', 'under_rectification', 'submitted_for_acceptance', 'closed', 'closed', 'closed', 'rejected'];

/** A year of hazards, newest last, spread over the enterprise's posts; deadlines around "now". */
async function generate(db: Db, enterpriseId: string, postIds: string[], now: number): Promise<void> {
  const started = Date.now();
  let batch: HazardTable[] = [];
  const flush = async () => {
    if (batch.length) await db.kysely.insertInto('hazard').values(batch).execute();
    batch = [];
  };
  for (let i = 0; i < hazardCount; i++) {
    const created = new Date(now - (hazardCount - i) * ((365 * 86_400_000) / hazardCount)).toISOString();
    const status = statuses[i % statuses.length] as string;
    const hasDeadline = status !== 'reported' && status !== 'rejected';
    batch.push({
      id: newId(),
      enterprise_id: enterpriseId,
      source: i % 3 === 0 ? 'inspection' : 'adhoc',
      record_id: null,
      item_id: null,
      post_id: postIds[i % postIds.length] ?? null,
      area_id: null,
      measure_id: null,
      grade: status === 'reported' ? null : i % 50 === 0 ? 'major' : 'general',
      criterion_id: null,
      criterion_other_reason: null,
      description: `生成的隐患 #${i}：防护装置缺失`,
      photo_ids: '[]',
      status,
      reporter_user_id: null,
      reporter_person_id: null,
      reporter_name: null,
      rectifier_user_id: null,
      deadline: hasDeadline ? new Date(Date.parse(created) + 14 * 86_400_000).toISOString() : null,
      escalation_tier: null,
      overdue_at: null,
      is_published: status === 'closed' ? 1 : 0,
      client_id: `bench-${enterpriseId}-${i}`,
      created_at: created,
      updated_at: created,
      closed_at: status === 'closed' ? new Date(Date.parse(created) + 7 * 86_400_000).toISOString() : null,
    });
    if (batch.length === 500) await flush();
  }
  await flush();
  console.log(`generated ${hazardCount} hazards in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function benchDialect(kind: 'sqlite' | 'postgres'): Promise<Result[] | null> {
  const opened = await openDb(kind);
  if (!opened) return null;
  const { db, drop } = opened;
  const config = { ...loadConfig({ DATA_DIR: os.tmpdir() }), loginRatePerMinute: 1_000_000 };
  const deps: AppDeps = { db: db.kysely, dialect: db.dialect, clock: systemClock, config };
  await migrateToLatest(db.kysely);
  const demo = await seedDemo(deps, 'bench-pass-123');
  const enterpriseId = demo.enterpriseId;
  const posts = await db.kysely.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).execute();
  await generate(db, enterpriseId, posts.map((p) => p.id), Date.now());
  // Fresh planner statistics after the bulk load, as a live database would have (same SQL on both).
  await sql`analyze`.execute(db.kysely);
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'safety', password: 'bench-pass-123' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const postId = posts[0]?.id as string;

  // The bare baseline: the same repository query, no session, validation, DTO mapping or schema.
  const bare = Fastify();
  bare.get('/hazards', async (request) => {
    const q = request.query as { status?: string; postId?: string; overdue?: string };
    const rows = await listHazardRows(db.kysely, enterpriseId, {
      status: q.status,
      postId: q.postId,
      overdue: q.overdue === 'true' ? true : undefined,
      now: new Date().toISOString(),
      limit: 51,
    });
    return { items: rows.slice(0, 50) };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const byPost = `status=closed&postId=${postId}&limit=50`;
  const results = [
    await load('GET /api/v1/hazards?status&postId', { url: `${base}/api/v1/hazards?${byPost}`, headers: { cookie } }),
    await load('    bare Fastify, same SQL', { url: `${bareBase}/hazards?${byPost}` }),
    await load('GET /api/v1/hazards?overdue=true', { url: `${base}/api/v1/hazards?overdue=true&limit=50`, headers: { cookie } }),
    await load('    bare Fastify, same SQL', { url: `${bareBase}/hazards?overdue=true` }),
  ];
  await app.close();
  await bare.close();
  await drop();
  return results;
}

function print(kind: string, r: Result[]): void {
  console.log(`\n${kind}: ${hazardCount} hazards, ${connections} connections, ${seconds} s each`);
  console.log('endpoint                              req/s     p99 ms  errors');
  for (const x of r) console.log(`${x.name.padEnd(36)} ${String(x.rps).padStart(7)} ${String(x.p99).padStart(9)} ${String(x.errors).padStart(7)}`);
  const [a, b, c, d] = r;
  if (a && b && c && d) console.log(`ratio API/bare: by post ${(a.rps / b.rps).toFixed(2)}×, overdue ${(c.rps / d.rps).toFixed(2)}×`);
}

const which = (process.env.BENCH_DB ?? 'both') as 'sqlite' | 'postgres' | 'both';
for (const kind of ['sqlite', 'postgres'] as const) {
  if (which !== 'both' && which !== kind) continue;
  const r = await benchDialect(kind);
  if (r) print(kind, r);
}
