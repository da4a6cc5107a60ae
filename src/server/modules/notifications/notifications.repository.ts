import type { EnterpriseNotificationSettingTable, NotificationTable } from '../../db/database.js';
import { afterKey } from '../../db/keyset.js';
import type { Executor } from '../../db/with-transaction.js';

/** Rows for several recipients in one statement; repeated dedupe keys are ignored. Returns how many were new. */
export async function insertNotificationsOnce(db: Executor, rows: NotificationTable[]): Promise<number> {
  if (!rows.length) return 0;
  const result = await db.insertInto('notification').values(rows).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Members of the enterprise holding one of the roles (read-only look-up of memberships). */
export async function listUserIdsWithRoles(db: Executor, enterpriseId: string, roles: readonly string[]): Promise<string[]> {
  if (!roles.length) return [];
  const rows = await db.selectFrom('membership').select('user_id').where('enterprise_id', '=', enterpriseId).where('role', 'in', roles).execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

export async function findUserIdOfPerson(db: Executor, enterpriseId: string, personId: string): Promise<string | null> {
  const row = await db.selectFrom('membership').select('user_id').where('enterprise_id', '=', enterpriseId).where('person_id', '=', personId).executeTakeFirst();
  return row?.user_id ?? null;
}

export function listNotificationsOfUser(
  db: Executor,
  enterpriseId: string,
  userId: string,
  q: { after?: { at: string; id: string }; limit: number; isUnreadOnly: boolean },
) {
  let query = db.selectFrom('notification').selectAll().where('enterprise_id', '=', enterpriseId).where('user_id', '=', userId);
  if (q.isUnreadOnly) query = query.where('read_at', 'is', null);
  if (q.after) {
    const { at, id } = q.after;
    query = query.where(afterKey('created_at', 'id', { at, id }, 'desc'));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

export async function countUnread(db: Executor, enterpriseId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function markRead(db: Executor, enterpriseId: string, userId: string, ids: string[] | 'all', at: string): Promise<string[]> {
  let query = db.selectFrom('notification').select('id').where('enterprise_id', '=', enterpriseId).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', ids.length ? ids : ['-']);
  const rows = await query.execute();
  const marked = rows.map((r) => r.id);
  if (marked.length) await db.updateTable('notification').set({ read_at: at }).where('enterprise_id', '=', enterpriseId).where('id', 'in', marked).execute();
  return marked;
}

export function findSetting(db: Executor, enterpriseId: string): Promise<EnterpriseNotificationSettingTable | undefined> {
  return db.selectFrom('enterprise_notification_setting').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}

export async function upsertSetting(db: Executor, row: EnterpriseNotificationSettingTable): Promise<void> {
  const { enterprise_id: _e, ...rest } = row;
  await db.insertInto('enterprise_notification_setting').values(row).onConflict((oc) => oc.column('enterprise_id').doUpdateSet(rest)).execute();
}

export function listLiveEnterpriseIds(db: Executor): Promise<{ id: string }[]> {
  return db.selectFrom('enterprise').select('id').where('archived_at', 'is', null).execute();
}
