/* Consultancies, their members, engagements and the engagement's insert-only records (seed 002). */
import { sql } from 'kysely';
import { afterKey } from '../../db/keyset.js';
import { signatureInForce } from '../../platform/sign-off/sign-off.repository.js';
import type {
  ConsultancyMemberTable,
  ConsultancyTable,
  EngagementEventTable,
  EngagementFindingTable,
  EngagementReportTable,
  EngagementTable,
  EngagementVisitTable,
} from '../../db/tables/consultancy-tables.js';
import type { Executor } from '../../db/with-transaction.js';

export async function insertConsultancy(db: Executor, row: ConsultancyTable, members: ConsultancyMemberTable[]): Promise<void> {
  await db.insertInto('consultancy').values(row).execute();
  if (members.length) await db.insertInto('consultancy_member').values(members).execute();
}

export function findConsultancyByName(db: Executor, name: string) {
  return db.selectFrom('consultancy').select('id').where('name', '=', name).executeTakeFirst();
}

/** One page of the installation's consultancies in name order: names are unique, so the name alone is the key (its unique index). */
export function listConsultancies(db: Executor, page: { after?: { at: string; id: string }; limit: number }) {
  let q = db.selectFrom('consultancy').selectAll();
  if (page.after) q = q.where('name', '>', page.after.at);
  return q.orderBy('name').limit(page.limit).execute();
}

export function listMembers(db: Executor, consultancyIds: string[]) {
  if (!consultancyIds.length) return Promise.resolve([]);
  return db
    .selectFrom('consultancy_member as m')
    .innerJoin('user as u', 'u.id', 'm.user_id')
    .select(['m.consultancy_id', 'm.user_id', 'm.is_lead', 'u.display_name', 'u.username'])
    .where('m.consultancy_id', 'in', consultancyIds)
    .orderBy('u.display_name')
    .execute();
}

export async function insertMember(db: Executor, row: ConsultancyMemberTable): Promise<boolean> {
  const r = await db.insertInto('consultancy_member').values(row).onConflict((oc) => oc.columns(['consultancy_id', 'user_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** One page of a consultancy's engagements, newest first, by engagement_consultancy_page_idx. */
export function listEngagementsOfConsultancy(db: Executor, consultancyId: string, page: { after?: { at: string; id: string }; limit: number }) {
  let q = engagementColumns(db).where('g.consultancy_id', '=', consultancyId);
  if (page.after) q = q.where(afterKey('g.created_at', 'g.id', page.after, 'desc'));
  return q.orderBy('g.created_at', 'desc').orderBy('g.id', 'desc').limit(page.limit).execute();
}

export async function isConsultancyMember(db: Executor, userId: string): Promise<boolean> {
  return (await db.selectFrom('consultancy_member').select('user_id').where('user_id', '=', userId).limit(1).executeTakeFirst()) !== undefined;
}

export async function firstConsultancyOfMember(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('consultancy_member as m').innerJoin('consultancy as c', 'c.id', 'm.consultancy_id').select('c.id').where('m.user_id', '=', userId).orderBy('c.name').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export function findConsultancy(db: Executor, id: string) {
  return db.selectFrom('consultancy').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The engagement and one engagement_team row per member of its team (the team is set once, at the start). */
export async function insertEngagement(db: Executor, row: EngagementTable): Promise<void> {
  await db.insertInto('engagement').values(row).execute();
  const team = [...new Set(JSON.parse(row.team_user_ids) as string[])];
  if (team.length) await db.insertInto('engagement_team').values(team.map((user_id) => ({ engagement_id: row.id, user_id }))).execute();
}

/** The live (not ended) engagement of a consultancy in an enterprise: one at most (engagement_live_uq). */
export function findLiveEngagementOfConsultancy(db: Executor, consultancyId: string, enterpriseId: string) {
  return db.selectFrom('engagement').select('id').where('consultancy_id', '=', consultancyId).where('enterprise_id', '=', enterpriseId).where('ended_at', 'is', null).executeTakeFirst();
}

const engagementColumns = (db: Executor) =>
  db
    .selectFrom('engagement as g')
    .innerJoin('consultancy as c', 'c.id', 'g.consultancy_id')
    .innerJoin('enterprise as e', 'e.id', 'g.enterprise_id')
    .selectAll('g')
    .select(['c.name as consultancy_name', 'e.name as enterprise_name']);

/**
 * The engagements a consultant works on: in its team (engagement_team_pk, led by the user), or every one
 * of a consultancy it leads (engagement_consultancy_idx) — the user's few, sorted by enterprise name.
 */
export async function listEngagementsOfUser(db: Executor, userId: string) {
  const led = await db.selectFrom('consultancy_member').select('consultancy_id').where('user_id', '=', userId).where('is_lead', '=', 1).execute();
  // One set of ids (a union), not an OR of two conditions: PostgreSQL applied the OR as a filter over every engagement.
  return engagementColumns(db)
    .where((eb) => {
      const team = eb.selectFrom('engagement_team as t').select('t.engagement_id').where('t.user_id', '=', userId);
      const ids = led.length ? team.union(eb.selectFrom('engagement as l').select('l.id as engagement_id').where('l.consultancy_id', 'in', led.map((m) => m.consultancy_id))) : team;
      return eb('g.id', 'in', ids);
    })
    .orderBy('e.name')
    .execute();
}

/** Sets the end once (false: not this enterprise's, or ended already). */
export async function endEngagement(db: Executor, enterpriseId: string, id: string, patch: { ended_at: string; ended_by_user_id: string }): Promise<boolean> {
  const r = await db.updateTable('engagement').set(patch).where('id', '=', id).where('enterprise_id', '=', enterpriseId).where('ended_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function listEngagementsOfEnterprise(db: Executor, enterpriseId: string) {
  return engagementColumns(db).where('g.enterprise_id', '=', enterpriseId).orderBy('g.created_at').execute();
}

export function findEngagement(db: Executor, id: string) {
  return engagementColumns(db).where('g.id', '=', id).executeTakeFirst();
}

export async function updatePhase(db: Executor, id: string, fromPhase: number, patch: { phase: number; phase_started_at: string; completed_at: string | null }): Promise<boolean> {
  const r = await db.updateTable('engagement').set(patch).where('id', '=', id).where('phase', '=', fromPhase).where('completed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertEvent(db: Executor, row: EngagementEventTable): Promise<void> {
  await db.insertInto('engagement_event').values(row).execute();
}

export function listEvents(db: Executor, engagementIds: string[]) {
  if (!engagementIds.length) return Promise.resolve([]);
  return db.selectFrom('engagement_event').selectAll().where('engagement_id', 'in', engagementIds).orderBy('at').execute();
}

export async function insertReport(db: Executor, row: EngagementReportTable): Promise<void> {
  await db.insertInto('engagement_report').values(row).execute();
}

export function listReports(db: Executor, engagementId: string) {
  return db.selectFrom('engagement_report').select(['id', 'kind', 'generated_at']).where('engagement_id', '=', engagementId).orderBy('generated_at').execute();
}

export function findReport(db: Executor, id: string) {
  return db.selectFrom('engagement_report').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertVisit(db: Executor, row: EngagementVisitTable): Promise<void> {
  await db.insertInto('engagement_visit').values(row).execute();
}

export function listVisits(db: Executor, engagementId: string) {
  return db.selectFrom('engagement_visit').selectAll().where('engagement_id', '=', engagementId).orderBy('visited_on').orderBy('recorded_at').execute();
}

export function findVisit(db: Executor, enterpriseId: string, id: string) {
  return db.selectFrom('engagement_visit').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

/**
 * A page of the enterprise's visits, newest first by (visited_on, id): one range of
 * engagement_visit_page_idx, or, `pending` (no confirmation in force), of the partial
 * engagement_visit_pending_page_idx (is_confirmed = 0).
 */
export function listVisitsOfEnterprise(db: Executor, enterpriseId: string, q: { pending?: boolean; after?: { at: string; id: string }; limit: number }) {
  let query = db
    .selectFrom('engagement_visit as v')
    .innerJoin('engagement as g', 'g.id', 'v.engagement_id')
    .innerJoin('consultancy as c', 'c.id', 'g.consultancy_id')
    .selectAll('v')
    .select('c.name as consultancy_name')
    .where('v.enterprise_id', '=', enterpriseId);
  if (q.pending) query = query.where('v.is_confirmed', '=', 0);
  if (q.after) query = query.where(afterKey('v.visited_on', 'v.id', q.after, 'desc'));
  return query.orderBy('v.visited_on', 'desc').orderBy('v.id', 'desc').limit(q.limit).execute();
}

/**
 * Sets the visit's is_confirmed from its sign-off entries (sign-off's one in-force predicate for the
 * subject and role): called by the visit's afterSign hook in the sign-off's transaction.
 */
export async function refreshVisitConfirmation(db: Executor, enterpriseId: string, visitId: string, subject: { subjectType: string; role: string }): Promise<void> {
  const inForce = signatureInForce({ enterpriseId, subjectType: subject.subjectType, subjectId: sql.ref('engagement_visit.id'), role: subject.role });
  await db
    .updateTable('engagement_visit')
    .set((eb) => ({ is_confirmed: eb.case().when(inForce).then(1).else(0).end() }))
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', visitId)
    .execute();
}

/** The enterprise's people whose login holds one of the roles (who confirms a visit). */
export function listPeopleInRoles(db: Executor, enterpriseId: string, roles: readonly string[]) {
  return db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select(['person.id', 'person.name'])
    .distinct()
    .where('membership.enterprise_id', '=', enterpriseId)
    .where('person.enterprise_id', '=', enterpriseId)
    .where('membership.role', 'in', [...roles])
    .where('person.archived_at', 'is', null)
    .orderBy('person.name')
    .orderBy('person.id')
    .execute();
}

export async function insertFinding(db: Executor, row: EngagementFindingTable): Promise<void> {
  await db.insertInto('engagement_finding').values(row).onConflict((oc) => oc.doNothing()).execute();
}

export function listFindings(db: Executor, engagementIds: string[]) {
  if (!engagementIds.length) return Promise.resolve([]);
  return db.selectFrom('engagement_finding').selectAll().where('engagement_id', 'in', engagementIds).orderBy('created_at').execute();
}
