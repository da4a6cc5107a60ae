import type { Kysely } from 'kysely';

// Seed 001 Art. 17: a major hazard is reported to the county emergency-management bureau, and so is
// its remediation result. The report is a record (to which bureau, by whom, when, which .docx) and is
// delivered to the regulators linked to the enterprise, who acknowledge it (insert-only, one per user).
// 16号令: before the stop-work is lifted, technical staff or experts evaluate the remediation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bureau_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazard.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // major_hazard | result
    .addColumn('bureau', 'text', (c) => c.notNull())
    .addColumn('reported_by_user_id', 'text')
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addUniqueConstraint('bureau_report_hazard_kind_uq', ['hazard_id', 'kind'])
    .execute();
  await db.schema.createIndex('bureau_report_enterprise_idx').on('bureau_report').columns(['enterprise_id', 'reported_at']).execute();
  await db.schema
    .createTable('bureau_report_ack')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('bureau_report.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bureau_report_ack_uq', ['report_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('remediation_evaluation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazard.id'))
    .addColumn('evaluators', 'text', (c) => c.notNull())
    .addColumn('evaluator_kind', 'text', (c) => c.notNull()) // technical_staff | experts
    .addColumn('conclusion', 'text', (c) => c.notNull()) // passed | failed
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('evaluated_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('remediation_evaluation_hazard_idx').on('remediation_evaluation').columns(['enterprise_id', 'hazard_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('remediation_evaluation').execute();
  await db.schema.dropTable('bureau_report_ack').execute();
  await db.schema.dropTable('bureau_report').execute();
}
