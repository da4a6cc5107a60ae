import type { Executor } from '../../db/with-transaction.js';
import type { InvitationTable } from '../../db/database.js';

export async function insertInvitation(db: Executor, row: InvitationTable): Promise<void> {
  await db.insertInto('invitation').values(row).execute();
}

export function findOpenInvitation(db: Executor, tokenHash: string, now: string) {
  return db
    .selectFrom('invitation')
    .innerJoin('user', 'user.id', 'invitation.user_id')
    .innerJoin('enterprise', 'enterprise.id', 'invitation.enterprise_id')
    .innerJoin('membership', (join) =>
      join.onRef('membership.user_id', '=', 'invitation.user_id').onRef('membership.enterprise_id', '=', 'invitation.enterprise_id'),
    )
    .select([
      'invitation.id',
      'invitation.user_id',
      'invitation.enterprise_id',
      'invitation.expires_at',
      'user.username',
      'user.display_name',
      'user.phone',
      'enterprise.name as enterprise_name',
      'membership.role',
    ])
    .where('invitation.token_hash', '=', tokenHash)
    .where('invitation.used_at', 'is', null)
    .where('invitation.expires_at', '>', now)
    .where('user.archived_at', 'is', null)
    .executeTakeFirst();
}

/** Marks an invitation used; false when another request used it first (a link works once). */
export async function markInvitationUsed(db: Executor, id: string, now: string): Promise<boolean> {
  const rows = await db.updateTable('invitation').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).returning('id').execute();
  return rows.length === 1;
}

/** A new invitation replaces the open ones of the same login. */
export async function expireOpenInvitations(db: Executor, userId: string, enterpriseId: string, now: string): Promise<void> {
  await db
    .updateTable('invitation')
    .set({ expires_at: now })
    .where('user_id', '=', userId)
    .where('enterprise_id', '=', enterpriseId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
}

export function listMembershipsWithPerson(db: Executor, enterpriseId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('membership')
    .select(['person_id', 'user_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('person_id', 'in', [...personIds])
    .execute();
}

export function listMembersByUserIds(db: Executor, enterpriseId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id as user_id', 'user.username', 'user.display_name', 'membership.role'])
    .where('membership.enterprise_id', '=', enterpriseId)
    .where('membership.user_id', 'in', [...userIds])
    .execute();
}

export async function usernamesTaken(db: Executor, usernames: readonly string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db.selectFrom('user').select('username').where('username', 'in', [...usernames]).execute();
  return new Set(rows.map((r) => r.username));
}

export async function phonesTaken(db: Executor, phones: readonly string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await db.selectFrom('user').select('phone').where('phone', 'in', [...phones]).execute();
  return new Set(rows.map((r) => r.phone as string));
}

export async function setUserSecrets(db: Executor, userId: string, patch: { pin_hash?: string; password_hash?: string; badge_token_hash?: string; must_change_password?: number; password_changed_at?: string }): Promise<void> {
  await db.updateTable('user').set(patch).where('id', '=', userId).execute();
}

export function listDeviceSessions(db: Executor, enterpriseId: string, now: string) {
  return db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.user_id')
    .select([
      'session.public_id',
      'session.user_id',
      'session.created_at',
      'session.last_seen_at',
      'session.expires_at',
      'session.user_agent',
      'user.username',
      'user.display_name',
    ])
    .where('session.kind', '=', 'device')
    .where('session.active_enterprise_id', '=', enterpriseId)
    .where('session.expires_at', '>', now)
    .orderBy('session.last_seen_at', 'desc')
    .limit(1000)
    .execute();
}

/** Ends a device session of this enterprise; returns what was ended (for the audit log), or undefined. */
export async function deleteDeviceSession(db: Executor, enterpriseId: string, publicId: string) {
  const row = await db
    .selectFrom('session')
    .select(['id', 'user_id', 'created_at', 'user_agent'])
    .where('public_id', '=', publicId)
    .where('kind', '=', 'device')
    .where('active_enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  if (!row) return undefined;
  await db.deleteFrom('session').where('id', '=', row.id).execute();
  return row;
}
