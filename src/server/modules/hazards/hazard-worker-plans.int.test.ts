/* Issue 18: a worker's hazard list (reported / reported done / posts held / plans owned) reads one
 * index range per part in page order and merges them, instead of filtering the enterprise's whole
 * list by an OR — checked on the plan of the statement sent, on SQLite and PostgreSQL, and against the
 * OR filter for the rows. */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.js';
import type { Database } from '../../db/database.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { ManualClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { insertHazardRows } from '../../test/factories/hazard-rows.factory.js';
import { analyzeAsProduction, capturing, explain } from '../../test/query-plans.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { listHazardRows, type WorkerScope } from './hazard-list.repository.js';

const dialect = testDialect();

describe.runIf(isDbAvailable())(`a worker's hazard list: plans and rows (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;
  let scope: Required<WorkerScope>;
  const cursor = { at: '2026-06-01T00:00:00.000Z', id: '0190c0de-0000-7000-8000-000000000000' };
  const now = '2026-12-01T00:00:00.000Z';

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect, clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    const demo = await seedDemo(deps, 'plan-pass-123');
    enterpriseId = demo.enterpriseId;
    const posts = await kysely.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).execute();
    const areas = await kysely.selectFrom('area').select('id').where('enterprise_id', '=', enterpriseId).execute();
    const users = await kysely.selectFrom('membership').select('user_id').where('enterprise_id', '=', enterpriseId).execute();
    const common = { postIds: posts.map((p) => p.id), areaIds: areas.map((a) => a.id), reporterUserIds: users.map((u) => u.user_id), now: Date.parse(now) };
    await insertHazardRows(kysely, { enterpriseId, count: 400, ...common });
    await insertHazardRows(kysely, { enterpriseId: demo.secondEnterpriseId, count: 100, ...common });
    const people = await kysely.selectFrom('person').select('id').where('enterprise_id', '=', enterpriseId).execute();
    const person = people[0] as { id: string };
    const userId = users[0]?.user_id as string;
    // The person holds two of the posts (when there are more than two); every 7th hazard was reported
    // done by the user.
    const held = posts.slice(0, posts.length > 2 ? 2 : 1).map((p) => p.id);
    await kysely.deleteFrom('person_post').where('person_id', '=', person.id).execute();
    await kysely.insertInto('person_post').values(held.map((post_id) => ({ enterprise_id: enterpriseId, person_id: person.id, post_id }))).execute();
    scope = { userId, personId: person.id, postIds: held };
    const hazards = await kysely.selectFrom('hazard').select('id').where('enterprise_id', '=', enterpriseId).orderBy('created_at').orderBy('id').execute();
    await kysely.updateTable('hazard').set({ rectifier_user_id: userId }).where('id', 'in', hazards.filter((_, i) => i % 7 === 3).map((h) => h.id)).execute();
    // Plans for every other hazard, owned by the people in turn (the person's are one in people.length).
    const planned = hazards.filter((_, i) => i % 2 === 1);
    await kysely
      .insertInto('rectification_plan')
      .values(planned.map((h, i) => ({ hazard_id: h.id, enterprise_id: enterpriseId, measure: 'm', owner_person_id: (people[i % people.length] as { id: string }).id, funds_cny: 0, deadline: now, interim_measure: '', planned_by_user_id: null, created_at: now, updated_at: now })))
      .execute();
    await analyzeAsProduction(kysely);
  });

  afterAll(async () => close?.());

  it('each part reads its own index range in page order: page 1 and a deep page, no full scan', async () => {
    for (const after of [undefined, cursor]) {
      // The plugin sees each part as it is built; the statement sent is the union of them all.
      const c = capturing(kysely);
      await listHazardRows(c.db, enterpriseId, { now, limit: 51, after, workerScope: scope });
      const sent = c.sent.filter((q) => /union all/i.test(q.sql));
      expect(sent).toHaveLength(1);
      const plan = await explain(kysely, dialect, sent[0] as (typeof sent)[number], 'hazard');
      // (SQLite's "SCAN partN" reads a part's co-routine, not a table.)
      expect(plan.fullScans.filter((scan) => !/\bpart\d+$/.test(scan.trim())), plan.text).toEqual([]);
      // How each part reads the hazards: every SEARCH line on SQLite, every hazard node on PostgreSQL.
      const reads = dialect === 'sqlite' ? plan.text : plan.access;
      for (const [index, column] of [
        ['hazard_reporter_page_idx', 'reporter_user_id'],
        ['hazard_rectifier_page_idx', 'rectifier_user_id'],
        ['hazard_post_page_idx', 'post_id'],
      ] as const) {
        expect(reads, plan.text).toMatch(new RegExp(`${index}[^;\\n]*\\b${column}\\b`));
        if (after) expect(reads, plan.text).toMatch(new RegExp(`${index}[^;\\n]*\\(created_at,id\\)`));
      }
      // The owned plans are found through rectification_plan_owner_idx. On SQLite the part then sorts
      // that one person's plans (the only sort) and never walks the enterprise's list; PostgreSQL, with
      // sorts priced out here, walks hazard_list_idx for that part instead and picks by cost live.
      expect(plan.text).toContain('rectification_plan_owner_idx');
      if (dialect === 'sqlite') {
        expect(reads, plan.text).not.toContain('hazard_list_idx');
        expect(plan.sorts, plan.text).toBeLessThanOrEqual(1);
      }
    }
  });

  it('returns the same rows as the OR filter, page by page, with and without other filters', async () => {
    const { postIds: _, ...orScope } = scope;
    for (const filter of [{}, { status: 'closed' }, { postId: scope.postIds[0] }, { q: '防护' }, { reportedBy: scope.userId }]) {
      const all = await listHazardRows(kysely, enterpriseId, { now, limit: 10_000, workerScope: orScope, ...filter });
      const seen: string[] = [];
      let after: { at: string; id: string } | undefined;
      for (;;) {
        const page = await listHazardRows(kysely, enterpriseId, { now, limit: 23, after, workerScope: scope, ...filter });
        seen.push(...page.map((r) => r.id));
        const last = page[page.length - 1];
        if (page.length < 23 || !last) break;
        after = { at: last.created_at, id: last.id };
      }
      expect(seen, JSON.stringify(filter)).toEqual(all.map((r) => r.id));
      if (!Object.keys(filter).length) expect(all.length).toBeGreaterThan(50);
    }
  });
});
