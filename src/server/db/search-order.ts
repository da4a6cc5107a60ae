import { type Expression, sql, type SqlBool } from 'kysely';
import type { SearchPageSpec, SearchedTable } from './text-search.js';

/**
 * SQLite: a page of a search of three or more characters in the list's order, straight from FTS5
 * (issue 18: a walk of the newest 2,000 rows cost 33.8 ms p95 at 50,000 hazards, 0.68 of the speed
 * at 1,000). FTS5 returns its matches by rowid, newest or oldest first, and stops at a LIMIT; the
 * rowid is the list's order (created_at, id) for every row inserted after all the rows of its
 * enterprise that come before it — each row the insert trigger did not list in
 * `search_out_of_order` (migration 202612080700). So, for the rows "in order": one that is not
 * among the first k matches after the cursor (by rowid) comes after each of them in the list. A page
 * is then the list's page query over those first k matches and the few rows out of order: exact as
 * soon as k matches pass the list's filters and fill a page, whatever the size of the table.
 *
 * Returns undefined — the caller takes the walk (text-search.ts) — when the enterprise has more than
 * `tuning.outOfOrderRows` rows out of order, when the cursor's row is one of them or gone, or when
 * the filters leave the page short after `tuning.fewMatches` matches.
 */
export const orderedTables: readonly SearchedTable[] = ['hazard', 'controlled_document', 'person'];

export const searchOrderTuning = { outOfOrderRows: 200, fewMatches: 500 };

const maxRowid = 9223372036854775807n;

export async function orderedSearchPage<R>(s: SearchPageSpec<R>, like: Expression<SqlBool>): Promise<R[] | undefined> {
  if (searchOrderTuning.outOfOrderRows < 0) return undefined;
  const alias = s.alias ?? s.table;
  const late = await sql<{ row_id: number }>`select row_id from search_out_of_order where table_name = ${s.table} and enterprise_id = ${s.enterpriseId} limit ${sql.lit(searchOrderTuning.outOfOrderRows + 1)}`.execute(s.db);
  if (late.rows.length > searchOrderTuning.outOfOrderRows) return undefined;
  const outOfOrder = new Set(late.rows.map((r) => Number(r.row_id)));
  if (outOfOrder.has(0)) return undefined;
  const table = sql.table(s.table);
  const fts = sql.table(`${s.table}_fts`);
  const phrase = `"${s.text.replace(/"/g, '""')}"`;
  const desc = s.order === 'desc';
  // The cursor's row, in order: the rows after it in the list are those past its rowid.
  let edge: number | bigint = desc ? maxRowid : 0;
  if (s.after) {
    const at = await sql<{ r: number; created_at: string }>`select rowid as r, created_at from ${table} where id = ${s.after.id} and enterprise_id = ${s.enterpriseId}`.execute(s.db);
    const row = at.rows[0];
    if (!row || row.created_at !== s.after.at || outOfOrder.has(Number(row.r))) return undefined;
    edge = row.r;
  }
  const taken: number[] = [];
  for (let chunk = s.limit; ; chunk *= 4) {
    const { rows } = await sql<{ r: number }>`
      select f.rowid as r from ${fts} f join ${table} t on t.rowid = f.rowid
      where ${fts} match ${phrase} and t.enterprise_id = ${s.enterpriseId} and f.rowid ${sql.raw(desc ? '<' : '>')} ${edge}
      order by f.rowid ${sql.raw(desc ? 'desc' : 'asc')} limit ${sql.lit(chunk)}`.execute(s.db);
    for (const r of rows) if (!outOfOrder.has(Number(r.r))) taken.push(Number(r.r));
    const last = rows[rows.length - 1];
    const exhausted = rows.length < chunk || !last;
    // The page among the matches taken so far (in order): when it is full, no match past them can
    // enter it; when FTS5 has no more, it holds every match in order.
    const page = await s.page(among(alias, taken, like), undefined, s.limit, true);
    if (page.length >= s.limit || exhausted) {
      return outOfOrder.size ? s.page(among(alias, [...taken, ...outOfOrder], like), undefined, s.limit, true) : page;
    }
    if (taken.length >= searchOrderTuning.fewMatches) return undefined;
    edge = last.r;
  }
}

/** The rows of these rowids that contain the text (the LIKE: FTS5 folds case by Unicode rules, the reference only ASCII). */
function among(alias: string, rowids: number[], like: Expression<SqlBool>): Expression<SqlBool> {
  // Listed, so SQLite sees how few they are and reads them by rowid (a json_each() list it may not:
  // it then walks the page index and probes the list); padded to 16, 32, 64… (0 is no rowid) so a
  // few statement texts serve every page (statement-cache.ts). Past 1,024 (a caller's big limit),
  // one parameter: SQLite takes at most 32,766.
  const ref = sql.ref(`${alias}.rowid`);
  if (rowids.length > 1024) return sql<SqlBool>`(${ref} in (select value from json_each(${JSON.stringify(rowids)})) and ${like})`;
  let size = 16;
  while (size < rowids.length) size *= 2;
  const padded = [...rowids, ...Array<number>(size - rowids.length).fill(0)];
  return sql<SqlBool>`(${ref} in (${sql.join(padded)}) and ${like})`;
}
