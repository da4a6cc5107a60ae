import type { Kysely } from 'kysely';

// Issue 18 item 1: the training sessions and the certificate register page by keyset. Sessions are
// newest first by (held_on, id): training_session_held_idx serves the whole list and a year (a range
// of it); this index serves the status filter in that order. Certificates are newest registered
// first by (created_at, id): all of them, or one person's (the old person index ended in person_id,
// so a person's page was sorted).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('training_session_status_page_idx').on('training_session').columns(['enterprise_id', 'status', 'held_on', 'id']).execute();
  await db.schema.createIndex('certificate_list_idx').on('certificate').columns(['enterprise_id', 'created_at', 'id']).execute();
  await db.schema.dropIndex('certificate_person_idx').execute();
  await db.schema.createIndex('certificate_person_page_idx').on('certificate').columns(['enterprise_id', 'person_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('certificate_person_page_idx').execute();
  await db.schema.createIndex('certificate_person_idx').on('certificate').columns(['enterprise_id', 'person_id']).execute();
  await db.schema.dropIndex('certificate_list_idx').execute();
  await db.schema.dropIndex('training_session_status_page_idx').execute();
}
