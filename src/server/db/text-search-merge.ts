import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { isSqlite, searchedColumns, type SearchedTable } from './text-search.js';

/**
 * SQLite: the FTS5 indexes of text-search.ts kept merged (issue 18). FTS5 writes each committed
 * transaction as a new segment (b-tree) and merges them only in part as it goes (its `automerge`),
 * so an index written one hazard at a time holds 5–19 segments at 20,000 rows, and every search
 * reads each term's entries in each segment: at 50,000 hazards and 7 segments the FTS5 part of a
 * page cost 196 µs, 100 µs once merged into one.
 *
 * `mergeTextSearchIndexes` merges an index holding `mergeAtSegments` or more segments into one, by
 * FTS5's incremental 'merge' command: steps of `pagesPerStep` pages (~4 KB each; 32 pages ≈ 4 ms at
 * 50,000 hazards, the whole index ~60 ms), each its own short write transaction, the event loop free
 * between steps — no request waits behind the whole merge ('optimize' would hold it ~60–100 ms at
 * once). Below the threshold it does nothing: a new segment of a few rows costs a search little, and
 * re-merging the whole index for it would rewrite the index every round. Runs as the scheduler's
 * `text-search-merge` job; PostgreSQL's trigram indexes need none (autovacuum merges GIN pending lists).
 */
export const textSearchMergeTuning = { mergeAtSegments: 4, pagesPerStep: 32, maxStepsPerRound: 2000, everyMs: 10 * 60_000 };

/** Segments (b-trees) of an FTS5 index: its %_idx table has a row per leaf page boundary of each. */
export async function segmentsOf(db: Kysely<Database>, table: SearchedTable): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(distinct segid) as n from ${sql.table(`${table}_fts_idx`)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * One merge step: FTS5 merges up to `pages` pages of all segments (a negative count: whatever their
 * level). It did work when the connection's change count grew by 2 or more (FTS5's documented test);
 * read in the step's transaction, so no other statement's changes count.
 */
async function mergeStep(db: Kysely<Database>, table: SearchedTable, pages: number): Promise<boolean> {
  const fts = `${table}_fts`;
  return db.transaction().execute(async (trx) => {
    const before = await sql<{ n: number }>`select total_changes() as n`.execute(trx);
    await sql`insert into ${sql.table(fts)} (${sql.ref(fts)}, rank) values ('merge', ${-pages})`.execute(trx);
    const after = await sql<{ n: number }>`select total_changes() as n`.execute(trx);
    return Number(after.rows[0]?.n) - Number(before.rows[0]?.n) >= 2;
  });
}

/** Merges each searched table's FTS5 index that has reached the threshold; returns the steps taken per table. */
export async function mergeTextSearchIndexes(db: Kysely<Database>, tuning = textSearchMergeTuning): Promise<Partial<Record<SearchedTable, number>>> {
  const steps: Partial<Record<SearchedTable, number>> = {};
  if (!isSqlite(db)) return steps;
  for (const table of Object.keys(searchedColumns) as SearchedTable[]) {
    if ((await segmentsOf(db, table)) < tuning.mergeAtSegments) continue;
    let n = 0;
    // Bounded (2,000 steps of 32 pages: a 256 MB index); the next round goes on.
    while (n < tuning.maxStepsPerRound && (await mergeStep(db, table, tuning.pagesPerStep))) {
      n++;
      // Requests go between the steps.
      await new Promise((resolve) => setImmediate(resolve));
    }
    steps[table] = n;
  }
  return steps;
}

/** The scheduler's job (main.ts): SQLite only. */
export function textSearchScheduledJobs(db: Kysely<Database>) {
  if (!isSqlite(db)) return [];
  return [{ name: 'text-search-merge', everyMs: textSearchMergeTuning.everyMs, run: () => mergeTextSearchIndexes(db) }];
}
