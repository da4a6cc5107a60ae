/* Queries of the operational registers and occupational health (the only Kysely user of their tables). */
import { afterKey } from '../../db/keyset.js';
import type { Executor } from '../../db/with-transaction.js';
import type { HealthExamTable, OhdDeclarationTable, PpeIssueTable, SpecialEquipmentInspectionTable, WorkplaceMonitoringTable } from '../../db/tables/operations-tables.js';

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

/* Not cursor-paged, bounded by nature: one item's periodic inspections (one every 1–2 years). */
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

export async function insertPpeIssue(db: Executor, row: PpeIssueTable): Promise<void> {
  await db.insertInto('ppe_issue').values(row).execute();
}

const ppeColumns = (db: Executor) => db.selectFrom('ppe_issue as i').innerJoin('person as p', 'p.id', 'i.person_id').selectAll('i').select('p.name as person_name');
export function findPpeIssue(db: Executor, enterpriseId: string, id: string) {
  return ppeColumns(db).where('i.enterprise_id', '=', enterpriseId).where('i.id', '=', id).executeTakeFirst();
}
export type PpeIssueRow = NonNullable<Awaited<ReturnType<typeof findPpeIssue>>>;

export function listPpeIssues(db: Executor, enterpriseId: string, q: { personId?: string; after?: { at: string; id: string }; limit: number }) {
  let query = ppeColumns(db).where('i.enterprise_id', '=', enterpriseId);
  if (q.personId) query = query.where('i.person_id', '=', q.personId);
  if (q.after) query = query.where(afterKey('i.created_at', 'i.id', q.after, 'desc'));
  return query.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(q.limit).execute();
}

/** The latest issue of each (person, item name) of live people: what is owed a replacement. */
export async function latestPpeIssues(db: Executor, enterpriseId: string): Promise<PpeIssueRow[]> {
  const rows = await ppeColumns(db).where('i.enterprise_id', '=', enterpriseId).where('p.archived_at', 'is', null).orderBy('i.issued_on', 'desc').orderBy('i.created_at', 'desc').execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.person_id}|${r.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function findPpeRequirement(db: Executor, enterpriseId: string, id: string) {
  return db.selectFrom('ppe_requirement').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
}

export async function insertMonitoring(db: Executor, row: WorkplaceMonitoringTable): Promise<void> {
  await db.insertInto('workplace_monitoring').values(row).execute();
}

export function listMonitoring(db: Executor, enterpriseId: string, q: { isOverLimit?: boolean; postIds?: string[]; after?: { at: string; id: string }; limit: number; from?: string; to?: string }) {
  let query = db.selectFrom('workplace_monitoring').selectAll().where('enterprise_id', '=', enterpriseId);
  if (q.isOverLimit !== undefined) query = query.where('is_over_limit', '=', q.isOverLimit ? 1 : 0);
  if (q.postIds) query = q.postIds.length ? query.where('post_id', 'in', q.postIds) : query.where('id', '=', '');
  if (q.from) query = query.where('measured_on', '>=', q.from);
  if (q.to) query = query.where('measured_on', '<=', q.to);
  if (q.after) query = query.where(afterKey('created_at', 'id', q.after, 'desc'));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

export async function insertDeclaration(db: Executor, row: OhdDeclarationTable): Promise<void> {
  await db.insertInto('ohd_declaration').values(row).execute();
}

export function listDeclarations(db: Executor, enterpriseId: string) {
  return db.selectFrom('ohd_declaration').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('declared_on', 'desc').orderBy('created_at', 'desc').execute();
}

export function listLivePosts(db: Executor, enterpriseId: string) {
  return db.selectFrom('post').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).orderBy('created_at').orderBy('id').execute();
}
