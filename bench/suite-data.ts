/* The data of `npm run bench`, generated in a process of its own (bench/suite-server.ts runs this
 * file as a child before it opens the database): the generator's memory — a heap grown by hundreds
 * of thousands of rows, which V8 gives back to the system only slowly — never counts in the server's
 * RSS, and the server starts as a fresh process on existing data, as in production.
 *
 * Env: BENCH_DATABASE_URL (an existing empty database), BENCH_HAZARDS, BENCH_RECORDS.
 * Prints one JSON line (SuiteData). */
import os from 'node:os';
import { sql } from 'kysely';
import type { AppDeps } from '../src/server/app-deps.js';
import { createDb } from '../src/server/db/create-db.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { mergeTextSearchIndexes } from '../src/server/db/text-search-merge.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { systemClock } from '../src/server/platform/clock.js';
import { loadConfig } from '../src/server/platform/config.js';
import { insertHazardRows } from '../src/server/test/factories/hazard-rows.factory.js';
import { type BenchSetup, benchPassword, createBenchEnterprise, generateRecords } from './inspections-data.js';

export interface SuiteData {
  enterpriseId: string;
  postIds: string[];
  inspections: BenchSetup;
  hazards: number;
  records: number;
  hazardsMs: number;
  recordsMs: number;
}

// Real-looking, varied descriptions: a search for one phrase matches about 1 in 24 hazards.
export const phrases = [
  '防护罩缺失', '配电箱未上锁', '灭火器过期', '消防通道堵塞', '安全带未系挂', '叉车超速行驶', '电线老化破损', '油品泄漏',
  '砂轮机托架间隙过大', '行车钢丝绳断股', '压力表超期未检', '临时用电私拉乱接', '危化品未分类存放', '作业人员未戴护目镜',
  '冲床光电保护失效', '地面油污未清理', '应急照明不亮', '焊机接地线缺失', '气瓶未固定', '安全标志缺失', 'PLC 柜门未关',
  'Motor guard missing', '楼梯扶手松动', '排风扇不转',
];

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const hazardCount = Number(process.env.BENCH_HAZARDS ?? 1000);
const recordCount = Number(process.env.BENCH_RECORDS ?? 20_000);
const isPostgres = url.startsWith('postgres');
// A throw-away database: generation need not sync every commit (the server opens it with the product's setting).
const db = createDb(url, { poolSize: 8, sqliteSynchronous: 'NORMAL' });
const deps: AppDeps = { db: db.kysely, dialect: db.dialect, clock: systemClock, config: loadConfig({ DATA_DIR: os.tmpdir() }) };
await migrateToLatest(db.kysely);
const demo = await seedDemo(deps, benchPassword);
const posts = await db.kysely.selectFrom('post').select('id').where('enterprise_id', '=', demo.enterpriseId).execute();
const t0 = performance.now();
await insertHazardRows(db.kysely, {
  enterpriseId: demo.enterpriseId,
  count: hazardCount,
  postIds: posts.map((p) => p.id),
  now: Date.now(),
  describe: (i) => `${phrases[(i * 7) % phrases.length]}（${i % 97 + 1} 号位）`,
});
const hazardsMs = performance.now() - t0;
const inspections = await createBenchEnterprise(deps);
// Multi-row inserts of 2,000 rows (PostgreSQL allows 65,535 parameters: 4,000 rows of 15 columns),
// 25 statements per transaction; PostgreSQL takes 4 transactions at once.
const generated = await generateRecords(deps, inspections, recordCount, { concurrency: isPostgres ? 4 : 1, batchRows: 2000, batchesPerTransaction: 25 });
// The table as a live database has it some minutes after a bulk load: fresh planner statistics
// and, on PostgreSQL, vacuumed (autovacuum runs after inserts since PostgreSQL 13; the test server
// has it off) — the visibility map set, hint bits written, GIN pending lists merged — and the load's
// dirty pages checkpointed, so no measured run pays for the generation's writes (which grow with
// the data: the 50,000-hazard runs paid more of them than the 1,000-hazard ones).
// On SQLite, the FTS5 indexes as the scheduler's text-search-merge job leaves them (text-search-merge.ts):
// the load's 100 transactions of 500 hazards left 7 segments — a database written one hazard at a
// time holds as many or more until the job merges them — and NO planner statistics: the product never
// runs ANALYZE on SQLite (its plans are the ones the query-plan tests check, made without statistics),
// and with this build's STAT4 statistics SQLite re-prepares a statement whenever a bound value could
// change its plan (measured: one re-prepare per 20-item submission, 8 % of its instructions).
if (isPostgres) {
  await sql`vacuum (analyze)`.execute(db.kysely);
  await sql`checkpoint`.execute(db.kysely);
} else {
  await mergeTextSearchIndexes(db.kysely);
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.kysely);
}
await db.close();
const data: SuiteData = {
  enterpriseId: demo.enterpriseId,
  postIds: posts.map((p) => p.id),
  inspections,
  hazards: hazardCount,
  records: generated.records,
  hazardsMs: Math.round(hazardsMs),
  recordsMs: Math.round(generated.ms),
};
console.log(JSON.stringify(data));
