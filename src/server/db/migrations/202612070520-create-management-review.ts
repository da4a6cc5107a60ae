import type { Kysely } from 'kysely';

// Management review and the dual prevention mechanism's evaluation (issue 15 §3): the inputs are a
// snapshot (JSON of the features' figures when filled); decisions with owner, measure and deadline.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('management_review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // management | dual_prevention
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull()) // yearly | event
    .addColumn('event_note', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('inputs_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('chaired_by_user_id', 'text')
    .addColumn('concluded_at', 'text')
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('management_review_enterprise_idx').on('management_review').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('management_review_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('management_review.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('management_review_decision_idx').on('management_review_decision').columns(['enterprise_id', 'review_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('management_review_decision').execute();
  await db.schema.dropTable('management_review').execute();
}
