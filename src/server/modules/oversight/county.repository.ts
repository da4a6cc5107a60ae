/* The county view's tables: jurisdictions, towns and the precomputed enterprise figures. The list
 * reads enterprise_indicator alone — one query, led by county_code on an index ending in the sort
 * column and the id (migration 202612070600). */
import { sql, type SqlBool } from 'kysely';
import type { EnterpriseIndicatorTable, OversightJurisdictionTable } from '../../db/tables/oversight-tables.js';
import { sqliteIndexedBy } from '../../db/text-search.js';
import type { Executor } from '../../db/with-transaction.js';

export interface Scope {
  countyCode: string;
  townCode: string | null;
}

export interface IndicatorFilter {
  townCode?: string;
  industry?: string;
  sizeClass?: string;
  hasOpenMajorHazard?: boolean;
  hasOverdueHazard?: boolean;
  hasStopWork?: boolean;
  supervisionGrade?: string;
  isDemonstration?: boolean;
}

export const sortColumns = {
  name: 'name',
  openHazards: 'open_hazards',
  overdueHazards: 'overdue_hazards',
  openMajorHazards: 'open_major_hazards',
  selfAssessmentScore: 'sa_score',
  lastActivityAt: 'last_activity_at',
  supervisionGrade: 'supervision_grade',
} as const;
export type SortColumn = (typeof sortColumns)[keyof typeof sortColumns];
export const numericSortColumns: ReadonlySet<SortColumn> = new Set(['open_hazards', 'overdue_hazards', 'open_major_hazards', 'sa_score']);

export function findJurisdiction(db: Executor, userId: string) {
  return db.selectFrom('oversight_jurisdiction').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function upsertJurisdiction(db: Executor, row: OversightJurisdictionTable): Promise<void> {
  await db
    .insertInto('oversight_jurisdiction')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ county_code: row.county_code, town_code: row.town_code }))
    .execute();
}

export function listTowns(db: Executor, countyCode: string) {
  return db.selectFrom('oversight_town').select(['code', 'name']).where('county_code', '=', countyCode).orderBy('code').execute();
}

export function findTown(db: Executor, code: string) {
  return db.selectFrom('oversight_town').selectAll().where('code', '=', code).executeTakeFirst();
}

/** false when the code exists already (the caller answers 409). */
export async function insertTownOnce(db: Executor, row: { code: string; county_code: string; name: string; created_at: string }): Promise<boolean> {
  const result = await db.insertInto('oversight_town').values(row).onConflict((oc) => oc.column('code').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The indicator row with its town; the scope is checked by the caller's where clause. */
export function findIndicator(db: Executor, enterpriseId: string) {
  return db.selectFrom('enterprise_indicator').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}

type Figures = Omit<EnterpriseIndicatorTable, 'town_code' | 'is_demonstration'>;

/** Writes the figures and keeps what the county set by hand (town, demonstration). */
export async function upsertFigures(db: Executor, row: Figures): Promise<void> {
  const { enterprise_id: _id, ...figures } = row;
  await db
    .insertInto('enterprise_indicator')
    .values({ ...row, town_code: '', is_demonstration: 0 })
    .onConflict((oc) => oc.column('enterprise_id').doUpdateSet(figures))
    .execute();
  // The regulator inboxes' copy of the scope: set on the enterprise's first row, moved with its county.
  const townOf = db.selectFrom('enterprise_indicator').select('town_code').where('enterprise_id', '=', row.enterprise_id);
  for (const table of inboxTables) {
    await db
      .updateTable(table as 'bureau_report')
      .set({ county_code: row.county_code, town_code: townOf })
      .where('enterprise_id', '=', row.enterprise_id)
      .where((eb) => eb.or([eb('county_code', 'is', null), eb('county_code', '!=', row.county_code)]))
      .execute();
  }
}

/** The rows the regulator inboxes page by scope (their county_code and town_code copy enterprise_indicator's). */
const inboxTables = ['bureau_report', 'statistics_submission'] as const;

export async function setAssignment(db: Executor, enterpriseId: string, patch: { town_code?: string; is_demonstration?: number; supervision_grade?: string; grade_reasons?: string }): Promise<void> {
  await db.updateTable('enterprise_indicator').set(patch).where('enterprise_id', '=', enterpriseId).execute();
  const townCode = patch.town_code;
  if (townCode !== undefined) for (const table of inboxTables) await db.updateTable(table as 'bureau_report').set({ town_code: townCode }).where('enterprise_id', '=', enterpriseId).execute();
}

/** The scope of an enterprise's new inbox row (county and town of its indicator row; null without one). */
export function inboxScopeOf(db: Executor, enterpriseId: string) {
  return {
    county_code: db.selectFrom('enterprise_indicator').select('county_code').where('enterprise_id', '=', enterpriseId),
    town_code: db.selectFrom('enterprise_indicator').select('town_code').where('enterprise_id', '=', enterpriseId),
  };
}

/** The partial indexes' predicates, as literals (a bound parameter would not match the index's WHERE). */
const rare = {
  stop: sql<SqlBool>`i.stop_work_in_force > 0`,
  demo: sql<SqlBool>`i.is_demonstration = 1`,
  major: sql<SqlBool>`i.open_major_hazards > 0`,
};

/**
 * SQLite's table reference for a rare filter's page: `INDEXED BY` its partial index for the sort
 * (migration 202612090058). The product runs no ANALYZE, and without statistics SQLite prefers the
 * county's index of the sort column to the partial index of `open_major_hazards > 0` (a range term it
 * also finds on enterprise_indicator_open_major_hazards_idx). PostgreSQL's reference is unchanged.
 */
function indicatorTable(db: Executor, town: string | undefined, filter: IndicatorFilter, column?: SortColumn) {
  const flag = filter.hasOpenMajorHazard ? 'major' : filter.hasStopWork ? 'stop' : filter.isDemonstration ? 'demo' : null;
  const table = 'enterprise_indicator as i' as const;
  if (!column || !flag) return table;
  return sqliteIndexedBy(db, table, `enterprise_indicator_${town ? 'town_' : ''}${flag}_${column}_idx`);
}

function scoped(db: Executor, scope: Scope, filter: IndicatorFilter, column?: SortColumn) {
  const town = scope.townCode ?? filter.townCode;
  let query = db.selectFrom(indicatorTable(db, town, filter, column)).leftJoin('oversight_town as t', 't.code', 'i.town_code').where('i.county_code', '=', scope.countyCode);
  if (scope.townCode && filter.townCode && filter.townCode !== scope.townCode) return query.where(sql<SqlBool>`1 = 0`);
  if (town) query = query.where('i.town_code', '=', town);
  if (filter.industry) query = query.where('i.industry', '=', filter.industry);
  if (filter.sizeClass) query = query.where('i.size_class', '=', filter.sizeClass);
  // The rare side of these three is one partial index per sort (migration 202612090058), matched by
  // the planner on these exact literal terms; the common side walks the sort's index.
  if (filter.hasOpenMajorHazard !== undefined) query = query.where(filter.hasOpenMajorHazard ? rare.major : sql<SqlBool>`i.open_major_hazards = 0`);
  if (filter.hasOverdueHazard !== undefined) query = query.where('i.overdue_hazards', filter.hasOverdueHazard ? '>' : '=', 0);
  if (filter.hasStopWork !== undefined) query = query.where(filter.hasStopWork ? rare.stop : sql<SqlBool>`i.stop_work_in_force = 0`);
  if (filter.supervisionGrade) query = query.where('i.supervision_grade', '=', filter.supervisionGrade);
  if (filter.isDemonstration !== undefined) query = query.where(filter.isDemonstration ? rare.demo : sql<SqlBool>`i.is_demonstration = 0`);
  return query;
}

/** One page of the county list: rows strictly after the cursor in (sort column, id) order. */
export function listIndicators(
  db: Executor,
  scope: Scope,
  filter: IndicatorFilter,
  page: { column: SortColumn; order: 'asc' | 'desc'; after?: { value: string | number; id: string }; limit: number },
) {
  let query = scoped(db, scope, filter, page.column).selectAll('i').select('t.name as town_name');
  if (page.after) {
    const op = sql.raw(page.order === 'desc' ? '<' : '>');
    query = query.where(sql<SqlBool>`(${sql.ref(`i.${page.column}`)}, ${sql.ref('i.enterprise_id')}) ${op} (${page.after.value}, ${page.after.id})`);
  }
  return query.orderBy(`i.${page.column}`, page.order).orderBy('i.enterprise_id', page.order).limit(page.limit).execute();
}

/** Ids of the enterprises in the scope (for the inbox's and late list's subqueries). */
export function scopeEnterpriseIds(db: Executor, scope: Scope) {
  return scoped(db, scope, {}).select('i.enterprise_id');
}

/** Enterprises whose figures are missing or older than `staleBefore` (the refresh job's second half). */
export function listStaleEnterprises(db: Executor, staleBefore: string, limit: number, countyCode?: string) {
  let query = db
    .selectFrom('enterprise as e')
    .leftJoin('enterprise_indicator as i', 'i.enterprise_id', 'e.id')
    .select(['e.id'])
    .where('e.archived_at', 'is', null)
    .where((eb) => eb.or([eb('i.enterprise_id', 'is', null), eb('i.refreshed_at', '<', staleBefore)]));
  if (countyCode) query = query.where('e.region_code', '=', countyCode);
  return query.orderBy('e.id').limit(limit).execute();
}

export function listRefreshedAt(db: Executor, enterpriseIds: string[]) {
  if (!enterpriseIds.length) return Promise.resolve([]);
  return db.selectFrom('enterprise_indicator').select(['enterprise_id', 'refreshed_at', 'county_code']).where('enterprise_id', 'in', enterpriseIds).execute();
}

/** Regulators whose jurisdiction covers the enterprise: its county's, and its town's. */
export async function listJurisdictionUserIds(db: Executor, enterpriseId: string, countyCode: string): Promise<string[]> {
  const town = (await findIndicator(db, enterpriseId))?.town_code ?? '';
  const rows = await db
    .selectFrom('oversight_jurisdiction')
    .select('user_id')
    .where('county_code', '=', countyCode)
    .where((eb) => eb.or([eb('town_code', 'is', null), ...(town ? [eb('town_code', '=', town)] : [])]))
    .execute();
  return rows.map((r) => r.user_id);
}

export function listIndicatorRows(db: Executor, enterpriseIds: string[]) {
  if (!enterpriseIds.length) return Promise.resolve([]);
  return db.selectFrom('enterprise_indicator as i').leftJoin('oversight_town as t', 't.code', 'i.town_code').selectAll('i').select('t.name as town_name').where('i.enterprise_id', 'in', enterpriseIds).execute();
}

/** Of these enterprises, those in the scope: the county by the enterprise's region, a town by its assignment. */
export async function enterprisesInScope(db: Executor, scope: Scope, enterpriseIds: string[]): Promise<string[]> {
  if (!enterpriseIds.length) return [];
  let query = db.selectFrom('enterprise as e').leftJoin('enterprise_indicator as i', 'i.enterprise_id', 'e.id').select('e.id').where('e.id', 'in', enterpriseIds).where('e.region_code', '=', scope.countyCode);
  if (scope.townCode) query = query.where('i.town_code', '=', scope.townCode);
  return (await query.execute()).map((r) => r.id);
}

/**
 * Regulators' logins with their jurisdictions, of one county or (null) all. Bounded by nature: a few
 * logins per county and town of the installation.
 */
export function listJurisdictions(db: Executor, countyCode: string | null) {
  let query = db
    .selectFrom('oversight_jurisdiction as j')
    .innerJoin('user as u', 'u.id', 'j.user_id')
    .leftJoin('oversight_town as t', 't.code', 'j.town_code')
    .select(['j.user_id', 'j.county_code', 'j.town_code', 't.name as town_name', 'u.username', 'u.display_name']);
  if (countyCode) query = query.where('j.county_code', '=', countyCode);
  // The county's own logins (no town) first on both databases (NULLs sort differently).
  return query.orderBy('j.county_code').orderBy(sql`coalesce(j.town_code, '')`).orderBy('u.username').execute();
}
