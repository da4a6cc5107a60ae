/* Enterprises of one county with their indicator rows, for the county view's plan tests
 * (oversight/county-plans.int.test.ts, county-filter-plans.int.test.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { EnterpriseIndicatorTable } from '../../db/tables/oversight-tables.js';
import { newId } from '../../platform/ids.js';

/** `count` enterprises named 企业00000…, in `county`; enterprise i's indicator row is the default below with `indicator(i)` over it. */
export async function insertCountyEnterprises(
  kysely: Kysely<Database>,
  options: { county: string; count: number; townOf: (i: number) => string; indicator?: (i: number) => Partial<EnterpriseIndicatorTable> },
): Promise<void> {
  const { county, count, townOf } = options;
  const at = '2026-12-01T00:00:00.000Z';
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const i = start + k;
      return { i, id: newId(), name: `企业${String(i).padStart(5, '0')}` };
    });
    await kysely
      .insertInto('enterprise')
      .values(rows.map((r) => ({ id: r.id, name: r.name, credit_code: `CC${String(r.i).padStart(16, '0')}`, industry: 'machinery', region_code: county, address: '济南', headcount: 10, revenue_cny: 1, size_class: 'small', principal_name: '负责人', principal_phone: null, time_zone: 'Asia/Shanghai', created_at: at, updated_at: at, archived_at: null })))
      .execute();
    await kysely
      .insertInto('enterprise_indicator')
      .values(
        rows.map(({ i, id, name }) => ({
          enterprise_id: id, county_code: county, town_code: townOf(i), name, industry: 'machinery', size_class: 'small', is_demonstration: 0,
          posts_major: 0, posts_significant: 0, open_hazards: i % 37, overdue_hazards: i % 11, open_major_hazards: i % 3, stop_work_in_force: 0, inspection_completion: -1, training_compliance: -1,
          sa_score: (i * 7) % 1000, sa_grade: '', supervision_grade: ['A', 'B', 'C', 'D'][i % 4] as string, grade_reasons: '[]', facts: '{}',
          last_activity_at: new Date(Date.parse(at) - (i % 97) * 3_600_000).toISOString(), refreshed_at: at,
          ...options.indicator?.(i),
        })),
      )
      .execute();
  }
}
