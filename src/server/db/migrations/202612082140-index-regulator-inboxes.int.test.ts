/* The migration that gave the regulator inboxes their scope columns (202612082140-index-regulator-inboxes)
 * backfills the bureau reports and statistics submissions an installation already had: each row gets its
 * enterprise's county and town as its enterprise_indicator row has them — what the insert writes for a new
 * row (inboxScopeOf) — so a county's or town's inbox lists the old rows as it lists the new. A database is
 * migrated to just before it, given enterprises, towns, indicator rows, hazards, reports and submissions,
 * then migrated to the latest. Both databases. */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertHazardRows } from '../../test/factories/hazard-rows.factory.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDbBefore, testDialect } from '../../test/test-db.js';
import { upsertFigures } from '../../modules/oversight/county.repository.js';
import { insertReportOnce, listReportPage } from '../../modules/oversight/oversight.repository.js';
import { listSubmissionPage } from '../../modules/oversight/statistics.service.js';
import { newId } from '../../platform/ids.js';
import type { Database } from '../database.js';
import { migrateToLatest } from '../migrate.js';

const dialect = testDialect();
const migration = '202612082140-index-regulator-inboxes';
const now = Date.parse('2026-12-01T00:00:00.000Z');

// A: county 370102, town T1. B: county 370102, no town (the indicator's town_code is ''). C: county
// 370105, town T2. D: region 370102 but never refreshed (no indicator row): in no regulator's scope yet.
const enterprises = [
  { key: 'A', region: '370102', indicator: { county: '370102', town: '370102001' } },
  { key: 'B', region: '370102', indicator: { county: '370102', town: '' } },
  { key: 'C', region: '370105', indicator: { county: '370105', town: '370105002' } },
  { key: 'D', region: '370102', indicator: null },
] as const;
type Key = (typeof enterprises)[number]['key'];

describe.runIf(isDbAvailable())(`migration ${migration}: backfill of existing inbox rows (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  const ids = {} as Record<Key, string>;
  const expectedScope = (enterpriseId: string) => {
    const e = enterprises.find((x) => ids[x.key] === enterpriseId);
    if (!e) throw new Error(`not one of the test's enterprises: ${enterpriseId}`);
    return e.indicator ? { county_code: e.indicator.county, town_code: e.indicator.town } : { county_code: null, town_code: null };
  };

  beforeAll(async () => {
    const scratch = await createTestDbBefore(migration);
    close = scratch.drop;
    kysely = scratch.db.kysely;
    // The schema before the migration: the inbox tables have no scope columns.
    const columns = async (table: string) => (await kysely.introspection.getTables()).find((t) => t.name === table)?.columns.map((c) => c.name) ?? [];
    expect(await columns('bureau_report')).not.toContain('county_code');
    expect(await columns('statistics_submission')).not.toContain('town_code');

    const at = new Date(now).toISOString();
    await kysely
      .insertInto('oversight_town')
      .values([
        { code: '370102001', county_code: '370102', name: '一号镇', created_at: at },
        { code: '370105002', county_code: '370105', name: '二号街道', created_at: at },
      ])
      .execute();
    for (const [i, e] of enterprises.entries()) {
      const id = newId();
      ids[e.key] = id;
      await kysely
        .insertInto('enterprise')
        .values({
          id, name: `迁移测试企业 ${e.key}`, credit_code: `91370100MIGR${String(i).padStart(5, '0')}X`, industry: 'machinery', region_code: e.region,
          address: '济南', headcount: 40, revenue_cny: 10_000_000, size_class: 'small', principal_name: '负责人', principal_phone: null,
          time_zone: 'Asia/Shanghai', created_at: at, updated_at: at, archived_at: null,
        })
        .execute();
      if (e.indicator) {
        await kysely
          .insertInto('enterprise_indicator')
          .values({
            enterprise_id: id, county_code: e.indicator.county, town_code: e.indicator.town, name: `迁移测试企业 ${e.key}`, industry: 'machinery', size_class: 'small',
            is_demonstration: 0, posts_major: 0, posts_significant: 0, open_hazards: 0, overdue_hazards: 0, open_major_hazards: 0, stop_work_in_force: 0,
            inspection_completion: -1, training_compliance: -1, sa_score: -1, sa_grade: '', supervision_grade: '', grade_reasons: '[]', facts: '{}', last_activity_at: '', refreshed_at: at,
          })
          .execute();
      }
      // Rows as they were written before the migration: no county_code / town_code.
      await insertHazardRows(kysely, { enterpriseId: id, count: 12, postIds: [], now });
      const hazards = await kysely.selectFrom('hazard').select(['id', 'created_at']).where('enterprise_id', '=', id).execute();
      await kysely
        .insertInto('bureau_report')
        .values(hazards.map((h) => ({ id: newId(), enterprise_id: id, hazard_id: h.id, kind: 'major_hazard', bureau: '县局', reported_by_user_id: null, reported_at: h.created_at, summary: '' })))
        .execute();
      await kysely
        .insertInto('statistics_submission')
        .values(
          Array.from({ length: 5 }, (_, q) => {
            const submitted = new Date(now - (q + 1) * 90 * 86_400_000).toISOString();
            return { id: newId(), enterprise_id: id, period_key: `2025-Q${q + 1}-${e.key}`, figures: '{}', due_on: submitted.slice(0, 10), is_late: 0, submitted_by_user_id: null, submitted_at: submitted };
          }),
        )
        .execute();
    }

    const ran = await migrateToLatest(kysely);
    expect(ran).toContain(migration);
  });
  afterAll(async () => close?.());

  it("every existing bureau report and statistics submission gets its enterprise's county and town; one never refreshed gets none", async () => {
    for (const table of ['bureau_report', 'statistics_submission'] as const) {
      const rows = await kysely.selectFrom(table).select(['enterprise_id', 'county_code', 'town_code']).execute();
      expect(rows.length, table).toBe(enterprises.length * (table === 'bureau_report' ? 12 : 5));
      for (const r of rows) expect({ county_code: r.county_code, town_code: r.town_code }, `${table} of ${r.enterprise_id}`).toEqual(expectedScope(r.enterprise_id));
    }
  });

  it('a backfilled row carries the same scope as a row the product writes now for the same enterprise', async () => {
    for (const e of enterprises) {
      const [hazard] = await kysely.selectFrom('hazard').select('id').where('enterprise_id', '=', ids[e.key]).limit(1).execute();
      expect(await insertReportOnce(kysely, { id: newId(), enterprise_id: ids[e.key], hazard_id: hazard?.id as string, kind: 'result', bureau: '县局', reported_by_user_id: null, reported_at: new Date(now).toISOString(), summary: '' })).toBe(true);
      const scopes = await kysely.selectFrom('bureau_report').select(['kind', 'county_code', 'town_code']).where('enterprise_id', '=', ids[e.key]).execute();
      const fresh = scopes.find((r) => r.kind === 'result');
      for (const old of scopes.filter((r) => r.kind === 'major_hazard')) expect({ county_code: old.county_code, town_code: old.town_code }, e.key).toEqual({ county_code: fresh?.county_code, town_code: fresh?.town_code });
    }
  });

  it("the county's and each town's inbox list the old rows of exactly their enterprises", async () => {
    const enterprisesOf = async (rows: Promise<{ enterprise_id: string }[]>) => [...new Set((await rows).map((r) => r.enterprise_id))].sort();
    const of = (...keys: Key[]) => keys.map((k) => ids[k]).sort();
    const county = { countyCode: '370102', townCode: null };
    expect(await enterprisesOf(listReportPage(kysely, { scope: county }, { limit: 1000 }))).toEqual(of('A', 'B'));
    expect(await enterprisesOf(listSubmissionPage(kysely, { scope: county }, { limit: 1000 }))).toEqual(of('A', 'B'));
    expect(await enterprisesOf(listReportPage(kysely, { scope: { countyCode: '370102', townCode: '370102001' } }, { limit: 1000 }))).toEqual(of('A'));
    expect(await enterprisesOf(listSubmissionPage(kysely, { scope: { countyCode: '370105', townCode: '370105002' } }, { limit: 1000 }))).toEqual(of('C'));
    expect((await listSubmissionPage(kysely, { scope: county }, { limit: 1000 })).length).toBe(10);
  });

  it("the never-refreshed enterprise's old rows join its county's inbox when its figures are first written", async () => {
    const { town_code: _t, is_demonstration: _d, ...figures } = await kysely.selectFrom('enterprise_indicator').selectAll().where('enterprise_id', '=', ids.B).executeTakeFirstOrThrow();
    await upsertFigures(kysely, { ...figures, enterprise_id: ids.D, name: '迁移测试企业 D', county_code: '370102' });
    const rows = await listSubmissionPage(kysely, { scope: { countyCode: '370102', townCode: null } }, { limit: 1000 });
    expect(rows.filter((r) => r.enterprise_id === ids.D)).toHaveLength(5);
  });
});
