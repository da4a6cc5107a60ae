/* Issue 18, SQLite: the scheduler's text-search-merge job merges an FTS5 index written in many
 * transactions into one segment, and searches answer the same before and after (text-search-merge.ts). */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app-deps.js';
import { seedDemo } from '../demo/seed-demo.js';
import { listHazardRows } from '../modules/hazards/hazard-list.repository.js';
import { ManualClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { insertHazardRows } from '../test/factories/hazard-rows.factory.js';
import { isDbAvailable } from '../test/test-app.js';
import { createTestDb, onDialect } from '../test/test-db.js';
import type { Database } from './database.js';
import { mergeTextSearchIndexes, segmentsOf, textSearchMergeTuning } from './text-search-merge.js';

const texts = ['配电箱未上锁', '灭火器过期', '消防通道堵塞', 'PLC 柜门未关', '气瓶未固定'];
const queries = ['配电箱未上', '灭火器', '气瓶', '柜', 'plc', '未', '龘龘龘'];

onDialect('sqlite', describe.runIf(isDbAvailable()))('text search index merge (SQLite)', () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;
  const now = Date.parse('2026-12-01T00:00:00.000Z');

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect: 'sqlite', clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    enterpriseId = (await seedDemo(deps, 'merge-pass-123')).enterpriseId;
    // 40 transactions of 10 hazards, oldest first: as many FTS5 segments as FTS5's own merging leaves.
    for (let t = 0; t < 40; t++) {
      await insertHazardRows(kysely, { enterpriseId, count: 10, postIds: [], now: now - (40 - t) * 86_400_000, spanDays: 1, describe: (i) => `${texts[(t + i) % texts.length]} ${t}-${i}` });
    }
  });

  afterAll(async () => close?.());

  async function pages(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const q of queries) out[q] = (await listHazardRows(kysely, enterpriseId, { q, now: new Date(now).toISOString(), limit: 1000 })).map((r) => r.id);
    return out;
  }

  async function byScan(): Promise<Record<string, string[]>> {
    const rows = await kysely.selectFrom('hazard').select(['id', 'description']).where('enterprise_id', '=', enterpriseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return Object.fromEntries(queries.map((q) => [q, rows.filter((r) => r.description.toLowerCase().includes(q.toLowerCase())).map((r) => r.id)]));
  }

  it('merges an index of many segments into one, in steps; searches answer as a substring scan before and after; a merged index is left alone', async () => {
    const before = await segmentsOf(kysely, 'hazard');
    expect(before).toBeGreaterThanOrEqual(textSearchMergeTuning.mergeAtSegments);
    const expected = await byScan();
    expect(await pages()).toEqual(expected);

    const steps = await mergeTextSearchIndexes(kysely, { ...textSearchMergeTuning, pagesPerStep: 1 });
    expect(steps.hazard).toBeGreaterThan(1);
    expect(await segmentsOf(kysely, 'hazard')).toBe(1);
    expect(await pages()).toEqual(expected);

    expect(await mergeTextSearchIndexes(kysely)).toEqual({});
    // New hazards after the merge are found as well.
    await insertHazardRows(kysely, { enterpriseId, count: 3, postIds: [], now: now + 86_400_000, spanDays: 1, describe: (i) => `配电箱未上锁 新 ${i}` });
    expect(await pages()).toEqual(await byScan());
  });
});
