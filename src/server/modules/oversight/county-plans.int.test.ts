/* Issue 18 item 1: the county view of one town — a town's regulator, or the county filtering by a town —
 * pages by an index led by the county and the town in every sort the page offers, on SQLite and
 * PostgreSQL (only the name sort had one: the others walked the county's index dropping other towns'
 * rows, or sorted the town's rows). The county-wide sorts are in db/list-plans.int.test.ts. */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { analyzeAsProduction, expectIndexPage, planOf } from '../../test/query-plans.js';
import { insertCountyEnterprises } from '../../test/factories/county-enterprises.factory.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { listIndicators, type Scope, type SortColumn, sortColumns } from './county.repository.js';

const dialect = testDialect();
const county = '370102';
const town = '370102003';
const enterprises = 2_000;
const towns = 20;

describe.runIf(isDbAvailable())(`county view of a town: plans (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    await insertCountyEnterprises(kysely, { county, count: enterprises, townOf: (i) => `3701020${String(i % towns).padStart(2, '0')}` });
    await analyzeAsProduction(kysely);
  });
  afterAll(async () => close?.());

  const table = dialect === 'sqlite' ? 'i' : 'enterprise_indicator';
  const indexOf = (column: SortColumn) => (column === 'name' ? 'enterprise_indicator_town_idx' : `enterprise_indicator_town_${column}_idx`);
  const views: [string, Scope, { townCode?: string }][] = [
    ["a town's regulator", { countyCode: county, townCode: town }, {}],
    ['the county filtering by a town', { countyCode: county, townCode: null }, { townCode: town }],
  ];
  for (const [who, scope, filter] of views) {
    for (const column of Object.values(sortColumns)) {
      const order = column === 'name' ? 'asc' : 'desc';
      it(`${who}, by ${column}: page 1 and a deep page read one range of ${indexOf(column)} in page order`, async () => {
        expectIndexPage(await planOf(kysely, dialect, table, (db) => listIndicators(db, scope, filter, { column, order, limit: 51 })), indexOf(column), ['county_code', 'town_code']);
        const middle = (await listIndicators(kysely, scope, filter, { column, order, limit: 40 })).at(-1);
        const value = (middle as Record<string, unknown>)[column] as string | number;
        const deep = await planOf(kysely, dialect, table, (db) => listIndicators(db, scope, filter, { column, order, limit: 51, after: { value, id: middle?.enterprise_id as string } }));
        expectIndexPage(deep, indexOf(column), ['county_code', 'town_code']);
        expect(deep.access, deep.text).toContain(`(${column},enterprise_id)`);
      });
    }
  }

  it("a town's pages by the cursor: each of the town's enterprises once, in (figure, id) order", async () => {
    const scope = { countyCode: county, townCode: town };
    const all = await kysely.selectFrom('enterprise_indicator').select(['enterprise_id', 'open_hazards']).where('town_code', '=', town).execute();
    const expected = all.sort((a, b) => b.open_hazards - a.open_hazards || (a.enterprise_id < b.enterprise_id ? 1 : -1)).map((r) => r.enterprise_id);
    expect(expected).toHaveLength(enterprises / towns);
    const seen: string[] = [];
    let after: { value: number; id: string } | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await listIndicators(kysely, scope, {}, { column: 'open_hazards', order: 'desc', limit: 17, after });
      seen.push(...page.map((r) => r.enterprise_id));
      const last = page.at(-1);
      if (page.length < 17 || !last) break;
      after = { value: Number(last.open_hazards), id: last.enterprise_id };
    }
    expect(seen).toEqual(expected);
  });
});
