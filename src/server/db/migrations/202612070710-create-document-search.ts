import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../text-search.js';

// Issue 18 §2: documents are searched by number, title and content through the databases' own
// indexes (src/server/db/text-search.ts). The content lives in the versions (JSON headings); the
// document keeps the plain text of its newest version in content_text, written by the document
// service with each version (documents.repository.ts), so the list searches one table.
const columns = ['number', 'title', 'content_text'];

/** The headings' text, one per line (frozen here; the service has its own). */
function plainText(json: string): string {
  try {
    const content = JSON.parse(json) as Record<string, unknown>;
    return Object.values(content)
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .join('\n');
  } catch {
    return '';
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('controlled_document').addColumn('content_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  const { rows } = await sql<{ document_id: string; content: string }>`
    select v.document_id, v.content from controlled_document_version v
    where v.version_no = (select max(w.version_no) from controlled_document_version w where w.document_id = v.document_id)`.execute(db);
  for (const r of rows) await sql`update controlled_document set content_text = ${plainText(r.content)} where id = ${r.document_id}`.execute(db);

  if (isSqlite(db)) {
    const cols = columns.join(', ');
    const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
    const fts = 'controlled_document_fts';
    await sql.raw(`create virtual table ${fts} using fts5(${cols}, content='controlled_document', content_rowid='rowid', tokenize='trigram')`).execute(db);
    await sql.raw(`create trigger ${fts}_insert after insert on controlled_document begin insert into ${fts}(rowid, ${cols}) values (new.rowid, ${values('new')}); end`).execute(db);
    await sql.raw(`create trigger ${fts}_delete after delete on controlled_document begin insert into ${fts}(${fts}, rowid, ${cols}) values ('delete', old.rowid, ${values('old')}); end`).execute(db);
    await sql
      .raw(
        `create trigger ${fts}_update after update of ${cols} on controlled_document begin ` +
          `insert into ${fts}(${fts}, rowid, ${cols}) values ('delete', old.rowid, ${values('old')}); ` +
          `insert into ${fts}(rowid, ${cols}) values (new.rowid, ${values('new')}); end`,
      )
      .execute(db);
    await sql.raw(`insert into ${fts}(${fts}) values ('rebuild')`).execute(db);
    return;
  }
  await sql`create extension if not exists pg_trgm`.execute(db);
  for (const column of columns) {
    await sql.raw(`create index controlled_document_${column}_trgm_idx on controlled_document using gin (lower(${column}) gin_trgm_ops)`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    for (const suffix of ['insert', 'delete', 'update']) await sql.raw(`drop trigger if exists controlled_document_fts_${suffix}`).execute(db);
    await sql.raw('drop table if exists controlled_document_fts').execute(db);
  } else {
    for (const column of columns) await sql.raw(`drop index if exists controlled_document_${column}_trgm_idx`).execute(db);
  }
  await db.schema.alterTable('controlled_document').dropColumn('content_text').execute();
}
