import type { EnterpriseTable } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';
import { afterKey } from '../../db/keyset.js';
import { taskPlanChanged } from '../inspections/task-plan-memo.js';

export function findEnterprise(db: Executor, id: string): Promise<EnterpriseTable | undefined> {
  return db.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEnterpriseByCreditCode(db: Executor, creditCode: string): Promise<EnterpriseTable | undefined> {
  return db.selectFrom('enterprise').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
}

/** One page of the live enterprises in name order (the administrator's), by enterprise_name_page_idx. */
export function listAllEnterprises(db: Executor, page: { after?: { at: string; id: string }; limit: number }): Promise<EnterpriseTable[]> {
  let q = db.selectFrom('enterprise').selectAll().where('archived_at', 'is', null);
  if (page.after) q = q.where(afterKey('name', 'id', page.after, 'asc'));
  return q.orderBy('name').orderBy('id').limit(page.limit).execute();
}

/** A member's enterprises: bounded by their memberships (a consultant's or regulator's few). */
export function listEnterprisesOfUser(db: Executor, userId: string): Promise<EnterpriseTable[]> {
  return db
    .selectFrom('enterprise')
    .innerJoin('membership', 'membership.enterprise_id', 'enterprise.id')
    .selectAll('enterprise')
    .where('membership.user_id', '=', userId)
    .where('enterprise.archived_at', 'is', null)
    .orderBy('enterprise.name')
    .execute();
}

export async function insertEnterprise(db: Executor, row: EnterpriseTable): Promise<void> {
  await db.insertInto('enterprise').values(row).execute();
}

export async function updateEnterprise(db: Executor, id: string, patch: Partial<EnterpriseTable>): Promise<void> {
  await db.updateTable('enterprise').set(patch).where('id', '=', id).execute();
  if (patch.time_zone !== undefined) taskPlanChanged(db, id); // windows are days, weeks… of the enterprise's zone
}

export async function userHasRoleAnywhere(db: Executor, userId: string, role: string): Promise<boolean> {
  const row = await db.selectFrom('membership').select('id').where('user_id', '=', userId).where('role', '=', role).executeTakeFirst();
  return Boolean(row);
}

/** A registered (not archived) enterprise with this exact name, other than `exceptId`. */
export function findEnterpriseByName(db: Executor, name: string, exceptId?: string): Promise<{ id: string } | undefined> {
  let query = db.selectFrom('enterprise').select('id').where('name', '=', name).where('archived_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export function countEnterprises(db: Executor): Promise<{ n: string | number | bigint } | undefined> {
  return db.selectFrom('enterprise').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
}

export function listMembersOfEnterprise(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id as user_id', 'user.username', 'user.display_name', 'membership.role'])
    .where('membership.enterprise_id', '=', enterpriseId)
    .orderBy('membership.role')
    .orderBy('user.username')
    .execute();
}
