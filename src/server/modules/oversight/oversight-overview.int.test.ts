/* The regulator's overview (GET /oversight/overview): each linked enterprise's count of reports the
 * regulator has not acknowledged counts all of them — it counted among the 500 newest reports of all its
 * enterprises, so an enterprise past them read fewer (or none). Both databases. */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.js';
import type { Database } from '../../db/database.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { ManualClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { newId } from '../../platform/ids.js';
import { insertHazardRows } from '../../test/factories/hazard-rows.factory.js';
import { analyzeAsProduction, capturing, planOf } from '../../test/query-plans.js';
import { isDbAvailable } from '../../test/test-app.js';
import { getRiskOverview } from '../risks/risk-read.service.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { countOpenHazards, insertReportOnce } from './oversight.repository.js';
import { acknowledgeReport, getOverview } from './oversight.service.js';

const dialect = testDialect();

describe.runIf(isDbAvailable())(`regulator overview (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let deps: AppDeps;
  let demo: Awaited<ReturnType<typeof seedDemo>>;
  let regulatorId: string;

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    deps = { db: kysely, dialect, clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    demo = await seedDemo(deps, 'overview-123');
    regulatorId = (await kysely.selectFrom('user').select('id').where('username', '=', 'regulator').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => close?.());

  it("counts every report the regulator has not acknowledged, of each enterprise, however many the other has", async () => {
    // The second enterprise's 30 reports are older than the first one's 520 newer ones.
    const now = Date.parse('2026-12-01T00:00:00.000Z');
    await insertHazardRows(kysely, { enterpriseId: demo.secondEnterpriseId, count: 30, postIds: [], now: now - 400 * 86_400_000 });
    await insertHazardRows(kysely, { enterpriseId: demo.enterpriseId, count: 520, postIds: [], now });
    const hazards = await kysely.selectFrom('hazard').select(['id', 'enterprise_id', 'created_at']).where('description', 'like', '生成的隐患%').execute();
    for (const h of hazards) {
      await insertReportOnce(kysely, { id: newId(), enterprise_id: h.enterprise_id, hazard_id: h.id, kind: 'major_hazard', bureau: '县局', reported_by_user_id: null, reported_at: h.created_at, summary: '' });
    }
    const reportsOf = async (enterpriseId: string) => (await kysely.selectFrom('bureau_report').select('id').where('enterprise_id', '=', enterpriseId).orderBy('reported_at').execute()).map((r) => r.id);
    const first = await reportsOf(demo.enterpriseId);
    const second = await reportsOf(demo.secondEnterpriseId);
    expect(first.length).toBeGreaterThanOrEqual(520);
    expect(second.length).toBeGreaterThanOrEqual(30);
    for (const id of [first[0], first[1], second[0]]) await acknowledgeReport(deps, regulatorId, id as string, '已阅');

    const overview = await getOverview(kysely, regulatorId);
    const count = (enterpriseId: string) => overview.items.find((i) => i.enterpriseId === enterpriseId)?.unacknowledgedReports;
    expect(count(demo.enterpriseId)).toBe(first.length - 2);
    expect(count(demo.secondEnterpriseId)).toBe(second.length - 1);
  });

  it('reads every linked enterprise in a fixed number of grouped statements, with the figures of each enterprise', async () => {
    const c = capturing(kysely);
    const overview = await getOverview(c.db, regulatorId);
    expect(overview.items.length).toBeGreaterThanOrEqual(2);
    // The linked enterprises, their open hazards, unacknowledged reports, posts by level: one each, however many enterprises.
    expect(c.sent.map((q) => q.sql.slice(0, 60))).toHaveLength(4);
    for (const item of overview.items) {
      const { major, significant, general, low } = (await getRiskOverview(kysely, item.enterpriseId)).postsByLevel;
      expect(item.postsByLevel).toEqual({ major, significant, general, low });
      const open = await kysely.selectFrom('hazard').select(['grade']).where('enterprise_id', '=', item.enterpriseId).where('status', 'not in', ['closed', 'rejected']).execute();
      expect(item.openHazards).toBe(open.length);
      expect(item.openMajorHazards).toBe(open.filter((h) => h.grade === 'major').length);
    }
    expect(overview.items.some((i) => i.openHazards > 0 && Object.values(i.postsByLevel).some((n) => n > 0))).toBe(true);
  });

  it('counts open hazards from the partial index of open hazards, not every hazard of the enterprises', async () => {
    const ids = [demo.enterpriseId, demo.secondEnterpriseId];
    // As an enterprise's years go: most of its hazards closed (as the other plan tests, with statistics).
    await insertHazardRows(kysely, { enterpriseId: demo.enterpriseId, count: 400, postIds: [], now: Date.parse('2025-06-01T00:00:00.000Z') });
    for (const id of ids) {
      const keep = (await kysely.selectFrom('hazard').select('id').where('enterprise_id', '=', id).orderBy('created_at', 'desc').limit(20).execute()).map((h) => h.id);
      await kysely.updateTable('hazard').set({ status: 'closed' }).where('enterprise_id', '=', id).where('id', 'not in', keep).execute();
    }
    await analyzeAsProduction(kysely);
    const plan = await planOf(kysely, dialect, 'hazard', (db) => countOpenHazards(db, ids));
    expect(plan.fullScans, plan.text).toEqual([]);
    // SQLite: "SEARCH hazard USING INDEX hazard_owed_page_idx"; PostgreSQL: an index or bitmap index scan of it.
    expect(`${plan.access}\n${plan.text}`, plan.text).toMatch(/hazard_owed_page_idx/);
    expect(plan.text).not.toMatch(/hazard_(status_deadline|grade_page|measure|list|post|status_page)_idx/);
  });
});
