import { type Kysely, sql } from 'kysely';

// Issue 18 §1: the administrator's enterprises (GET /enterprises) were every live enterprise in name
// order, read whole; they page by (name, id) now, and this partial index holds exactly the live ones in
// that order, so each page is one range of it on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('enterprise_name_page_idx').on('enterprise').columns(['name', 'id']).where(sql.ref('archived_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enterprise_name_page_idx').execute();
}
