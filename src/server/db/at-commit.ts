import { type Compilable, type Insertable, type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { Database } from './database.js';
import { precompiled } from './precompiled.js';
import type { Executor } from './with-transaction.js';

type Table = keyof Database & string;

interface QueuedInsert {
  table: Table;
  row: Record<string, unknown>;
  /** The unique column a duplicate is ignored on (insert … on conflict do nothing). */
  ignoreConflictOn?: string;
}

const queues = new WeakMap<Transaction<Database>, QueuedInsert[]>();

/** withTransaction's side: the queue of a transaction it opened. */
export function openAtCommitQueue(trx: Transaction<Database>): QueuedInsert[] {
  const queue: QueuedInsert[] = [];
  queues.set(trx, queue);
  return queue;
}

/**
 * Inserts `row` at the end of the transaction, just before it commits, together with the other rows
 * queued so: on PostgreSQL in ONE statement (data-modifying WITH), so a write's history, audit and
 * outbox rows cost one round trip, not three (issue 18: each statement is a socket round trip). For
 * rows nothing reads before the commit and whose insert result nobody needs (audit, events, outbox).
 * All or nothing still: a failing row fails the transaction. Outside a transaction opened by
 * withTransaction the row is inserted at once.
 */
export async function insertAtCommit<T extends Table>(executor: Executor, table: T, row: Insertable<Database[T]>, options: { ignoreConflictOn?: string } = {}): Promise<void> {
  const queue = executor.isTransaction ? queues.get(executor as Transaction<Database>) : undefined;
  const queued: QueuedInsert = { table, row: row as Record<string, unknown>, ignoreConflictOn: options.ignoreConflictOn };
  if (queue) queue.push(queued);
  else await insertOf(executor as Kysely<Database>, [queued]).execute();
}

/** Runs the queued inserts (withTransaction calls it after the work, inside the transaction). */
export async function flushAtCommit(trx: Transaction<Database>, queue: QueuedInsert[]): Promise<void> {
  if (!queue.length) return;
  // Rows of one table with the same columns go in one multi-row insert.
  const groups: QueuedInsert[][] = [];
  for (const q of queue.splice(0)) {
    const last = groups.at(-1)?.[0];
    if (last && last.table === q.table && last.ignoreConflictOn === q.ignoreConflictOn && sameKeys(last.row, q.row)) groups.at(-1)?.push(q);
    else groups.push([q]);
  }
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) {
    // SQLite: no data-modifying WITH, and no round trip to save.
    for (const group of groups) await runFlush(trx, 'sqlite', [group], (db, [g]) => insertOf(db, g as QueuedInsert[]));
    return;
  }
  // with q0 as (insert …), q1 as (insert …) insert …
  await runFlush(trx, 'postgres', groups, (db, gs) => {
    let creator: { with: Kysely<Database>['with'] } & Pick<Kysely<Database>, 'insertInto'> = db as Kysely<Database>;
    for (const [i, group] of gs.slice(0, -1).entries()) creator = creator.with(`at_commit_${i}`, (qc) => insertOf(qc as never, group) as never) as never;
    return insertOf(creator as never, gs.at(-1) as QueuedInsert[]);
  });
}

type Values = Record<string, string | number | null>;
/** A flush's insert per shape (dialect; tables, columns and row counts), compiled once (precompiled.ts): building and compiling it was a large share of a write's CPU (issue 18 §3). */
const flushes = new Map<string, (db: Executor, values: Values) => Promise<unknown[]>>();
const maxShapes = 500;
const maxCompiledRows = 50;

/** Runs the insert `build` makes for `groups`: compiled once per shape when every value is a plain scalar and the flush is small, else built afresh. */
async function runFlush(trx: Transaction<Database>, dialect: string, groups: QueuedInsert[][], build: (db: Executor, groups: QueuedInsert[][]) => { execute(): Promise<unknown> } & Compilable<unknown>): Promise<void> {
  const values: unknown[] = [];
  for (const group of groups) for (const q of group) for (const v of Object.values(q.row)) values.push(v);
  const rowCount = groups.reduce((n, g) => n + g.length, 0);
  if (rowCount > maxCompiledRows || !values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) {
    await build(trx, groups).execute();
    return;
  }
  const shape = groups.map((g) => ({ table: (g[0] as QueuedInsert).table, ignoreConflictOn: g[0]?.ignoreConflictOn, keys: Object.keys(g[0]?.row ?? {}), count: g.length }));
  const key = `${dialect}\n${shape.map((g) => `${g.table}|${g.ignoreConflictOn ?? ''}|${g.count}|${g.keys.join(',')}`).join('\n')}`;
  let run = flushes.get(key);
  if (!run) {
    // Parameter i is the i-th value of the flush, rows and columns in order.
    run = precompiled(
      values.map((_, i) => String(i)),
      (db, p: Values) => {
        let i = 0;
        const standIns = shape.map((g) =>
          Array.from({ length: g.count }, (): QueuedInsert => ({ table: g.table, ignoreConflictOn: g.ignoreConflictOn, row: Object.fromEntries(g.keys.map((k) => [k, p[String(i++)]])) })),
        );
        return build(db, standIns);
      },
    );
    if (flushes.size >= maxShapes) flushes.delete(flushes.keys().next().value as string);
    flushes.set(key, run);
  }
  await run(trx, values as unknown as Values);
}

function insertOf(db: Pick<Kysely<Database>, 'insertInto'>, group: QueuedInsert[]) {
  const first = group[0] as QueuedInsert;
  const insert = db.insertInto(first.table).values(group.map((q) => q.row) as never);
  return first.ignoreConflictOn ? insert.onConflict((oc) => oc.column(first.ignoreConflictOn as never).doNothing()) : insert;
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}
