/* npm run bench — the product's API against a bare Fastify route doing the same SQL, in the same
 * run, on the demo data. Prints requests/second and p99 latency; the ratio is the figure. */
import os from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.js';
import { adminDatabaseUrl, createScratchDb, isPostgresReachable, type ScratchDb } from '../src/server/test/scratch-db.js';
import type { AppDeps } from '../src/server/app-deps.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { newId } from '../src/server/platform/ids.js';
import { systemClock } from '../src/server/platform/clock.js';
import { loadConfig } from '../src/server/platform/config.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Result {
  name: string;
  rps: number;
  p99: number;
  errors: number;
}

async function load(name: string, opts: autocannon.Options): Promise<Result> {
  const r = await autocannon({ duration: seconds, connections, ...opts });
  const bad = r.errors + r.non2xx;
  return { name, rps: Math.round(r.requests.average), p99: r.latency.p99, errors: bad };
}

async function openDb(kind: 'sqlite' | 'postgres'): Promise<ScratchDb | null> {
  if (kind === 'postgres' && !(await isPostgresReachable())) {
    console.log(`PostgreSQL at ${adminDatabaseUrl} not reachable: PostgreSQL figures skipped.`);
    return null;
  }
  return createScratchDb(kind, 'sk_bench', 10);
}

async function benchDialect(kind: 'sqlite' | 'postgres'): Promise<Result[] | null> {
  const opened = await openDb(kind);
  if (!opened) return null;
  const { db, drop } = opened;
  const config = { ...loadConfig({ DATA_DIR: os.tmpdir() }), loginRatePerMinute: 1_000_000 };
  const deps: AppDeps = { db: db.kysely, dialect: db.dialect, clock: systemClock, config };
  await migrateToLatest(db.kysely);
  const demo = await seedDemo(deps, 'bench-pass-123');
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'safety', password: 'bench-pass-123' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const enterpriseId = demo.enterpriseId;

  // The bare baseline: the same queries with no auth, validation, DTOs or audit.
  const bare = Fastify();
  bare.get('/people', async () => {
    const rows = await db.kysely
      .selectFrom('person')
      .selectAll()
      .where('enterprise_id', '=', enterpriseId)
      .where('archived_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .limit(51)
      .execute();
    const links = await db.kysely
      .selectFrom('person_post')
      .select(['person_id', 'post_id'])
      .where('enterprise_id', '=', enterpriseId)
      .where('person_id', 'in', rows.map((r) => r.id))
      .execute();
    return { items: rows.slice(0, 50), links };
  });
  bare.post('/areas', async (request) => {
    const body = request.body as { name: string; description: string };
    const now = new Date().toISOString();
    const id = newId();
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('area').values({ id, enterprise_id: enterpriseId, name: body.name, description: body.description, org_unit_id: null, created_at: now, updated_at: now, archived_at: null }).execute();
      await trx.selectFrom('area').selectAll().where('id', '=', id).executeTakeFirst();
      await trx.insertInto('audit_log').values({ id: newId(), enterprise_id: enterpriseId, actor_user_id: null, at: now, entity: 'area', entity_id: id, action: 'create', before: null, after: JSON.stringify(body) }).execute();
    });
    return { id };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
  const areaBody = JSON.stringify({ name: '压测区域', description: '基准测试' });
  const json = { 'content-type': 'application/json' };

  const results = [
    await load(`GET  /api/v1/people (list, 50)`, { url: `${base}/api/v1/people?limit=50`, headers: { cookie } }),
    await load(`GET  bare Fastify, same SQL`, { url: `${bareBase}/people` }),
    await load(`POST /api/v1/areas (create)`, { url: `${base}/api/v1/areas`, method: 'POST', headers: { cookie, ...json }, body: areaBody }),
    await load(`POST bare Fastify, same SQL`, { url: `${bareBase}/areas`, method: 'POST', headers: json, body: areaBody }),
  ];
  await app.close();
  await bare.close();
  await drop();
  return results;
}

function print(kind: string, r: Result[]): void {
  console.log(`\n${kind}: ${connections} connections, ${seconds} s each`);
  console.log('endpoint                          req/s     p99 ms  errors');
  for (const x of r) console.log(`${x.name.padEnd(32)} ${String(x.rps).padStart(7)} ${String(x.p99).padStart(9)} ${String(x.errors).padStart(7)}`);
  const [list, bareList, create, bareCreate] = r;
  if (list && bareList && create && bareCreate) {
    console.log(`ratio API/bare: list ${(list.rps / bareList.rps).toFixed(2)}×, create ${(create.rps / bareCreate.rps).toFixed(2)}×`);
  }
}

const which = (process.env.BENCH_DB ?? 'both') as 'sqlite' | 'postgres' | 'both';
for (const kind of ['sqlite', 'postgres'] as const) {
  if (which !== 'both' && which !== kind) continue;
  const r = await benchDialect(kind);
  if (r) print(kind, r);
}
