/* The server side of `npm run bench` (bench/suite.ts starts it as a child process, so the load
 * generator never shares its CPU accounting): a scratch database with BENCH_HAZARDS generated
 * hazards and the inspections bench's enterprise, the product's API and a bare Fastify doing the
 * same SQL / the same core writes, both in this process (the runs alternate, one loaded at a time).
 * Prints one JSON line with the addresses, then serves until SIGTERM and drops the database. */
import os from 'node:os';
import Fastify from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../src/server/app-deps.js';
import { buildApp } from '../src/server/app.js';
import { durabilityOf } from '../src/server/db/create-db.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { listHazardRows } from '../src/server/modules/hazards/hazard-list.repository.js';
import { systemClock } from '../src/server/platform/clock.js';
import { loadConfig } from '../src/server/platform/config.js';
import { encodeCursor } from '../src/server/platform/http/cursor.js';
import { newId } from '../src/server/platform/ids.js';
import { insertHazardRows } from '../src/server/test/factories/hazard-rows.factory.js';
import { createScratchDb } from '../src/server/test/scratch-db.js';
import { benchPassword, createBenchEnterprise, generateRecords } from './inspections-data.js';

const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'sqlite';
const hazardCount = Number(process.env.BENCH_HAZARDS ?? 1000);
const recordCount = Number(process.env.BENCH_RECORDS ?? 20_000);

// Real-looking, varied descriptions: a search for one phrase matches about 1 in 24 hazards.
export const phrases = [
  '防护罩缺失', '配电箱未上锁', '灭火器过期', '消防通道堵塞', '安全带未系挂', '叉车超速行驶', '电线老化破损', '油品泄漏',
  '砂轮机托架间隙过大', '行车钢丝绳断股', '压力表超期未检', '临时用电私拉乱接', '危化品未分类存放', '作业人员未戴护目镜',
  '冲床光电保护失效', '地面油污未清理', '应急照明不亮', '焊机接地线缺失', '气瓶未固定', '安全标志缺失', 'PLC 柜门未关',
  'Motor guard missing', '楼梯扶手松动', '排风扇不转',
];

// The product's setting (FULL) unless the durability comparison asks for NORMAL.
const synchronous = process.env.BENCH_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL';
const scratch = await createScratchDb(kind, 'sk_bench_suite', 10, { sqliteSynchronous: synchronous });
const { db } = scratch;
const config = { ...loadConfig({ DATA_DIR: os.tmpdir() }), loginRatePerMinute: 1_000_000 };
const deps: AppDeps = { db: db.kysely, dialect: db.dialect, clock: systemClock, config };
await migrateToLatest(db.kysely);
const demo = await seedDemo(deps, benchPassword);
const enterpriseId = demo.enterpriseId;
const posts = await db.kysely.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).execute();
const started = performance.now();
await insertHazardRows(db.kysely, {
  enterpriseId,
  count: hazardCount,
  postIds: posts.map((p) => p.id),
  now: Date.now(),
  describe: (i) => `${phrases[(i * 7) % phrases.length]}（${i % 97 + 1} 号位）`,
});
const inspections = await createBenchEnterprise(deps);
await generateRecords(deps, inspections, recordCount, { concurrency: kind === 'postgres' ? 4 : 1 });
const generatedMs = performance.now() - started;
// Fresh planner statistics after the bulk load, as a live database has them.
await sql`analyze`.execute(db.kysely);

const app = await buildApp(deps);
await app.listen({ port: 0, host: '127.0.0.1' });
const api = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

// The bare baseline: the same repository query or the same core writes — no session, validation,
// authorization, DTO mapping or response schema.
const bare = Fastify({ bodyLimit: 1024 * 1024 });
bare.get('/hazards', async (request) => {
  const q = request.query as { status?: string; postId?: string; overdue?: string; q?: string; at?: string; id?: string };
  const rows = await listHazardRows(db.kysely, enterpriseId, {
    status: q.status,
    postId: q.postId,
    overdue: q.overdue === 'true' ? true : undefined,
    q: q.q,
    after: q.at && q.id ? { at: q.at, id: q.id } : undefined,
    now: new Date().toISOString(),
    limit: 51,
  });
  return { items: rows.slice(0, 50) };
});
const safety = await db.kysely.selectFrom('user').select('id').where('username', '=', 'safety').executeTakeFirstOrThrow();
bare.post('/hazards', async (request) => {
  const body = request.body as { description: string; clientId: string; postId?: string };
  const at = new Date().toISOString();
  const id = newId();
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('hazard')
      .values({
        id, enterprise_id: enterpriseId, source: 'adhoc', record_id: null, item_id: null, post_id: body.postId ?? null, area_id: null, measure_id: null,
        grade: null, criterion_id: null, criterion_other_reason: null, description: body.description, photo_ids: '[]', status: 'reported',
        reporter_user_id: safety.id, reporter_person_id: null, reporter_name: null, rectifier_user_id: null, deadline: null, escalation_tier: null,
        overdue_at: null, is_published: 0, client_id: body.clientId, created_at: at, updated_at: at, closed_at: null,
      })
      .execute();
    await trx.insertInto('hazard_event').values({ id: newId(), enterprise_id: enterpriseId, hazard_id: id, action: 'report', from_status: null, to_status: 'reported', actor_user_id: safety.id, at, data: '{}' }).execute();
    await trx.insertInto('audit_log').values({ id: newId(), enterprise_id: enterpriseId, actor_user_id: safety.id, at, entity: 'hazard', entity_id: id, action: 'report', before: null, after: JSON.stringify(body) }).execute();
  });
  return { id, isNew: true };
});
const tasks = await db.kysely.selectFrom('inspection_task').select('id').where('enterprise_id', '=', inspections.enterpriseId).orderBy('window_end', 'desc').limit(1).execute();
bare.post('/records', async (request) => {
  const body = request.body as { clientId: string; capturedAt: string; taskId: string; results: { itemId: string; result: string; note: string }[] };
  const now = new Date().toISOString();
  const rows = body.results.map((r) => ({
    id: newId(), enterprise_id: inspections.enterpriseId, task_id: body.taskId, item_id: r.itemId, result: r.result, note: r.note, person_id: inspections.personId,
    user_id: inspections.userId, captured_at: body.capturedAt, received_at: now, is_late: 0, submission_id: body.clientId,
    client_id: `${body.clientId}:${r.itemId}`, supersedes_id: null, photo_ids: '[]',
  }));
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('inspection_record').values(rows).execute();
    await trx.updateTable('inspection_task').set({ status: 'done', completed_at: now }).where('id', '=', body.taskId).where('status', '!=', 'done').execute();
    await trx.insertInto('audit_log').values({ id: newId(), enterprise_id: inspections.enterpriseId, actor_user_id: inspections.userId, at: now, entity: 'inspection_task', entity_id: body.taskId, action: 'submit', before: null, after: JSON.stringify({ clientId: body.clientId }) }).execute();
  });
  return { ids: rows.map((r) => r.id) };
});
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

async function login(username: string): Promise<string> {
  const res = await fetch(`${api}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: benchPassword }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}
const cookie = await login('safety');
const workerCookie = await login(inspections.username);
const open = (await (await fetch(`${api}/api/v1/inspection-tasks?mine=true&status=open`, { headers: { cookie: workerCookie } })).json()) as { items: { id: string }[] };
// A deep page: the cursor after 90 % of the hazards (45,000 of 50,000).
const deep = await db.kysely
  .selectFrom('hazard')
  .select(['created_at', 'id'])
  .where('enterprise_id', '=', enterpriseId)
  .orderBy('created_at', 'desc')
  .orderBy('id', 'desc')
  .offset(Math.floor(hazardCount * 0.9))
  .limit(1)
  .executeTakeFirstOrThrow();

console.log(
  JSON.stringify({
    pid: process.pid,
    api,
    bare: bareBase,
    cookie,
    workerCookie,
    postId: posts[0]?.id,
    taskId: open.items[0]?.id ?? tasks[0]?.id,
    itemIds: inspections.itemIds,
    deep: { cursor: encodeCursor(deep.created_at, deep.id), at: deep.created_at, id: deep.id },
    generatedMs: Math.round(generatedMs),
    durability: await durabilityOf(db),
  }),
);

process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await bare.close();
    await scratch.drop();
    process.exit(0);
  })();
});
