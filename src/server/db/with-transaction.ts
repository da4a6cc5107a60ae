import type { Kysely, Transaction } from 'kysely';
import { flushAtCommit, openAtCommitQueue } from './at-commit.js';
import type { Database } from './database.js';

export type Executor = Kysely<Database> | Transaction<Database>;

type AfterCommit = (db: Kysely<Database>) => unknown;
const afterCommitWork = new WeakMap<Transaction<Database>, AfterCommit[]>();
const onCommitWork = new WeakMap<Transaction<Database>, ((db: Kysely<Database>) => void)[]>();

/**
 * Every multi-row write runs in one transaction: all or nothing. Work registered with
 * `afterCommit` runs once the transaction has committed (on setImmediate, never for a rollback);
 * rows queued with `insertAtCommit` (at-commit.ts) are inserted just before it commits.
 */
export async function withTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const callbacks: AfterCommit[] = [];
  const committed: ((db: Kysely<Database>) => void)[] = [];
  const result = await db.transaction().execute(async (trx) => {
    afterCommitWork.set(trx, callbacks);
    onCommitWork.set(trx, committed);
    const atCommit = openAtCommitQueue(trx);
    const value = await work(trx);
    await flushAtCommit(trx, atCommit);
    return value;
  });
  for (const callback of committed) callback(db);
  for (const callback of callbacks) setImmediate(() => void callback(db));
  return result;
}

/**
 * Runs `callback` after the transaction commits (at once, on setImmediate, outside a transaction).
 * A transaction not opened by withTransaction drops it: use only for work something else also
 * does later (notifications: the outbox delivery round).
 */
export function afterCommit(executor: Executor, callback: AfterCommit): void {
  if (!executor.isTransaction) {
    setImmediate(() => void callback(executor as Kysely<Database>));
    return;
  }
  afterCommitWork.get(executor as Transaction<Database>)?.push(callback);
}

/**
 * Runs `callback` synchronously once the transaction has committed, before withTransaction returns
 * (never for a rollback): for in-process caches that the caller's very next read must not find stale.
 * Outside a transaction it runs at once; in a transaction not opened by withTransaction it also
 * runs at once, with `null` (the caller then forgets everything it cached, whichever database).
 */
export function onCommit(executor: Executor, callback: (db: Kysely<Database> | null) => void): void {
  if (!executor.isTransaction) return callback(executor as Kysely<Database>);
  const list = onCommitWork.get(executor as Transaction<Database>);
  if (list) list.push(callback);
  else callback(null);
}
