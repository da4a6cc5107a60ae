/* Issue 18, PostgreSQL: the hazard page goes as a named prepared statement (pg-prepared.ts); after
 * five calls PostgreSQL runs it on a generic plan, which must still walk the page index (no sort,
 * no sequential scan), and the rows are those of the unnamed statement. A search is not prepared. */
import { CompiledQuery, type Kysely } from 'kysely';
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

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

onDialect('postgres', describe.runIf(isDbAvailable()))('prepared hazard page (PostgreSQL)', () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;
  const now = '2026-12-01T00:00:00.000Z';

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect: 'postgres', clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    enterpriseId = (await seedDemo(deps, 'prepared-pass-123')).enterpriseId;
    await insertHazardRows(kysely, { enterpriseId, count: 600, postIds: [], now: Date.parse(now), describe: (i) => `配电箱未上锁 ${i}` });
    await kysely.executeQuery(CompiledQuery.raw('analyze'));
  });

  afterAll(async () => close?.());

  it('is prepared once per connection, runs on a generic plan that walks the status page index, and returns the rows of the unnamed query', async () => {
    await kysely.connection().execute(async (db) => {
      const pages: string[][] = [];
      for (let i = 0; i < 7; i++) pages.push((await listHazardRows(db, enterpriseId, { status: 'closed', now, limit: 21 })).map((r) => r.id));
      const expected = await db
        .selectFrom('hazard')
        .select('id')
        .where('enterprise_id', '=', enterpriseId)
        .where('status', '=', 'closed')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(21)
        .execute();
      for (const page of pages) expect(page).toEqual(expected.map((r) => r.id));

      const { rows } = await db.executeQuery<{ name: string; statement: string; generic_plans: string }>(
        CompiledQuery.raw(`select name, statement, generic_plans from pg_prepared_statements where statement like 'select /* prepared */%'`),
      );
      expect(rows).toHaveLength(1);
      const prepared = rows[0] as { name: string; statement: string; generic_plans: string };
      expect(Number(prepared.generic_plans)).toBeGreaterThan(0);

      // The generic plan itself (the values unknown to the planner).
      await db.executeQuery(CompiledQuery.raw('set plan_cache_mode = force_generic_plan'));
      try {
        const explained = await db.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
          CompiledQuery.raw(`explain (format json) execute ${prepared.name}('${enterpriseId}', 'closed')`),
        );
        const nodes: PlanNode[] = [];
        const walk = (n: PlanNode) => {
          nodes.push(n);
          n.Plans?.forEach(walk);
        };
        walk((explained.rows[0]?.['QUERY PLAN'] as { Plan: PlanNode }[])[0]?.Plan as PlanNode);
        expect(nodes.filter((n) => n['Node Type'].includes('Sort'))).toEqual([]);
        expect(nodes.filter((n) => n['Relation Name'] === 'hazard').map((n) => n['Index Name'])).toEqual(['hazard_status_page_idx']);
      } finally {
        await db.executeQuery(CompiledQuery.raw('reset plan_cache_mode'));
      }

      // A search is sent unnamed: its plan depends on the text.
      await listHazardRows(db, enterpriseId, { q: '配电箱', now, limit: 21 });
      const after = await db.executeQuery<{ n: string }>(CompiledQuery.raw(`select count(*) as n from pg_prepared_statements`));
      expect(Number(after.rows[0]?.n)).toBe(1);
    });
  });
});
