import { type Expression, type Kysely, sql, type SqlBool, SqliteAdapter, type Transaction } from 'kysely';

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
 * Tests: src/server/db/text-search.int.test.ts compares every path with a substring scan on a
 * generated Chinese/Latin corpus, on both databases.
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

/** `lower(column) LIKE '%text%'` (wildcards in the text escaped) for one column. */
export function likeContains(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${escapeLike(text.toLowerCase())}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** Rows of `table` (referenced as `alias`) whose searched columns contain `text`. */
export function containsText(db: AnyExecutor, table: SearchedTable, text: string, alias: string = table): Expression<SqlBool> {
  if (isSqlite(db) && [...text].length >= minTrigramChars) {
    const fts = sql.table(`${table}_fts`);
    const phrase = `"${text.replace(/"/g, '""')}"`;
    return sql<SqlBool>`${sql.ref(`${alias}.rowid`)} in (select rowid from ${fts} where ${fts} match ${phrase})`;
  }
  const columns = searchedColumns[table].map((c) => likeContains(`${alias}.${c}`, text));
  return columns.length === 1 ? (columns[0] as Expression<SqlBool>) : sql<SqlBool>`(${sql.join(columns, sql` or `)})`;
}
