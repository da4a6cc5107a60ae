import type { Kysely } from 'kysely';

// Performance monitoring plan (issue 15 §1, seed 000 四(一)): what, method, frequency, who.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitoring_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('monitoring_item_enterprise_idx').on('monitoring_item').columns(['enterprise_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('monitoring_item').execute();
}
