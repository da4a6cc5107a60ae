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
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { insertReportOnce } from './oversight.repository.js';
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
});
