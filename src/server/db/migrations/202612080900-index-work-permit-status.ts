import type { Kysely } from 'kysely';

// Issue 18 item 1: the permit list filtered by status (the page's status tabs) read the enterprise's
// permits newest first and dropped every other status; this index serves it in page order.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('work_permit_status_page_idx').on('work_permit').columns(['enterprise_id', 'status', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('work_permit_status_page_idx').execute();
}
