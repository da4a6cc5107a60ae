/* Issue 18 item 1: the regulator's inboxes (GET /bureau-reports, GET /oversight/statistics) page by an
 * index led by the jurisdiction's scope (county, or county and town) or by one linked enterprise, on
 * SQLite and PostgreSQL — they read up to 500 rows of every enterprise in scope and sorted them. */
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.js';
import type { Database } from '../../db/database.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { ManualClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { newId } from '../../platform/ids.js';
import { insertHazardRows } from '../../test/factories/hazard-rows.factory.js';
import { analyzeAsProduction, capturing, explain } from '../../test/query-plans.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { inboxScopeOf, setAssignment, type Scope } from './county.repository.js';
import { listReportPage, insertReportOnce } from './oversight.repository.js';
import { listInbox } from './oversight.service.js';
import { listStatisticsInbox, listSubmissionPage } from './statistics.service.js';

const dialect = testDialect();

describe.runIf(isDbAvailable())(`regulator inbox plans (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;
  let secondId: string;
  let county: Scope;
  let town: Scope;
  let regulatorId: string;

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect, clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    const demo = await seedDemo(deps, 'inbox-plan-123');
    enterpriseId = demo.enterpriseId;
    secondId = demo.secondEnterpriseId;
    const indicator = await kysely.selectFrom('enterprise_indicator').select(['county_code', 'town_code']).where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
    county = { countyCode: indicator.county_code, townCode: null };
    town = { countyCode: indicator.county_code, townCode: indicator.town_code };
    expect(town.townCode).toBeTruthy();
    regulatorId = (await kysely.selectFrom('oversight_jurisdiction').select('user_id').where('county_code', '=', county.countyCode).where('town_code', 'is', null).executeTakeFirstOrThrow()).user_id;
    const posts = await kysely.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).execute();
    const now = Date.parse('2026-12-01T00:00:00.000Z');
    for (const e of [enterpriseId, secondId]) await insertHazardRows(kysely, { enterpriseId: e, count: 150, postIds: e === enterpriseId ? posts.map((p) => p.id) : (await kysely.selectFrom('post').select('id').where('enterprise_id', '=', e).execute()).map((p) => p.id), now });
    const hazards = await kysely.selectFrom('hazard').select(['id', 'enterprise_id', 'created_at']).where('enterprise_id', 'in', [enterpriseId, secondId]).execute();
    for (const h of hazards) {
      await insertReportOnce(kysely, { id: newId(), enterprise_id: h.enterprise_id, hazard_id: h.id, kind: 'major_hazard', bureau: '县局', reported_by_user_id: null, reported_at: h.created_at, summary: '' });
    }
    for (const e of [enterpriseId, secondId]) {
      for (let i = 0; i < 150; i++) {
        const at = new Date(now - i * 86_400_000 * 3).toISOString();
        await kysely
          .insertInto('statistics_submission')
          .values({ id: newId(), enterprise_id: e, period_key: `P${i}`, figures: '{}', due_on: at.slice(0, 10), is_late: 0, submitted_by_user_id: null, submitted_at: at, ...inboxScopeOf(kysely, e) })
          .execute();
      }
    }
    // Other enterprises of the installation (as at any county): a tiny enterprise table is scanned, not looked up.
    const model = await kysely.selectFrom('enterprise').selectAll().where('id', '=', secondId).executeTakeFirstOrThrow();
    const others = Array.from({ length: 300 }, (_, i) => ({ ...model, id: newId(), name: `企业 ${i}`, credit_code: `CC${String(i).padStart(16, '0')}` }));
    await kysely.insertInto('enterprise').values(others).execute();
    await analyzeAsProduction(kysely);
  });
  afterAll(async () => close?.());

  it('new rows carry their enterprise\'s scope; a town assignment moves them', async () => {
    const rows = await kysely.selectFrom('bureau_report').select(['enterprise_id', 'county_code', 'town_code']).execute();
    expect(rows.filter((r) => r.enterprise_id === enterpriseId).every((r) => r.county_code === town.countyCode && r.town_code === town.townCode)).toBe(true);
    const inTown = async () => (await listReportPage(kysely, { scope: town }, { limit: 1000 })).length;
    expect(await inTown()).toBe(150);
    await setAssignment(kysely, enterpriseId, { town_code: '' });
    expect(await inTown()).toBe(0);
    await setAssignment(kysely, enterpriseId, { town_code: town.townCode as string });
    expect(await inTown()).toBe(150);
  });

  const reportCases: [string, string, () => Parameters<typeof listReportPage>[1]][] = [
    ['a county', 'bureau_report_county_page_idx', () => ({ scope: county })],
    ['a town', 'bureau_report_town_page_idx', () => ({ scope: town })],
    ['a linked enterprise', 'bureau_report_enterprise_page_idx', () => ({ enterpriseId })],
  ];
  for (const [name, index, source] of reportCases) {
    for (const depth of ['page 1', 'a deep page']) {
      it(`bureau reports of ${name}, ${depth}: one index range in page order; no scan or sort`, async () => {
        const after = depth === 'page 1' ? undefined : { at: '2026-10-01T00:00:00.000Z', id: newId() };
        const c = capturing(kysely);
        const rows = await listReportPage(c.db, source(), { after, limit: 51 });
        expect(rows.length).toBeGreaterThan(10);
        const plan = await explain(kysely, dialect, c.sent[0] as CompiledQuery, dialect === 'sqlite' ? 'r' : 'bureau_report');
        expect(plan.fullScans, plan.text).toEqual([]);
        expect(plan.sorts, plan.text).toBe(0);
        expect(plan.access, plan.text).toContain(index);
        if (after) expect(plan.access, plan.text).toContain('(reported_at,id)');
      });
    }
  }

  it('the inboxes of a county regulator: its scope and linked enterprises merged, every row once, newest first, page by page', async () => {
    const expected = await listReportPage(kysely, { scope: county }, { limit: 10_000 });
    expect(expected.length).toBeGreaterThanOrEqual(150);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await listInbox(kysely, regulatorId, { cursor, limit: 23 });
      seen.push(...page.items.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => expected.some((r) => r.id === id))).toEqual(expected.map((r) => r.id));
    const stats: string[] = [];
    cursor = undefined;
    for (let i = 0; i < 100; i++) {
      const page = await listStatisticsInbox(kysely, regulatorId, { cursor, limit: 23 });
      stats.push(...page.items.map((r) => `${r.submittedAt}|${r.id}`));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(stats.length).toBeGreaterThanOrEqual(150);
    expect(stats).toEqual([...stats].sort().reverse());
  });

  const statisticsCases: [string, string, () => Parameters<typeof listSubmissionPage>[1]][] = [
    ['a county', 'statistics_submission_county_page_idx', () => ({ scope: county })],
    ['a town', 'statistics_submission_town_page_idx', () => ({ scope: town })],
    ['a linked enterprise', 'statistics_submission_enterprise_page_idx', () => ({ enterpriseId })],
  ];
  for (const [name, index, source] of statisticsCases) {
    for (const depth of ['page 1', 'a deep page']) {
      it(`statistics of ${name}, ${depth}: one index range in page order; no scan or sort`, async () => {
        const after = depth === 'page 1' ? undefined : { at: '2026-10-01T00:00:00.000Z', id: newId() };
        const c = capturing(kysely);
        const rows = await listSubmissionPage(c.db, source(), { after, limit: 51 });
        expect(rows.length).toBeGreaterThan(10);
        const plan = await explain(kysely, dialect, c.sent[0] as CompiledQuery, dialect === 'sqlite' ? 's' : 'statistics_submission');
        expect(plan.fullScans, plan.text).toEqual([]);
        expect(plan.sorts, plan.text).toBe(0);
        expect(plan.access, plan.text).toContain(index);
        if (after) expect(plan.access, plan.text).toContain('(submitted_at,id)');
      });
    }
  }
});
