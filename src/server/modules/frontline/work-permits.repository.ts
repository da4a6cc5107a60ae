/* The only Kysely user of the permit slice. Events, gas readings and pre-work ticks are insert-only. */
import type { WorkPermitEventTable, WorkPermitGasReadingTable, WorkPermitPreworkTable, WorkPermitTable } from '../../db/database.js';
import { afterKey } from '../../db/keyset.js';
import type { Executor } from '../../db/with-transaction.js';

export async function insertPermit(db: Executor, row: WorkPermitTable): Promise<void> {
  await db.insertInto('work_permit').values(row).execute();
}

export function findPermit(db: Executor, enterpriseId: string, id: string): Promise<WorkPermitTable | undefined> {
  return db.selectFrom('work_permit').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

/** Locks nothing on SQLite (one writer at a time); on PostgreSQL the row, so two starts serialise. */
export function findPermitForUpdate(db: Executor, enterpriseId: string, id: string, isPostgres: boolean): Promise<WorkPermitTable | undefined> {
  const q = db.selectFrom('work_permit').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id);
  return (isPostgres ? q.forUpdate() : q).executeTakeFirst();
}

/** Newest first, keyset-paged on work_permit_list_idx / work_permit_status_page_idx (list-plans.int.test.ts). */
export function listPermits(db: Executor, enterpriseId: string, filter: { status?: string; after?: { at: string; id: string }; limit: number }): Promise<WorkPermitTable[]> {
  let q = db.selectFrom('work_permit').selectAll().where('enterprise_id', '=', enterpriseId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.after) q = q.where(afterKey('created_at', 'id', filter.after, 'desc'));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** Moves the state only from the state the caller saw: a concurrent move makes this a no-op (false). */
export async function updatePermitStatus(db: Executor, enterpriseId: string, id: string, from: string, to: string, set: { started_at?: string; ended_at?: string }): Promise<boolean> {
  const r = await db
    .updateTable('work_permit')
    .set({ status: to, ...set })
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertEvent(db: Executor, row: WorkPermitEventTable): Promise<void> {
  await db.insertInto('work_permit_event').values(row).execute();
}

export function listEvents(db: Executor, permitId: string): Promise<WorkPermitEventTable[]> {
  return db.selectFrom('work_permit_event').selectAll().where('permit_id', '=', permitId).orderBy('at').orderBy('id').execute();
}

export async function insertGasReading(db: Executor, row: WorkPermitGasReadingTable): Promise<void> {
  await db.insertInto('work_permit_gas_reading').values(row).execute();
}

export function listGasReadings(db: Executor, permitId: string): Promise<WorkPermitGasReadingTable[]> {
  return db.selectFrom('work_permit_gas_reading').selectAll().where('permit_id', '=', permitId).orderBy('measured_at').orderBy('id').execute();
}

export async function insertPrework(db: Executor, row: WorkPermitPreworkTable): Promise<void> {
  await db.insertInto('work_permit_prework').values(row).execute();
}

export function listPrework(db: Executor, permitId: string): Promise<WorkPermitPreworkTable[]> {
  return db.selectFrom('work_permit_prework').selectAll().where('permit_id', '=', permitId).orderBy('recorded_at').orderBy('id').execute();
}

/** Live people of the enterprise among `ids` (archived or foreign ones are simply absent). */
export function findLivePeople(db: Executor, enterpriseId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', [...ids]).where('archived_at', 'is', null).execute();
}

export function findPeopleNames(db: Executor, enterpriseId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', [...ids]).execute();
}

export function findLiveRow(db: Executor, table: 'area' | 'post', enterpriseId: string, id: string) {
  return db.selectFrom(table).select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
}

/** Accepted risks of a post, or placed in an area, with their measures (for pre-filling a permit). */
export async function findPlaceRisks(db: Executor, enterpriseId: string, place: { postId?: string; areaId?: string }) {
  if (!place.postId && !place.areaId) return [];
  let q = db
    .selectFrom('risk')
    .select(['id', 'object_name', 'causes', 'accident_type_codes', 'is_non_routine', 'responsible_person_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'accepted')
    .where('archived_at', 'is', null);
  q = q.where((eb) => eb.or([...(place.postId ? [eb('post_id', '=', place.postId)] : []), ...(place.areaId ? [eb('area_id', '=', place.areaId)] : [])]));
  return q.orderBy('is_non_routine', 'desc').orderBy('created_at').execute();
}

export function findMeasuresOf(db: Executor, enterpriseId: string, riskIds: readonly string[]) {
  if (riskIds.length === 0) return Promise.resolve([] as { risk_id: string; text: string; phase: string | null }[]);
  return db
    .selectFrom('control_measure')
    .select(['risk_id', 'text', 'phase'])
    .where('enterprise_id', '=', enterpriseId)
    .where('risk_id', 'in', [...riskIds])
    .where('archived_at', 'is', null)
    .orderBy('position')
    .execute();
}

export function findCallerPersonId(db: Executor, enterpriseId: string, userId: string) {
  return db.selectFrom('membership').select('person_id').where('enterprise_id', '=', enterpriseId).where('user_id', '=', userId).executeTakeFirst();
}
