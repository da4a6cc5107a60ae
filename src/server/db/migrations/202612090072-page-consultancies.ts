import type { Kysely } from 'kysely';

// Issue 18 §1: a consultancy's engagements (GET /consultancies/:id/engagements) were read whole; they
// page newest first by (created_at, id) now, each page one range of this index on SQLite and PostgreSQL.
// (The consultancies themselves page by name on the unique index of consultancy.name.)
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('engagement_consultancy_page_idx').on('engagement').columns(['consultancy_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('engagement_consultancy_page_idx').execute();
}
