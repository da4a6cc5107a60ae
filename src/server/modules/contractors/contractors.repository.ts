/* Queries of the contractors feature (the only Kysely user of its tables). */
import type { Executor } from '../../db/with-transaction.js';
import type { ContractorRecordTable } from '../../db/tables/operations-tables.js';

export async function timeZoneOf(db: Executor, enterpriseId: string): Promise<string> {
  return (await db.selectFrom('enterprise').select('time_zone').where('id', '=', enterpriseId).executeTakeFirst())?.time_zone ?? 'Asia/Shanghai';
}

export function listPeopleOf(db: Executor, enterpriseId: string, contractorIds: string[]) {
  if (!contractorIds.length) return Promise.resolve([]);
  return db.selectFrom('contractor_person').select(['contractor_id', 'person_id']).where('enterprise_id', '=', enterpriseId).where('contractor_id', 'in', contractorIds).execute();
}

export async function replacePeople(db: Executor, enterpriseId: string, contractorId: string, personIds: string[]): Promise<void> {
  await db.deleteFrom('contractor_person').where('enterprise_id', '=', enterpriseId).where('contractor_id', '=', contractorId).execute();
  const unique = [...new Set(personIds)];
  if (unique.length) await db.insertInto('contractor_person').values(unique.map((person_id) => ({ enterprise_id: enterpriseId, contractor_id: contractorId, person_id }))).execute();
}

export function listQualifications(db: Executor, enterpriseId: string, contractorIds: string[] | null) {
  let q = db.selectFrom('contractor_qualification').selectAll().where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null);
  if (contractorIds) {
    if (!contractorIds.length) return Promise.resolve([]);
    q = q.where('contractor_id', 'in', contractorIds);
  }
  return q.orderBy('created_at').orderBy('id').execute();
}

export function listLiveContractors(db: Executor, enterpriseId: string) {
  return db.selectFrom('contractor').selectAll().where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).execute();
}

export function findContractor(db: Executor, enterpriseId: string, id: string) {
  return db.selectFrom('contractor').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

export async function insertRecord(db: Executor, row: ContractorRecordTable): Promise<void> {
  await db.insertInto('contractor_record').values(row).execute();
}

/** Not cursor-paged, bounded by nature: the records of one contractor (its jobs' permits, inductions, evaluations). */
export function listRecords(db: Executor, enterpriseId: string, contractorIds: string[], kind?: string) {
  if (!contractorIds.length) return Promise.resolve([]);
  let q = db.selectFrom('contractor_record').selectAll().where('enterprise_id', '=', enterpriseId).where('contractor_id', 'in', contractorIds);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export type QualificationRow = Awaited<ReturnType<typeof listQualifications>>[number];
