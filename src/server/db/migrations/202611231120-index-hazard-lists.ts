import type { Kysely } from 'kysely';

// The hazard list filters by post or status and pages newest first on (created_at, id): with the
// page order in the index the database walks one page instead of sorting every match (bench/hazards.ts:
// 50,000 hazards, list by post and status went from a sort of ~6,000 rows per request to an index walk).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('hazard_post_page_idx').on('hazard').columns(['enterprise_id', 'post_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('hazard_status_page_idx').on('hazard').columns(['enterprise_id', 'status', 'created_at', 'id']).execute();
  await db.schema.dropIndex('hazard_post_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('hazard_post_idx').on('hazard').columns(['enterprise_id', 'post_id']).execute();
  await db.schema.dropIndex('hazard_status_page_idx').execute();
  await db.schema.dropIndex('hazard_post_page_idx').execute();
}
