import type { Kysely } from 'kysely';

// Internal audit (issue 15 §2, seed 000 四(二)): audits with scope, auditors (appointed internal
// auditors, or an external one by name), an editable checklist, insert-only findings, the report.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('internal_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('auditor_person_ids', 'text', (c) => c.notNull()) // JSON array
    .addColumn('external_auditor', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('checklist', 'text', (c) => c.notNull()) // JSON array of { key, element, question }
    .addColumn('conclusion', 'text')
    .addColumn('judgement', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addColumn('reported_by_user_id', 'text')
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('internal_audit_enterprise_idx').on('internal_audit').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('audit_finding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('internal_audit.id'))
    .addColumn('checklist_key', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('photo_ids', 'text', (c) => c.notNull()) // JSON array of attachment ids
    .addColumn('capa_id', 'text', (c) => c.references('capa.id'))
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_finding_audit_idx').on('audit_finding').columns(['enterprise_id', 'audit_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_finding').execute();
  await db.schema.dropTable('internal_audit').execute();
}
