import type { Kysely } from 'kysely';

// Issue 18 item 1: a worker's hazard list is the union of what they reported, what they reported done
// (rectifier), their posts' hazards and the plans they own, each read in page order from its own index
// range (hazard-list.repository.ts workerPage). The reporter and post page indexes exist; this is the
// rectifier's.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('hazard_rectifier_page_idx').on('hazard').columns(['enterprise_id', 'rectifier_user_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('hazard_rectifier_page_idx').execute();
}
