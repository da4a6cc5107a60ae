/* The names shown beside a hazard in the list and the detail — its post, area and reporter
 * (hazard-list.repository.ts): on SQLite joined into the page's statement; on PostgreSQL the page
 * statement reads the hazard table alone (planning four outer joins cost ~1 ms at every call, more
 * than running the page) and the names of the page's rows come in one statement by primary key.
 * Either way they are the names a join gives. */
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.js';
import type { Database } from '../../db/database.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { ManualClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { insertHazardRows } from '../../test/factories/hazard-rows.factory.js';
import { capturing, explain } from '../../test/query-plans.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { findHazardRow, type HazardRow, listHazardRows } from './hazard-list.repository.js';

const dialect = testDialect();
const now = '2026-12-01T00:00:00.000Z';

describe.runIf(isDbAvailable())(`hazard list names (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect, clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    const demo = await seedDemo(deps, 'names-pass-123');
    enterpriseId = demo.enterpriseId;
    const idsOf = async (table: 'post' | 'area') => (await kysely.selectFrom(table).select('id').where('enterprise_id', '=', enterpriseId).execute()).map((r) => r.id);
    const users = await kysely.selectFrom('membership').select('user_id').where('enterprise_id', '=', enterpriseId).execute();
    await insertHazardRows(kysely, { enterpriseId, count: 120, postIds: await idsOf('post'), areaIds: await idsOf('area'), reporterUserIds: users.map((u) => u.user_id), now: Date.parse(now) });
    // The newest hazards: one reported by a person without an account, one with no post, area or reporter at all.
    const [first, second] = await kysely.selectFrom('hazard').select('id').where('enterprise_id', '=', enterpriseId).orderBy('created_at', 'desc').limit(2).execute();
    const person = await kysely.selectFrom('person').select('id').where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
    await kysely.updateTable('hazard').set({ reporter_person_id: person.id }).where('id', '=', first?.id as string).execute();
    await kysely.updateTable('hazard').set({ post_id: null, area_id: null, reporter_user_id: null }).where('id', '=', second?.id as string).execute();
    await kysely.executeQuery(CompiledQuery.raw('analyze'));
  });

  afterAll(async () => close?.());

  /** The names of these hazards as the four outer joins give them. */
  async function joinedNames(ids: string[]) {
    const rows = await kysely
      .selectFrom('hazard')
      .leftJoin('post', 'post.id', 'hazard.post_id')
      .leftJoin('area', 'area.id', 'hazard.area_id')
      .leftJoin('person', 'person.id', 'hazard.reporter_person_id')
      .leftJoin('user', 'user.id', 'hazard.reporter_user_id')
      .select(['hazard.id', 'post.name as post_name', 'area.name as area_name', 'person.name as reporter_person_name', 'user.display_name as reporter_user_name'])
      .where('hazard.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }
  const namesOf = (r: HazardRow) => ({ id: r.id, post_name: r.post_name, area_name: r.area_name, reporter_person_name: r.reporter_person_name, reporter_user_name: r.reporter_user_name });

  it('a page and a hazard carry the names a join gives, null where the hazard has none', async () => {
    const page = await listHazardRows(kysely, enterpriseId, { now, limit: 51 });
    expect(page).toHaveLength(51);
    const joined = await joinedNames(page.map((r) => r.id));
    expect(page.map(namesOf)).toEqual(page.map((r) => joined.get(r.id)));
    expect(page[0]?.reporter_person_name).toEqual(expect.any(String));
    expect(namesOf(page[1] as HazardRow)).toEqual({ id: page[1]?.id, post_name: null, area_name: null, reporter_person_name: null, reporter_user_name: null });
    expect(page.filter((r) => r.post_name && r.area_name && r.reporter_user_name).length).toBeGreaterThan(40);
    for (const r of page.slice(0, 3)) expect(namesOf((await findHazardRow(kysely, enterpriseId, r.id)) as HazardRow)).toEqual(joined.get(r.id));
  });

  if (dialect === 'postgres')
    it('PostgreSQL: the page statement reads the hazard table alone; the names come in one statement through the primary keys', async () => {
      const c = capturing(kysely);
      await listHazardRows(c.db, enterpriseId, { now, limit: 51 });
      expect(c.sent).toHaveLength(2);
      const [page, names] = c.sent as [CompiledQuery, CompiledQuery];
      expect(page.sql).not.toMatch(/\bjoin\b/i);
      const plan = await explain(kysely, 'postgres', names, 'post');
      expect(plan.fullScans, plan.text).toEqual([]);
      for (const index of ['post_pkey', 'area_pkey', 'person_pkey', 'user_pkey']) expect(plan.text).toContain(index);
    });

  if (dialect === 'sqlite')
    it('SQLite: one statement with the names joined (it plans a statement once, so the joins cost nothing to plan)', async () => {
      const c = capturing(kysely);
      await listHazardRows(c.db, enterpriseId, { now, limit: 51 });
      expect(c.sent).toHaveLength(1);
      expect(c.sent[0]?.sql).toMatch(/left join "post"/);
    });
});
