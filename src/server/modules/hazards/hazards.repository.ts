import { sql } from 'kysely';
import type {
  HazardEventTable,
  HazardTable,
  RectificationPlanTable,
  RemediationPlanTable,
  StopWorkTable,
} from '../../db/database.js';
import { precompiled } from '../../db/precompiled.js';
import type { Executor } from '../../db/with-transaction.js';

/** Inserts unless the client id is already known; race-safe through the unique key (DATA-MODEL invariant 5). */
/** Compiled once per set of columns (precompiled.ts): every hazard report runs it. */
export async function insertHazardOnce(db: Executor, row: HazardTable): Promise<boolean> {
  const columns = Object.keys(row) as (keyof HazardTable & string)[];
  const shape = columns.join(',');
  let insert = hazardInserts.get(shape);
  if (!insert) {
    insert = precompiled(columns, (d, values: HazardRow) =>
      d.insertInto('hazard').values(values as HazardTable).onConflict((oc) => oc.column('client_id').doNothing()).returning('id'),
    );
    hazardInserts.set(shape, insert);
  }
  return (await insert(db, row as HazardRow)).length > 0;
}

type HazardRow = Record<keyof HazardTable & string, string | number | null>;
const hazardInserts = new Map<string, (db: Executor, row: HazardRow) => Promise<unknown[]>>();

export function findHazardByClientId(db: Executor, clientId: string) {
  return db.selectFrom('hazard').select(['id', 'enterprise_id']).where('client_id', '=', clientId).executeTakeFirst();
}

export function findHazard(db: Executor, enterpriseId: string, hazardId: string): Promise<HazardTable | undefined> {
  return db.selectFrom('hazard').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', hazardId).executeTakeFirst();
}

/** Conditional update: applies only if the hazard is still in `fromStatus` (two acceptors at once → one wins). */
export async function updateHazardFrom(db: Executor, enterpriseId: string, hazardId: string, fromStatus: string, patch: Partial<HazardTable>): Promise<boolean> {
  const result = await db
    .updateTable('hazard')
    .set(patch)
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', hazardId)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A correction of the hazard's current view (issue 9 §9); the history keeps the old value in the event. */
export async function setHazardField(db: Executor, enterpriseId: string, hazardId: string, patch: Partial<HazardTable>): Promise<void> {
  await db.updateTable('hazard').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', hazardId).execute();
}

export async function liveRowExists(db: Executor, table: 'post' | 'area', enterpriseId: string, id: string): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export async function insertEvent(db: Executor, row: HazardEventTable): Promise<void> {
  await db.insertInto('hazard_event').values(row).execute();
}

export function listEvents(db: Executor, enterpriseId: string, hazardId: string) {
  return db
    .selectFrom('hazard_event')
    .leftJoin('user', 'user.id', 'hazard_event.actor_user_id')
    .select([
      'hazard_event.id',
      'hazard_event.action',
      'hazard_event.from_status',
      'hazard_event.to_status',
      'hazard_event.actor_user_id',
      'user.display_name as actor_name',
      'hazard_event.at',
      'hazard_event.data',
    ])
    .where('hazard_event.enterprise_id', '=', enterpriseId)
    .where('hazard_event.hazard_id', '=', hazardId)
    .orderBy('hazard_event.at')
    .orderBy('hazard_event.id')
    .execute();
}

/** The actor's person (membership.person_id) and that person's org unit — read-only, for the Art. 18 checks. */
export function findActorPerson(db: Executor, enterpriseId: string, userId: string) {
  return db
    .selectFrom('membership')
    .leftJoin('person', (j) => j.onRef('person.id', '=', 'membership.person_id').on('person.enterprise_id', '=', enterpriseId))
    .select(['membership.role', 'membership.person_id', 'person.org_unit_id'])
    .where('membership.enterprise_id', '=', enterpriseId)
    .where('membership.user_id', '=', userId)
    .executeTakeFirst();
}

/** A worker's person and the posts it holds, in one statement (the worker's hazard view). */
export async function findWorkerPosts(db: Executor, enterpriseId: string, userId: string): Promise<{ personId: string | null; postIds: string[] }> {
  const rows = await db
    .selectFrom('membership')
    .leftJoin('person_post', (j) => j.onRef('person_post.person_id', '=', 'membership.person_id').on('person_post.enterprise_id', '=', enterpriseId))
    .select(['membership.person_id', 'person_post.post_id'])
    .where('membership.enterprise_id', '=', enterpriseId)
    .where('membership.user_id', '=', userId)
    .execute();
  return { personId: rows[0]?.person_id ?? null, postIds: rows.flatMap((r) => (r.post_id ? [r.post_id] : [])) };
}

export function findPersonUnit(db: Executor, enterpriseId: string, personId: string) {
  return db
    .selectFrom('person')
    .leftJoin('org_unit', 'org_unit.id', 'person.org_unit_id')
    .select(['person.id', 'person.name', 'person.org_unit_id', 'org_unit.kind as org_unit_kind', 'person.archived_at'])
    .where('person.enterprise_id', '=', enterpriseId)
    .where('person.id', '=', personId)
    .executeTakeFirst();
}

export async function orgUnitParents(db: Executor, enterpriseId: string): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('org_unit').select(['id', 'parent_id']).where('enterprise_id', '=', enterpriseId).execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

/** The risk a control measure belongs to (read-only: the flag itself goes through the risk service). */
export async function findRiskIdOfMeasure(db: Executor, enterpriseId: string, measureId: string): Promise<string | null> {
  const row = await db
    .selectFrom('control_measure')
    .select('risk_id')
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', measureId)
    .executeTakeFirst();
  return row?.risk_id ?? null;
}

export async function placeExists(db: Executor, enterpriseId: string, table: 'area' | 'inspection_item', id: string): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

let attachmentTable: boolean | undefined;
/**
 * Photos come from the inspections feature's `attachment` table, built in parallel: check them
 * only once that table exists. Dialect branch: catalogue queries differ.
 */
export async function hasAttachmentTable(db: Executor, dialect: 'sqlite' | 'postgres'): Promise<boolean> {
  if (attachmentTable) return true;
  const found =
    dialect === 'postgres'
      ? (await sql<{ t: string | null }>`select to_regclass('attachment')::text as t`.execute(db)).rows[0]?.t
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'attachment'`.execute(db)).rows[0]?.name;
  attachmentTable = Boolean(found) || undefined;
  return Boolean(found);
}

export async function countAttachments(db: Executor, enterpriseId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await sql<{ n: string | number }>`select count(*) as n from attachment where enterprise_id = ${enterpriseId} and id in (${sql.join(ids)})`.execute(db);
  return Number(rows.rows[0]?.n ?? 0);
}

export function findRectificationPlan(db: Executor, enterpriseId: string, hazardId: string): Promise<RectificationPlanTable | undefined> {
  return db.selectFrom('rectification_plan').selectAll().where('enterprise_id', '=', enterpriseId).where('hazard_id', '=', hazardId).executeTakeFirst();
}

export async function upsertRectificationPlan(db: Executor, row: RectificationPlanTable): Promise<void> {
  const { hazard_id: _h, enterprise_id: _e, created_at: _c, ...rest } = row;
  await db.insertInto('rectification_plan').values(row).onConflict((oc) => oc.column('hazard_id').doUpdateSet(rest)).execute();
}

export function findRemediationPlan(db: Executor, enterpriseId: string, hazardId: string): Promise<RemediationPlanTable | undefined> {
  return db.selectFrom('remediation_plan').selectAll().where('enterprise_id', '=', enterpriseId).where('hazard_id', '=', hazardId).executeTakeFirst();
}

export async function upsertRemediationPlan(db: Executor, row: RemediationPlanTable): Promise<void> {
  const { hazard_id: _h, enterprise_id: _e, created_at: _c, ...rest } = row;
  await db.insertInto('remediation_plan').values(row).onConflict((oc) => oc.column('hazard_id').doUpdateSet(rest)).execute();
}

export async function setRemediationResult(db: Executor, enterpriseId: string, hazardId: string, result: string, at: string): Promise<void> {
  await db.updateTable('remediation_plan').set({ result, updated_at: at }).where('enterprise_id', '=', enterpriseId).where('hazard_id', '=', hazardId).execute();
}

export async function insertStopWork(db: Executor, row: StopWorkTable): Promise<void> {
  await db.insertInto('stop_work').values(row).execute();
}

/** Invariant 7: called only from acceptance. */
export async function liftStopWork(db: Executor, enterpriseId: string, hazardId: string, at: string, userId: string | null): Promise<string[]> {
  const open = await db
    .selectFrom('stop_work')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('hazard_id', '=', hazardId)
    .where('lifted_at', 'is', null)
    .execute();
  if (!open.length) return [];
  await db
    .updateTable('stop_work')
    .set({ lifted_at: at, lifted_by_user_id: userId })
    .where('enterprise_id', '=', enterpriseId)
    .where('hazard_id', '=', hazardId)
    .where('lifted_at', 'is', null)
    .execute();
  return open.map((r) => r.id);
}

export function listStopWork(db: Executor, enterpriseId: string, hazardId: string): Promise<StopWorkTable[]> {
  return db.selectFrom('stop_work').selectAll().where('enterprise_id', '=', enterpriseId).where('hazard_id', '=', hazardId).orderBy('stopped_at').execute();
}

export async function findUserOfPerson(db: Executor, enterpriseId: string, personId: string): Promise<string | null> {
  const row = await db.selectFrom('membership').select('user_id').where('enterprise_id', '=', enterpriseId).where('person_id', '=', personId).executeTakeFirst();
  return row?.user_id ?? null;
}

/** What the public report page may know of a post: its name and its enterprise's name — nothing else. */
export function findPostForPublicReport(db: Executor, postId: string) {
  return db
    .selectFrom('post')
    .innerJoin('enterprise', 'enterprise.id', 'post.enterprise_id')
    .select(['post.id as post_id', 'post.name as post_name', 'enterprise.id as enterprise_id', 'enterprise.name as enterprise_name'])
    .where('post.id', '=', postId)
    .where('post.archived_at', 'is', null)
    .executeTakeFirst();
}

/** Photos an anonymous report may name: sent through the public page, to this enterprise, since `since`. */
export async function countAnonymousAttachments(db: Executor, enterpriseId: string, ids: string[], since: string): Promise<number> {
  if (!ids.length) return 0;
  const row = await db
    .selectFrom('attachment')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .where('id', 'in', ids)
    .where('is_anonymous', '=', 1)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
