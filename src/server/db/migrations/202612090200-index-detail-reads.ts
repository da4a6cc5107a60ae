import type { Kysely } from 'kysely';

// Issue 18: reads that are not lists, each of which read its table whole (SQLite's `SCAN`, PostgreSQL's
// Seq Scan) for want of an index its condition could bound (detail-plans.sqlite.int.test.ts):
// - an enterprise's remembered phones (GET /device-sessions): every session of the installation;
// - the standardization actions due (due items, home page): every action of the installation;
// - a year's drill reviews (the management review's inputs): every review of the installation;
// - the risks of a place (a post, its areas, its equipment — an accident's or a hazard's place): the
//   equipment's risks had no index on object_id, so the whole enterprise's risks were walked.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('session_enterprise_kind_idx').on('session').columns(['active_enterprise_id', 'kind']).execute();
  await db.schema.createIndex('standardization_action_due_idx').on('standardization_action').columns(['enterprise_id', 'kind', 'deadline']).execute();
  await db.schema.createIndex('drill_review_enterprise_idx').on('drill_review').columns(['enterprise_id', 'created_at']).execute();
  await db.schema.createIndex('risk_object_idx').on('risk').columns(['enterprise_id', 'object_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['session_enterprise_kind_idx', 'standardization_action_due_idx', 'drill_review_enterprise_idx', 'risk_object_idx']) {
    await db.schema.dropIndex(name).execute();
  }
}
