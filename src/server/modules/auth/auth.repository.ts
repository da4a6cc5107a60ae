import type { Executor } from '../../db/with-transaction.js';
import type { MembershipTable, SessionTable, UserTable } from '../../db/database.js';

export function findUserByLogin(db: Executor, login: string): Promise<UserTable | undefined> {
  return db
    .selectFrom('user')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', login), eb('phone', '=', login)]))
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

export function findUserById(db: Executor, id: string): Promise<UserTable | undefined> {
  return db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Executor, username: string): Promise<UserTable | undefined> {
  return db.selectFrom('user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertUser(db: Executor, row: UserTable): Promise<void> {
  await db.insertInto('user').values(row).execute();
}

export async function updateUser(db: Executor, id: string, patch: Partial<UserTable>): Promise<void> {
  await db.updateTable('user').set(patch).where('id', '=', id).execute();
}

/** Counts a failure and, at the threshold, locks — in one statement so parallel attempts all count. */
export async function recordFailedLogin(db: Executor, id: string): Promise<number> {
  const row = await db
    .updateTable('user')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirst();
  return row?.failed_logins ?? 0;
}

export async function insertSession(db: Executor, row: SessionTable): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

export function findSessionWithUser(db: Executor, sessionId: string) {
  return db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.user_id')
    .leftJoin('membership', (join) =>
      join.onRef('membership.user_id', '=', 'session.user_id').onRef('membership.enterprise_id', '=', 'session.active_enterprise_id'),
    )
    .select([
      'session.id as session_id',
      'session.user_id',
      'session.active_enterprise_id',
      'session.last_seen_at',
      'session.expires_at',
      'session.kind',
      'user.username',
      'user.must_change_password',
      'user.display_name',
      'user.is_admin',
      'user.locale',
      'user.archived_at',
      'membership.role',
      'membership.person_id',
    ])
    .where('session.id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string, at: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function setSessionEnterprise(db: Executor, sessionId: string, enterpriseId: string | null): Promise<void> {
  await db.updateTable('session').set({ active_enterprise_id: enterpriseId }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function deleteOtherSessions(db: Executor, userId: string, keepSessionId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
}

export async function setLastEnterprise(db: Executor, userId: string, enterpriseId: string): Promise<void> {
  await db.updateTable('user').set({ last_enterprise_id: enterpriseId }).where('id', '=', userId).execute();
}

export function findUserByPhone(db: Executor, phone: string): Promise<UserTable | undefined> {
  return db.selectFrom('user').selectAll().where('phone', '=', phone).where('archived_at', 'is', null).executeTakeFirst();
}

export function findUserByBadge(db: Executor, badgeTokenHash: string): Promise<UserTable | undefined> {
  return db.selectFrom('user').selectAll().where('badge_token_hash', '=', badgeTokenHash).where('archived_at', 'is', null).executeTakeFirst();
}

export function listMembershipsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('enterprise', 'enterprise.id', 'membership.enterprise_id')
    .select(['membership.enterprise_id', 'membership.role', 'enterprise.name as enterprise_name'])
    .where('membership.user_id', '=', userId)
    .where('enterprise.archived_at', 'is', null)
    .orderBy('enterprise.name')
    .execute();
}

export function findMembership(db: Executor, userId: string, enterpriseId: string): Promise<MembershipTable | undefined> {
  return db
    .selectFrom('membership')
    .selectAll()
    .where('user_id', '=', userId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
}

export async function insertMembership(db: Executor, row: MembershipTable): Promise<void> {
  await db.insertInto('membership').values(row).execute();
}

export function listAccountsOfEnterprise(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id as user_id', 'user.username', 'user.display_name', 'user.phone', 'user.pin_hash', 'membership.role', 'membership.person_id'])
    .where('membership.enterprise_id', '=', enterpriseId)
    .orderBy('user.username')
    .execute();
}

export async function findPersonAndPostsOfMember(db: Executor, userId: string, enterpriseId: string) {
  const membership = await db
    .selectFrom('membership')
    .select('person_id')
    .where('user_id', '=', userId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  const personId = membership?.person_id ?? null;
  if (!personId) return { personId: null, postIds: [] as string[] };
  const posts = await db
    .selectFrom('person_post')
    .select('post_id')
    .where('enterprise_id', '=', enterpriseId)
    .where('person_id', '=', personId)
    .execute();
  return { personId, postIds: posts.map((p) => p.post_id) };
}
