/* Reports to the county bureau, their acknowledgements, the remediation evaluations; and the
 * cross-enterprise reads of the regulator's overview (every query names the enterprises the user is linked to). */
import { sql, type SqlBool } from 'kysely';
import type { BureauReportAckTable, BureauReportTable, RemediationEvaluationTable } from '../../db/tables/oversight-tables.js';
import { enterpriseBesideKey, sqliteIndexedBy } from '../../db/text-search.js';
import type { Executor } from '../../db/with-transaction.js';
import { inboxScopeOf, scopeEnterpriseIds, type Scope } from './county.repository.js';
import { type InboxBound, type InboxSource, sourcePage } from './inbox-page.js';

export async function insertReportOnce(db: Executor, row: Omit<BureauReportTable, 'county_code' | 'town_code'>): Promise<boolean> {
  const existing = await db.selectFrom('bureau_report').select('id').where('hazard_id', '=', row.hazard_id).where('kind', '=', row.kind).executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto('bureau_report')
    .values({ ...row, ...inboxScopeOf(db, row.enterprise_id) })
    .execute();
  return true;
}

export function findReport(db: Executor, id: string) {
  return db.selectFrom('bureau_report').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reports of the enterprises named, and (for a regulator with a jurisdiction) of every enterprise of its county or town. */
export function listReports(db: Executor, enterpriseIds: string[], hazardId?: string, scope?: Scope | null) {
  if (!enterpriseIds.length && !scope) return Promise.resolve([]);
  // A hazard's reports (its page) are read by the hazard's key (hazard_id, kind): the enterprise column
  // beside it goes unindexed on SQLite, which would walk every report of the enterprise (enterpriseBesideKey).
  const enterprise = hazardId ? enterpriseBesideKey(db, 'r.enterprise_id') : sql.ref<string>('r.enterprise_id');
  let query = db
    .selectFrom('bureau_report as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterprise_id')
    .leftJoin('user as u', 'u.id', 'r.reported_by_user_id')
    .selectAll('r')
    .select(['e.name as enterprise_name', 'u.display_name as reported_by_name'])
    .where((eb) =>
      eb.or([
        ...(enterpriseIds.length ? [eb(enterprise, 'in', enterpriseIds)] : []),
        ...(scope ? [eb(enterprise, 'in', scopeEnterpriseIds(db, scope))] : []),
      ]),
    );
  if (hazardId) query = query.where('r.hazard_id', '=', hazardId);
  return query.orderBy('r.reported_at', 'desc').orderBy('r.id', 'desc').limit(500).execute();
}

/**
 * One source of the regulator's inbox, newest first by (reported_at, id): the reports of its scope (one
 * range of bureau_report_county_page_idx, or _town_page_idx for a town) or of one linked enterprise
 * (bureau_report_enterprise_page_idx). The service merges the sources of a user who has several (inboxPage).
 */
export function listReportPage(db: Executor, source: InboxSource, page: InboxBound) {
  const query = db
    .selectFrom('bureau_report as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterprise_id')
    .leftJoin('user as u', 'u.id', 'r.reported_by_user_id')
    .selectAll('r')
    .select(['e.name as enterprise_name', 'u.display_name as reported_by_name']);
  return sourcePage(query, 'r', 'reported_at', source, page).execute();
}

export async function listAcks(db: Executor, reportIds: string[]) {
  if (!reportIds.length) return [];
  return db
    .selectFrom('bureau_report_ack as a')
    .leftJoin('user as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select('u.display_name as user_name')
    .where('a.report_id', 'in', reportIds)
    .orderBy('a.acknowledged_at')
    .execute();
}

export async function insertAckOnce(db: Executor, row: BureauReportAckTable): Promise<boolean> {
  const existing = await db.selectFrom('bureau_report_ack').select('id').where('report_id', '=', row.report_id).where('user_id', '=', row.user_id).executeTakeFirst();
  if (existing) return false;
  await db.insertInto('bureau_report_ack').values(row).execute();
  return true;
}

/** Enterprises where the user holds one of the roles, with the role. */
export function listLinkedEnterprises(db: Executor, userId: string, roles: string[]) {
  return db
    .selectFrom('membership as m')
    .innerJoin('enterprise as e', 'e.id', 'm.enterprise_id')
    .select(['e.id', 'e.name', 'e.industry', 'e.region_code', 'e.size_class', 'm.role'])
    .where('m.user_id', '=', userId)
    .where('m.role', 'in', roles)
    .where('e.archived_at', 'is', null)
    .orderBy('e.name')
    .execute();
}

export function listRegulatorUserIds(db: Executor, enterpriseId: string) {
  return db.selectFrom('membership').select('user_id').where('enterprise_id', '=', enterpriseId).where('role', '=', 'regulator').execute();
}

export function findEnterpriseRegion(db: Executor, enterpriseId: string) {
  return db.selectFrom('enterprise').select(['name', 'region_code']).where('id', '=', enterpriseId).executeTakeFirst();
}

export async function insertEvaluation(db: Executor, row: RemediationEvaluationTable): Promise<void> {
  await db.insertInto('remediation_evaluation').values(row).execute();
}

export function listEvaluations(db: Executor, enterpriseId: string, hazardId: string) {
  return db
    .selectFrom('remediation_evaluation as v')
    .leftJoin('user as u', 'u.id', 'v.recorded_by_user_id')
    .selectAll('v')
    .select('u.display_name as recorded_by_name')
    .where('v.enterprise_id', '=', enterpriseId)
    .where('v.hazard_id', '=', hazardId)
    .orderBy('v.recorded_at')
    .execute();
}

/**
 * Per enterprise, how many of its reports the user has not acknowledged — all of them, not a page: a few
 * major-hazard reports a year each, counted from bureau_report_enterprise_page_idx and the ack's unique key.
 */
export async function countUnacknowledged(db: Executor, enterpriseIds: string[], userId: string) {
  if (!enterpriseIds.length) return [];
  return db
    .selectFrom('bureau_report as r')
    .select(['r.enterprise_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.enterprise_id', 'in', enterpriseIds)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('bureau_report_ack as a').select('a.id').whereRef('a.report_id', '=', 'r.id').where('a.user_id', '=', userId))))
    .groupBy('r.enterprise_id')
    .execute();
}

export async function countOpenHazards(db: Executor, enterpriseIds: string[]) {
  if (!enterpriseIds.length) return [];
  // SQLite, which runs without planner statistics, would take hazard_measure_idx (every hazard of the
  // enterprises) over the partial index: INDEXED BY names it. PostgreSQL's reference is unchanged.
  const table = sqliteIndexedBy(db, 'hazard', 'hazard_owed_page_idx');
  return db
    .selectFrom(table)
    .select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(eb.case().when('grade', '=', 'major').then(1).else(0).end()).as('major')])
    .where('enterprise_id', 'in', enterpriseIds)
    // The literal term of the partial index of open hazards (hazard_owed_page_idx): the closed ones,
    // most of an enterprise's hazards, are not read at all (a bound list would not match its WHERE).
    .where(sql<SqlBool>`hazard.status not in ('closed', 'rejected')`)
    .groupBy('enterprise_id')
    .execute();
}

export async function countPostLevels(db: Executor, enterpriseIds: string[]) {
  if (!enterpriseIds.length) return [];
  return db
    .selectFrom('post')
    .select(['enterprise_id', 'level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('enterprise_id', 'in', enterpriseIds)
    .where('archived_at', 'is', null)
    .groupBy(['enterprise_id', 'level'])
    .execute();
}
