import type { Kysely } from 'kysely';

// OHS management system, Plan and Do (issue 14 §3–4): objectives bound to a metric or entered by hand,
// with their programme; the policy's versions (DESIGN "Approval and versions").
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ohs_objective')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text')
    .addColumn('comparison', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('org_unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('manual_value', 'double precision')
    .addColumn('programme_duties', 'text', (c) => c.notNull())
    .addColumn('programme_method', 'text', (c) => c.notNull())
    .addColumn('programme_schedule', 'text', (c) => c.notNull())
    .addColumn('programme_resources', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('ohs_objective_enterprise_idx').on('ohs_objective').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('ohs_policy_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('approved_by_user_id', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('superseded_at', 'text')
    .addColumn('obsolete_at', 'text')
    .addUniqueConstraint('ohs_policy_version_no_uq', ['enterprise_id', 'version_no'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ohs_policy_version').execute();
  await db.schema.dropTable('ohs_objective').execute();
}
