/* A campaign's progress in SQL (issue 17 §7: fast at 10,000 enterprises). One derived table gives each
 * enterprise of the jurisdiction its campaign facts — the assessment that counts (its first concluded on
 * the campaign's sheet since the campaign started, else the latest one in progress, else none, picked by
 * ROW_NUMBER), its findings open and closed, and whether it concluded by the deadline's end in its own
 * time zone (the few zones' ends are computed by the caller and passed as a CASE). The town totals are
 * one GROUP BY over it; the enterprise list is a keyset page over it in (name, id) order. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/with-transaction.js';
import type { OversightCampaignTable } from '../../db/tables/oversight-tables.js';
import { afterKey } from '../../db/keyset.js';
import { townsOf } from './campaign-scope.js';

export interface FactsScope {
  /** The caller's town (a town user), or the list's town filter. */
  townCode?: string | null;
  enterpriseId?: string;
  /** Deadline end (ISO instant) per enterprise time zone of the county. */
  deadlineEnds: Map<string, string>;
}

export interface ProgressRow {
  enterprise_id: string;
  name: string;
  town_code: string | null;
  assessment_id: string | null;
  result: string | null;
  concluded_at: string | null;
  status: 'not_started' | 'in_progress' | 'completed';
  is_on_time: number | boolean | null;
  findings_open: number | string | null;
  findings_closed: number | string | null;
}

export interface TownRow {
  town_code: string | null;
  enterprises: number | string;
  not_started: number | string | null;
  in_progress: number | string | null;
  completed: number | string | null;
  completed_on_time: number | string | null;
  findings_open: number | string | null;
  findings_closed: number | string | null;
  with_open_findings: number | string | null;
}

function facts(db: Executor, c: OversightCampaignTable, scope: FactsScope) {
  const inCounty = (q: Expression<string>) =>
    scope.enterpriseId ? sql<SqlBool>`${q} = ${scope.enterpriseId}` : sql<SqlBool>`${q} in (select e2.id from enterprise e2 where e2.region_code = ${c.county_code})`;
  const isConcluded = sql`(s.status = 'concluded' and s.concluded_at is not null)`;
  const chosen = db
    .selectFrom('self_assessment as s')
    .select(['s.id', 's.enterprise_id', 's.status', 's.result', 's.concluded_at', 's.finding_count'])
    .select(
      sql<number>`row_number() over (partition by s.enterprise_id order by case when ${isConcluded} then 0 else 1 end, case when ${isConcluded} then s.created_at end, s.created_at desc, s.id)`.as('rn'),
    )
    .where('s.sheet_ref', '=', c.sheet_ref)
    .where('s.created_at', '>=', c.created_at)
    .where(inCounty(sql.ref('s.enterprise_id')));
  const closed = db
    .selectFrom('standardization_action as a')
    .innerJoin('self_assessment as s2', 's2.id', 'a.assessment_id')
    .leftJoin('hazard as h', 'h.id', 'a.hazard_id')
    .select((eb) => ['a.assessment_id', eb.fn.countAll().as('n')])
    .where('s2.sheet_ref', '=', c.sheet_ref)
    .where('s2.created_at', '>=', c.created_at)
    .where(inCounty(sql.ref('s2.enterprise_id')))
    .where((w) => w.or([w.and([w('a.kind', '=', 'action'), w('a.status', '=', 'done')]), w.and([w('a.kind', '=', 'hazard'), w('h.status', '=', 'closed')])]))
    .groupBy('a.assessment_id');
  const done = sql`(ch.status = 'concluded' and ch.concluded_at is not null)`;
  const zones = [...scope.deadlineEnds];
  const deadlineEnd = zones.length
    ? sql`case e.time_zone ${sql.join(zones.map(([zone, end]) => sql`when ${zone} then ${end}`), sql` `)} end`
    : sql`null`;
  const found = sql`coalesce(ch.finding_count, 0)`;
  const closedCapped = sql`case when coalesce(f.n, 0) < ${found} then coalesce(f.n, 0) else ${found} end`;
  let q = db
    .selectFrom('enterprise as e')
    .leftJoin('enterprise_indicator as ei', 'ei.enterprise_id', 'e.id')
    .leftJoin(chosen.as('ch'), (j) => j.onRef('ch.enterprise_id', '=', 'e.id').on('ch.rn', '=', 1))
    .leftJoin(closed.as('f'), (j) => j.onRef('f.assessment_id', '=', 'ch.id'))
    .select(['e.id as enterprise_id', 'e.name', 'ch.id as assessment_id', 'ch.result', 'ch.concluded_at'])
    .select([
      sql<string | null>`nullif(ei.town_code, '')`.as('town_code'),
      sql<string>`case when ${done} then 'completed' when ch.id is not null then 'in_progress' else 'not_started' end`.as('status'),
      sql<number | null>`case when ${done} then case when ch.concluded_at <= ${deadlineEnd} then 1 else 0 end end`.as('is_on_time'),
      sql<number | null>`case when ${done} then ${found} - ${closedCapped} end`.as('findings_open'),
      sql<number | null>`case when ${done} then ${closedCapped} end`.as('findings_closed'),
    ])
    .where('e.region_code', '=', c.county_code);
  const towns = townsOf(c);
  if (towns.length) q = q.where('ei.town_code', 'in', towns);
  if (scope.townCode) q = q.where('ei.town_code', '=', scope.townCode);
  if (scope.enterpriseId) q = q.where('e.id', '=', scope.enterpriseId);
  return q;
}

/** Per town: one GROUP BY over the jurisdiction's enterprise facts. */
export function townTotals(db: Executor, c: OversightCampaignTable, scope: FactsScope): Promise<TownRow[]> {
  const n = (cond: string) => sql<number>`sum(case when ${sql.raw(cond)} then 1 else 0 end)`;
  return db
    .selectFrom(facts(db, c, scope).as('p'))
    .select([
      'p.town_code',
      (eb) => eb.fn.countAll().as('enterprises'),
      n("p.status = 'not_started'").as('not_started'),
      n("p.status = 'in_progress'").as('in_progress'),
      n("p.status = 'completed'").as('completed'),
      n("p.status = 'completed' and p.is_on_time = 1").as('completed_on_time'),
      sql<number>`sum(coalesce(p.findings_open, 0))`.as('findings_open'),
      sql<number>`sum(coalesce(p.findings_closed, 0))`.as('findings_closed'),
      n('p.findings_open > 0').as('with_open_findings'),
    ])
    .groupBy('p.town_code')
    .execute() as Promise<TownRow[]>;
}

export interface PageFilter {
  status?: ProgressRow['status'];
  findingsOpen?: boolean;
  after?: { name: string; id: string };
  limit: number;
}

/** One page of the enterprise list, rows strictly after the cursor in (name, id) order. */
export function enterprisePage(db: Executor, c: OversightCampaignTable, scope: FactsScope, filter: PageFilter): Promise<ProgressRow[]> {
  let q = db.selectFrom(facts(db, c, scope).as('p')).selectAll('p');
  if (filter.status) q = q.where('p.status', '=', filter.status);
  if (filter.findingsOpen) q = q.where('p.findings_open', '>', 0);
  if (filter.after) q = q.where(afterKey('p.name', 'p.enterprise_id', { at: filter.after.name, id: filter.after.id }, 'asc'));
  return q.orderBy('p.name').orderBy('p.enterprise_id').limit(filter.limit).execute() as Promise<ProgressRow[]>;
}
