import { type Expression, type Kysely, sql, type SqlBool, SqliteAdapter, type Transaction } from 'kysely';
import { afterKey, upToKey } from './keyset.js';
import { orderedSearchPage, orderedTables } from './search-order.js';

/**
 * Substring search ("contains", case-insensitive for Latin letters) through each database's own
 * full-text machinery (issue 18: `lower(col) LIKE '%…%'` read the whole table — 1.7 s at 50,000
 * hazards on SQLite).
 *
 * - SQLite: an FTS5 table with the trigram tokenizer per searched table (`<table>_fts`, external
 *   content on the table's rowid, kept in sync by triggers — migrations 202612010610, 202612070710). A query of
 *   three or more characters is a quoted FTS5 phrase: its trigrams at consecutive positions, i.e.
 *   exactly "the text contains the query", in any one column.
 * - PostgreSQL: pg_trgm GIN indexes on lower(column); the LIKE below is the query they serve, and
 *   PostgreSQL rechecks every candidate, so results are those of the LIKE by construction.
 * - One or two characters carry no trigram on either database. Then the LIKE itself runs (the
 *   reference, so provably the same result), walking the list's page index newest first and
 *   stopping at a page of matches: a common character fills a page at once; a rare one reads more
 *   of the enterprise's rows. Not an index lookup — the honest price of a 1–2 character query.
 *
 * - A page of a search (searchPage) on SQLite: an FTS5 MATCH returns every match (all enterprises,
 *   in rowid order) and the list's ORDER BY then reads, joins and sorts them all — 1 in 24 of 50,000
 *   hazards cost 27 ms per page, 457 ms p95 at 10 connections. So the cost follows the cheaper of
 *   the two ways: when FTS5 holds few matches (a count stopped at `searchTuning.fewMatches`), read
 *   them; else walk the list's page index in page order with the LIKE over at most
 *   `searchTuning.walkRows` rows (a common text fills its page there: 1 in 24 reads ~1,200 rows),
 *   and only when those hold less than a page, the FTS5 matches beyond them. A page then costs at
 *   most ~walkRows rows walked or ~fewMatches matches read, whatever the size of the table (plus
 *   the matches past the walk when a text is common overall yet rare among the newest rows).
 *   PostgreSQL's planner makes this choice itself from its statistics (trigram bitmap and sort, or
 *   the page index walked with the LIKE as a filter): one statement there.
 * - Before all that, for hazards, documents and people (orderedTables): FTS5 read in rowid order,
 *   which is the list's order but for the rows listed out of order, stopped at a page
 *   (search-order.ts) — the cost of a page, whatever the number of matches.
 * - SQLite's FTS5 indexes are kept merged into few segments by the scheduler's text-search-merge
 *   job (text-search-merge.ts): each segment is one more b-tree every FTS5 read goes through.
 *
 * Tests: src/server/db/text-search.int.test.ts compares every path with a substring scan on a
 * generated Chinese/Latin corpus, on both databases; search-plans.int.test.ts checks the plans.
 */
export const searchedColumns = {
  hazard: ['description'],
  risk: ['object_name', 'causes'],
  person: ['name', 'phone'],
  // The newest version's headings as plain text (migration 202612070710).
  controlled_document: ['number', 'title', 'content_text'],
} as const;
export type SearchedTable = keyof typeof searchedColumns;

/** Characters (code points) below which no trigram exists. */
export const minTrigramChars = 3;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyExecutor = Kysely<any> | Transaction<any>;

export function isSqlite(db: AnyExecutor): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `lower(column) LIKE '%text%'` (wildcards in the text escaped) for one column. SQLite's LIKE
 * already folds ASCII letters, the only ones its lower() folds: there the column goes without
 * lower() (same result, half the work of a walk). PostgreSQL's trigram indexes are on lower(column).
 *
 * On SQLite the escape character is a parameter too: with a literal one, SQLite weighs its LIKE
 * prefix optimization on the bound pattern and so re-prepares the statement at every new binding
 * (33.5 µs against 19.8 µs for the same 64-row check; 9 % of a search's instructions, callgrind).
 * A LIKE whose escape is not a literal never takes that optimization, which a '%…' pattern cannot use.
 */
export function likeContains(column: string, text: string, db?: AnyExecutor): Expression<SqlBool> {
  const pattern = `%${escapeLike(text.toLowerCase())}%`;
  if (db && isSqlite(db)) return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape ${'\\'}`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** The LIKE over the table's searched columns: the reference every other path must equal. */
function likeAny(db: AnyExecutor, table: SearchedTable, text: string, alias: string): Expression<SqlBool> {
  const columns = searchedColumns[table].map((c) => likeContains(`${alias}.${c}`, text, db));
  return columns.length === 1 ? (columns[0] as Expression<SqlBool>) : sql<SqlBool>`(${sql.join(columns, sql` or `)})`;
}

/** Rows of `table` (referenced as `alias`) whose searched columns contain `text`. */
export function containsText(db: AnyExecutor, table: SearchedTable, text: string, alias: string = table): Expression<SqlBool> {
  if (isSqlite(db) && [...text].length >= minTrigramChars) {
    const fts = sql.table(`${table}_fts`);
    const phrase = `"${text.replace(/"/g, '""')}"`;
    // FTS5 folds case by Unicode rules, lower() only ASCII letters: the LIKE keeps the FTS answer
    // exactly the reference's (and the same as a walk's, see searchPage), on the few rows FTS5 found.
    return sql<SqlBool>`(${sql.ref(`${alias}.rowid`)} in (select rowid from ${fts} where ${fts} match ${phrase}) and ${likeAny(db, table, text, alias)})`;
  }
  return likeAny(db, table, text, alias);
}

/**
 * SQLite's choice between the walk and the full-text index (set lower in tests, to take every path
 * on a small corpus). Per row walked the LIKE costs ~0.5 µs; per match read from FTS5 and sorted
 * ~4 µs; a page of 51 at 1 match in 100 walks ~5,000 rows — so: all matches when there are at most
 * `fewMatches`, else a walk of at most `walkRows` rows, then the matches beyond it.
 */
export const searchTuning = { walkRows: 2000, fewMatches: 500 };

export interface SearchPageSpec<R> {
  db: AnyExecutor;
  table: SearchedTable;
  /** How the list's query names the table. */
  alias?: string;
  enterpriseId: string;
  text: string;
  /** The list's order on (created_at, id), and the cursor the page starts after. */
  order: 'asc' | 'desc';
  after?: { at: string; id: string };
  limit: number;
  /**
   * The list's page query (its filters, its cursor, its order) with `match` as the text condition,
   * `bound` (when given) as a further bound on (created_at, id), and `limit` rows at most. With
   * `byRowid` (SQLite, search-order.ts) `match` names a few rowids: the query's enterprise column
   * is then `enterpriseColumn(column, true)`, so that the rows are read by rowid.
   */
  page: (match: Expression<SqlBool>, bound: Expression<SqlBool> | undefined, limit: number, byRowid?: boolean) => Promise<R[]>;
}

/**
 * The enterprise column of a page query. `byRowid`: `+column`, which no index serves — without
 * statistics (the product never runs ANALYZE) SQLite prices `enterprise_id = ?` on the page index at
 * ~10 rows, below the page's rowids, and would walk all of the enterprise's rows in page order
 * instead of reading those few rows by rowid and sorting them (search-plans.int.test.ts).
 */
export function enterpriseColumn(column: string, byRowid?: boolean): Expression<string> {
  return byRowid ? sql<string>`+${sql.ref(column)}` : sql.ref<string>(column);
}

/**
 * The enterprise column of a statement that names its rows by another indexed column — a parent's
 * id (a task's records, a session's attendees, a document's distribution), a hazard's reports: on
 * SQLite `+column`, which no index serves, so the index of that column is the only one left. Without
 * statistics SQLite prices `enterprise_id = ?` like any other equality and may walk every row of the
 * enterprise through an index led by it (detail-plans.sqlite.int.test.ts). PostgreSQL's column is unchanged.
 */
export function enterpriseBesideKey(db: AnyExecutor, column: string): Expression<string> {
  return enterpriseColumn(column, isSqlite(db));
}

/**
 * A table reference (`table`, or `table as alias`) that names the index to read on SQLite —
 * `INDEXED BY`, for a plan SQLite gets wrong without statistics (the product never runs ANALYZE); on
 * PostgreSQL, and when `when` is false, the plain reference. Typed as the plain reference: the same
 * table and alias.
 */
export function sqliteIndexedBy<T extends string>(db: AnyExecutor, table: T, index: string, when = true): T {
  if (!when || !isSqlite(db)) return table;
  const [name, alias] = table.split(' as ') as [string, string | undefined];
  return sql`${sql.table(name)}${alias ? sql` as ${sql.table(alias)}` : sql.raw('')} indexed by ${sql.id(index)}` as unknown as T;
}

/**
 * One page of a searched list, its cost bounded by the page rather than by the number of matches
 * (see the header). The same rows as `page(containsText(...))`, in the same order.
 */
export async function searchPage<R>(s: SearchPageSpec<R>): Promise<R[]> {
  const alias = s.alias ?? s.table;
  if (!isSqlite(s.db) || [...s.text].length < minTrigramChars) return s.page(containsText(s.db, s.table, s.text, alias), undefined, s.limit);
  // Hazards, documents, people: FTS5 in the list's order, stopped at a page (search-order.ts).
  if (orderedTables.includes(s.table)) {
    const ordered = await orderedSearchPage(s, likeAny(s.db, s.table, s.text, alias));
    if (ordered) return ordered;
  }
  const fts = sql.table(`${s.table}_fts`);
  const phrase = `"${s.text.replace(/"/g, '""')}"`;
  // Few matches: reading them all (and sorting them) is cheaper than any walk. A count stopped at
  // searchTuning.fewMatches + 1 costs no more than reading that many.
  const few = await sql<{ n: number }>`select count(*) as n from (select rowid from ${fts} where ${fts} match ${phrase} limit ${sql.lit(searchTuning.fewMatches + 1)})`.execute(s.db);
  if (Number(few.rows[0]?.n ?? 0) <= searchTuning.fewMatches) return s.page(containsText(s.db, s.table, s.text, alias), undefined, s.limit);
  const at = `${alias}.created_at`;
  const id = `${alias}.id`;
  // The key of the walkRows-th row past the cursor: the end of the walk (the page index, index only).
  let edgeQuery = s.db
    .selectFrom(`${s.table} as ${alias}`)
    .select([sql<string>`${sql.ref(at)}`.as('at'), sql<string>`${sql.ref(id)}`.as('id')])
    .where(sql.ref(`${alias}.enterprise_id`), '=', s.enterpriseId);
  if (s.after) edgeQuery = edgeQuery.where(afterKey(at, id, s.after, s.order));
  const edge = await edgeQuery
    .orderBy(sql.ref(at), s.order)
    .orderBy(sql.ref(id), s.order)
    .limit(1)
    .offset(searchTuning.walkRows - 1)
    .executeTakeFirst();
  const like = likeAny(s.db, s.table, s.text, alias);
  // Fewer rows than that past the cursor: the walk reads them all.
  if (!edge) return s.page(like, undefined, s.limit);
  const walked = await s.page(like, upToKey(at, id, edge, s.order), s.limit);
  if (walked.length >= s.limit) return walked;
  const beyond = await s.page(containsText(s.db, s.table, s.text, alias), afterKey(at, id, edge, s.order), s.limit - walked.length);
  return [...walked, ...beyond];
}
