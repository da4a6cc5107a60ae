import type { Executor } from '../../db/with-transaction.js';

export function findSetup(db: Executor) {
  return db.selectFrom('installation_setup').select(['id', 'enterprise_id']).executeTakeFirst();
}

export async function insertSetup(db: Executor, row: { enterpriseId: string; userId: string; at: string }): Promise<void> {
  // A fixed primary key: the second of two concurrent set-ups fails here (→ 409), whatever it read before.
  await db.insertInto('installation_setup').values({ id: 'first-run', enterprise_id: row.enterpriseId, user_id: row.userId, created_at: row.at }).execute();
}

export async function hasAnyUser(db: Executor): Promise<boolean> {
  return Boolean(await db.selectFrom('user').select('id').limit(1).executeTakeFirst());
}
