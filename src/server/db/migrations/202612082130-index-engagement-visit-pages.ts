import type { Kysely } from 'kysely';

// Issue 18 item 1: the enterprise's consultancy visits (GET /engagement-visits) page newest first by
// (visited_on, id); the only visit index was led by the engagement.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('engagement_visit_page_idx').on('engagement_visit').columns(['enterprise_id', 'visited_on', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('engagement_visit_page_idx').execute();
}
