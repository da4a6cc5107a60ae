import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../text-search.js';

// Issue 18 §2, SQLite only: a search page reads its FTS5 matches newest (or oldest) first by rowid
// and stops at a page (src/server/db/search-order.ts). That is the list's order (created_at, id)
// for every row inserted after all of its enterprise's rows that come before it in the list; the
// others ("out of order": backdated, imported, clock set back) are listed here, and merged into
// each page by the list's own query. Frozen here: the tables with an FTS5 table and a page index
// on (enterprise_id, created_at, id) (<table>_list_idx) that serves the check below.
const tables = ['hazard', 'controlled_document', 'person'];

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`create table search_out_of_order (table_name text not null, enterprise_id text not null, row_id integer not null, primary key (table_name, enterprise_id, row_id)) without rowid`.execute(db);
  for (const t of tables) {
    // A row is out of order when a row of its enterprise inserted before it (smaller rowid) comes
    // after it in the list. One index probe per insert: the range after the new row is empty unless it is.
    await sql
      .raw(
        `create trigger ${t}_search_order after insert on ${t} ` +
          `when exists (select 1 from ${t} o where o.enterprise_id = new.enterprise_id and (o.created_at, o.id) > (new.created_at, new.id) and o.rowid < new.rowid) ` +
          `begin insert or ignore into search_out_of_order (table_name, enterprise_id, row_id) values ('${t}', new.enterprise_id, new.rowid); end`,
      )
      .execute(db);
    // No code moves a row in the list; should one ever, its enterprise's order is no longer known
    // (row_id 0): its searches take the walk (text-search.ts) from then on.
    await sql
      .raw(
        `create trigger ${t}_search_order_moved after update of created_at, id, enterprise_id on ${t} begin ` +
          `insert or ignore into search_out_of_order (table_name, enterprise_id, row_id) values ('${t}', old.enterprise_id, 0); ` +
          `insert or ignore into search_out_of_order (table_name, enterprise_id, row_id) values ('${t}', new.enterprise_id, 0); end`,
      )
      .execute(db);
    // The rows already there: out of order when the greatest (created_at, id) of the rows before
    // them in rowid order is greater than theirs (char(1) separates the two as the row value does).
    await sql
      .raw(
        `insert into search_out_of_order (table_name, enterprise_id, row_id) ` +
          `select '${t}', enterprise_id, r from (select rowid as r, enterprise_id, created_at || char(1) || id as k, ` +
          `max(created_at || char(1) || id) over (partition by enterprise_id order by rowid rows between unbounded preceding and 1 preceding) as before from ${t}) ` +
          `where before > k`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) return;
  for (const t of tables) {
    await sql.raw(`drop trigger if exists ${t}_search_order`).execute(db);
    await sql.raw(`drop trigger if exists ${t}_search_order_moved`).execute(db);
  }
  await sql`drop table if exists search_out_of_order`.execute(db);
}
