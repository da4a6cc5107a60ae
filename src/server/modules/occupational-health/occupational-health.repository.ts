/* Queries of the operational registers and occupational health (the only Kysely user of their tables). */
import { afterKey } from '../../db/keyset.js';
import type { Executor } from '../../db/with-transaction.js';
import type { HealthExamTable, SpecialEquipmentInspectionTable } from '../../db/tables/operations-tables.js';

export async function timeZoneOf(db: Executor, enterpriseId: string): Promise<string> {
  return (await db.selectFrom('enterprise').select('time_zone').where('id', '=', enterpriseId).executeTakeFirst())?.time_zone ?? 'Asia/Shanghai';
}

export function findSpecialEquipment(db: Executor, enterpriseId: string, id: string) {
  return db.selectFrom('special_equipment').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

export function listLiveSpecialEquipment(db: Executor, enterpriseId: string) {
  return db.selectFrom('special_equipment').selectAll().where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).orderBy('created_at').orderBy('id').execute();
}

export async function insertInspection(db: Executor, row: SpecialEquipmentInspectionTable): Promise<void> {
  await db.insertInto('special_equipment_inspection').values(row).execute();
}

/** Inspections of the given items, latest first (by inspection day, then entry). */
export function listInspections(db: Executor, enterpriseId: string, equipmentIds: string[]) {
  if (!equipmentIds.length) return Promise.resolve([]);
  return db
    .selectFrom('special_equipment_inspection')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('special_equipment_id', 'in', equipmentIds)
    .orderBy('inspected_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertHealthExam(db: Executor, row: HealthExamTable): Promise<void> {
  await db.insertInto('health_exam').values(row).execute();
}

const examColumns = (db: Executor) => db.selectFrom('health_exam as h').innerJoin('person as p', 'p.id', 'h.person_id').selectAll('h').select('p.name as person_name');

export function findHealthExam(db: Executor, enterpriseId: string, id: string) {
  return examColumns(db).where('h.enterprise_id', '=', enterpriseId).where('h.id', '=', id).executeTakeFirst();
}
export type HealthExamRow = NonNullable<Awaited<ReturnType<typeof findHealthExam>>>;

export function listHealthExams(db: Executor, enterpriseId: string, q: { personId?: string; after?: { at: string; id: string }; limit: number }) {
  let query = examColumns(db).where('h.enterprise_id', '=', enterpriseId);
  if (q.personId) query = query.where('h.person_id', '=', q.personId);
  if (q.after) query = query.where(afterKey('h.created_at', 'h.id', q.after, 'desc'));
  return query.orderBy('h.created_at', 'desc').orderBy('h.id', 'desc').limit(q.limit).execute();
}

/** Each person's latest examination (by exam day, then entry), for the due items and "is latest". */
export async function latestExamIds(db: Executor, enterpriseId: string, personIds?: string[]): Promise<Map<string, HealthExamRow>> {
  let query = examColumns(db).where('h.enterprise_id', '=', enterpriseId).where('p.archived_at', 'is', null);
  if (personIds) {
    if (!personIds.length) return new Map();
    query = query.where('h.person_id', 'in', personIds);
  }
  const rows = await query.orderBy('h.exam_on', 'desc').orderBy('h.created_at', 'desc').orderBy('h.id', 'desc').execute();
  const out = new Map<string, HealthExamRow>();
  for (const r of rows) if (!out.has(r.person_id)) out.set(r.person_id, r);
  return out;
}
