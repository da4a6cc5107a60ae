import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../text-search.js';

// Frozen here (a later table gets its own migration); the queries read src/server/db/text-search.ts.
const searchedColumns = {
  hazard: ['description'],
  risk: ['object_name', 'causes'],
  person: ['name', 'phone'],
};

// Issue 18: text search through the databases' own indexes (see src/server/db/text-search.ts).
// Dialect branch: FTS5 virtual tables and triggers on SQLite, pg_trgm GIN indexes on PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    for (const [table, columns] of Object.entries(searchedColumns)) {
      const fts = `${table}_fts`;
      const cols = columns.join(', ');
      const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
      // External content: the FTS table indexes the table's own rows by rowid and stores no copy.
      // The rowid of these tables is implicit (text primary keys); SQLite keeps it on VACUUM.
      await sql.raw(`create virtual table ${fts} using fts5(${cols}, content='${table}', content_rowid='rowid', tokenize='trigram')`).execute(db);
      await sql.raw(`create trigger ${fts}_insert after insert on ${table} begin insert into ${fts}(rowid, ${cols}) values (new.rowid, ${values('new')}); end`).execute(db);
      await sql
        .raw(`create trigger ${fts}_delete after delete on ${table} begin insert into ${fts}(${fts}, rowid, ${cols}) values ('delete', old.rowid, ${values('old')}); end`)
        .execute(db);
      await sql
        .raw(
          `create trigger ${fts}_update after update of ${cols} on ${table} begin ` +
            `insert into ${fts}(${fts}, rowid, ${cols}) values ('delete', old.rowid, ${values('old')}); ` +
            `insert into ${fts}(rowid, ${cols}) values (new.rowid, ${values('new')}); end`,
        )
        .execute(db);
      await sql.raw(`insert into ${fts}(${fts}) values ('rebuild')`).execute(db);
    }
    return;
  }
  // pg_trgm ships with PostgreSQL (contrib, in Debian's postgresql package) and is a trusted
  // extension: the owner of the database may create it (docs/self-hosting.md).
  await sql`create extension if not exists pg_trgm`.execute(db);
  for (const [table, columns] of Object.entries(searchedColumns)) {
    for (const column of columns) {
      await sql.raw(`create index ${table}_${column}_trgm_idx on ${table} using gin (lower(${column}) gin_trgm_ops)`).execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, columns] of Object.entries(searchedColumns)) {
    if (isSqlite(db)) {
      for (const suffix of ['insert', 'delete', 'update']) await sql.raw(`drop trigger if exists ${table}_fts_${suffix}`).execute(db);
      await sql.raw(`drop table if exists ${table}_fts`).execute(db);
    } else {
      for (const column of columns) await sql.raw(`drop index if exists ${table}_${column}_trgm_idx`).execute(db);
    }
  }
}
