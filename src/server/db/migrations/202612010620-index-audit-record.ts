import type { Kysely } from 'kysely';

// The history of one record is asked for by its id alone (GET /audit-log?entityId=…, the record
// pages' history) as well as with the entity: (enterprise, entity_id, at, id) serves both in page
// order — an entity id names one record, so the entity is a cheap check on its few rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_log_record_page_idx').execute();
  await db.schema.createIndex('audit_log_record_page_idx').on('audit_log').columns(['enterprise_id', 'entity_id', 'at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_log_record_page_idx').execute();
  await db.schema.createIndex('audit_log_record_page_idx').on('audit_log').columns(['enterprise_id', 'entity', 'entity_id', 'at', 'id']).execute();
}
