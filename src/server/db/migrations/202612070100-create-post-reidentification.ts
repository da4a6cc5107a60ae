import type { Kysely } from 'kysely';

// Periodic re-identification per post (issue 9 §10; seed 001 第十条 / seed 000 "定期"): the
// enterprise's period (months; the product default 12 is not from the seeds) and each recorded
// re-identification (who, when, note). Insert-only: a new entry resets the post's due day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('risk_setting')
    .addColumn('enterprise_id', 'text', (c) => c.primaryKey().references('enterprise.id'))
    .addColumn('reidentification_months', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('post_reidentification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('done_on', 'text', (c) => c.notNull()) // enterprise-local YYYY-MM-DD
    .addColumn('done_by_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_reidentification_post_idx').on('post_reidentification').columns(['enterprise_id', 'post_id', 'done_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('post_reidentification').ifExists().execute();
  await db.schema.dropTable('risk_setting').ifExists().execute();
}
