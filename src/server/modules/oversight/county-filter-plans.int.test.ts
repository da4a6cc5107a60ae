/* Issue 18 item 1: the county view's rare filters (stop-work in force, demonstration, open major
 * hazard) page by a partial index holding only the matching enterprises, in every sort the page
 * offers, for the county and for one town, on SQLite and PostgreSQL — not by walking every enterprise
 * of the county and testing each row (migration 202612090058). */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { analyzeAsProduction, expectIndexPage, planOf } from '../../test/query-plans.js';
import { insertCountyEnterprises } from '../../test/factories/county-enterprises.factory.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { type IndicatorFilter, listIndicators, type Scope, type SortColumn, sortColumns } from './county.repository.js';

const dialect = testDialect();
const county = '370102';
const town = '370102003';
const enterprises = 3_000;
const towns = 20;
const townOf = (i: number) => `3701020${String(i % towns).padStart(2, '0')}`;
// Rare, as in a real county: about 2 %, 2.5 % and 3.5 % of the enterprises.
const stopWork = (i: number) => (i % 47 === 3 ? 1 : 0);
const demonstration = (i: number) => (i % 41 === 3 ? 1 : 0);
const openMajor = (i: number) => (i % 29 === 3 ? 1 + (i % 3) : 0);

const filters: [string, string, IndicatorFilter][] = [
  ['stop-work in force', 'stop', { hasStopWork: true }],
  ['demonstration', 'demo', { isDemonstration: true }],
  ['open major hazard', 'major', { hasOpenMajorHazard: true }],
];

describe.runIf(isDbAvailable())(`county view, rare filters: plans and pages (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    await insertCountyEnterprises(kysely, {
      county,
      count: enterprises,
      townOf,
      indicator: (i) => ({ is_demonstration: demonstration(i), open_major_hazards: openMajor(i), stop_work_in_force: stopWork(i) }),
    });
    await analyzeAsProduction(kysely);
  });
  afterAll(async () => close?.());

  const table = dialect === 'sqlite' ? 'i' : 'enterprise_indicator';
  const views: [string, Scope, IndicatorFilter, string, string[]][] = [
    ['the county', { countyCode: county, townCode: null }, {}, 'enterprise_indicator', ['county_code']],
    ["a town's regulator", { countyCode: county, townCode: town }, {}, 'enterprise_indicator_town', ['county_code', 'town_code']],
    ['the county filtering by a town', { countyCode: county, townCode: null }, { townCode: town }, 'enterprise_indicator_town', ['county_code', 'town_code']],
  ];

  for (const [filterName, flag, filter] of filters) {
    for (const [who, scope, townFilter, prefix, bound] of views) {
      for (const column of Object.values(sortColumns)) {
        const order = column === 'name' ? 'asc' : 'desc';
        const index = `${prefix}_${flag}_${column}_idx`;
        it(`${filterName}, ${who}, by ${column}: page 1 and a deep page read one range of ${index} in page order`, async () => {
          const f = { ...filter, ...townFilter };
          expectIndexPage(await planOf(kysely, dialect, table, (db) => listIndicators(db, scope, f, { column, order, limit: 51 })), index, bound);
          const rows = await listIndicators(kysely, scope, f, { column, order, limit: 200 });
          const middle = rows[Math.floor(rows.length / 2)] as Record<string, unknown>;
          const deep = await planOf(kysely, dialect, table, (db) => listIndicators(db, scope, f, { column, order, limit: 51, after: { value: middle[column] as string | number, id: middle.enterprise_id as string } }));
          expectIndexPage(deep, index, bound);
          expect(deep.access, deep.text).toContain(`(${column},enterprise_id)`);
        });
      }
    }
  }

  it('each rare filter, the county and one town, in two sorts: the pages join up to exactly the matching enterprises, in order', async () => {
    const all = await kysely.selectFrom('enterprise_indicator').selectAll().execute();
    const matches: Record<string, (r: (typeof all)[number]) => boolean> = {
      stop: (r) => Number(r.stop_work_in_force) > 0,
      demo: (r) => Number(r.is_demonstration) === 1,
      major: (r) => Number(r.open_major_hazards) > 0,
    };
    for (const [, flag, filter] of filters) {
      for (const scope of [{ countyCode: county, townCode: null }, { countyCode: county, townCode: town }]) {
        for (const [column, order] of [['open_major_hazards', 'desc'], ['name', 'asc']] as [SortColumn, 'asc' | 'desc'][]) {
          const key = (r: Record<string, unknown>) => [r[column] as string | number, r.enterprise_id as string] as const;
          const cmp = (a: Record<string, unknown>, b: Record<string, unknown>) => {
            const [av, ai] = key(a);
            const [bv, bi] = key(b);
            const c = av < bv ? -1 : av > bv ? 1 : ai < bi ? -1 : ai > bi ? 1 : 0;
            return order === 'asc' ? c : -c;
          };
          const expected = all.filter((r) => matches[flag]?.(r) && (!scope.townCode || r.town_code === scope.townCode)).sort(cmp).map((r) => r.enterprise_id);
          expect(expected.length).toBeGreaterThan(scope.townCode ? 1 : 40);
          const seen: string[] = [];
          let after: { value: string | number; id: string } | undefined;
          for (let i = 0; i < 200; i++) {
            const page = await listIndicators(kysely, scope, filter, { column, order, limit: 7, after });
            seen.push(...page.map((r) => r.enterprise_id));
            const last = page.at(-1) as Record<string, unknown> | undefined;
            if (page.length < 7 || !last) break;
            after = { value: key(last)[0], id: key(last)[1] };
          }
          expect(seen, `${flag} ${scope.townCode ?? 'county'} ${column}`).toEqual(expected);
        }
      }
    }
  });
});
