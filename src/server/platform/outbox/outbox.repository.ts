import type { OutboxTable } from '../../db/database.js';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/with-transaction.js';

export async function insertOutboxOnce(db: Executor, row: OutboxTable): Promise<boolean> {
  const result = await db.insertInto('outbox').values(row).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function listDueOutboxIds(db: Executor, at: string, limit: number) {
  return db
    .selectFrom('outbox')
    .select(['id'])
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', at)
    .where('kind', '!=', 'notify')
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * The claim: sets sent_at only if nobody has (sent_at IS NULL) and the row is due. On PostgreSQL
 * the row lock makes a second claimer wait for the first transaction and then find sent_at set;
 * SQLite has one writer. Returns the row when this caller owns it.
 */
export async function claimOutboxRow(db: Executor, id: string, at: string): Promise<OutboxTable | undefined> {
  const result = await db
    .updateTable('outbox')
    .set((eb) => ({ sent_at: at, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', at)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A failed delivery: back to unsent, with the next attempt later. The row is never deleted. */
export async function releaseOutboxRow(db: Executor, id: string, nextAttemptAt: string, error: string): Promise<void> {
  await db.updateTable('outbox').set({ sent_at: null, next_attempt_at: nextAttemptAt, last_error: error.slice(0, 1000) }).where('id', '=', id).execute();
}

export async function noteOutboxSkip(db: Executor, id: string, note: string): Promise<void> {
  await db.updateTable('outbox').set({ last_error: note }).where('id', '=', id).execute();
}

export function listOutbox(db: Executor, enterpriseId: string) {
  return db.selectFrom('outbox').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('created_at').execute();
}

/** Not yet fanned out: the WHERE of the partial index outbox_notify_pending_idx, verbatim. */
const notifyPending = sql<SqlBool>`sent_at is null and kind = 'notify'`;

/** Pending notifications (oldest first), of one enterprise or all. */
export function listPendingNotifyIds(db: Executor, limit: number, enterpriseId?: string) {
  let query = db.selectFrom('outbox').select(['id', 'last_error']).where(notifyPending);
  if (enterpriseId) query = query.where('enterprise_id', '=', enterpriseId);
  return query.orderBy('created_at').limit(limit).execute();
}

/**
 * The claim of notifications' fan-out (as claimOutboxRow, without a wait: a notification is due at
 * once), many rows in one statement: sets sent_at where nobody has and returns the rows this caller
 * now owns (oldest first). A concurrent claimer on PostgreSQL waits for the row locks and then finds
 * sent_at set, so each row is returned to exactly one claimer.
 */
export async function claimNotifyRows(db: Executor, ids: readonly string[], at: string): Promise<OutboxTable[]> {
  if (!ids.length) return [];
  const rows = await db
    .updateTable('outbox')
    .set((eb) => ({ sent_at: at, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', ids)
    .where('sent_at', 'is', null)
    .where('kind', '=', 'notify')
    .returningAll()
    .execute();
  return rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1));
}
