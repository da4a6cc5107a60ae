import type { Kysely } from 'kysely';

// 16号令 第十四条: every quarter (by the 15th of the next quarter) and every year (by 31 January) the
// enterprise submits its hazard statistics to the bureau. A submission keeps the figures as sent
// (insert-only, once per period); regulators acknowledge it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statistics_submission')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('period_key', 'text', (c) => c.notNull()) // 2026-Q3 | 2026
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('is_late', 'integer', (c) => c.notNull())
    .addColumn('submitted_by_user_id', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('statistics_submission_period_uq', ['enterprise_id', 'period_key'])
    .execute();
  await db.schema.createIndex('statistics_submission_period_idx').on('statistics_submission').columns(['period_key', 'enterprise_id']).execute();
  await db.schema
    .createTable('statistics_ack')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('statistics_submission.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('statistics_ack_uq', ['submission_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('statistics_ack').execute();
  await db.schema.dropTable('statistics_submission').execute();
}
