import type { Kysely } from 'kysely';

// Emergency readiness (issue 13): plans and their versions, supplies, contacts, first steps per post,
// the drill cadence setting, drills and their reviews.
export async function up(db: Kysely<unknown>): Promise<void> {
  const tenant = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'));

  await tenant('emergency_plan')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scenario_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.references('post.id'))
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('emergency_plan_enterprise_idx').on('emergency_plan').columns(['enterprise_id', 'created_at']).execute();

  await tenant('emergency_plan_version')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('emergency_plan.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('contents', 'text', (c) => c.notNull())
    .addColumn('revision_reason', 'text', (c) => c.notNull())
    .addColumn('drill_review_id', 'text')
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('approved_by_user_id', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('review_due_on', 'text')
    .addColumn('superseded_at', 'text')
    .addColumn('obsolete_at', 'text')
    .addUniqueConstraint('emergency_plan_version_no_uq', ['plan_id', 'version_no'])
    .execute();
  await db.schema.createIndex('emergency_plan_version_plan_idx').on('emergency_plan_version').columns(['enterprise_id', 'plan_id']).execute();

  await tenant('emergency_supply')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('min_quantity', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.references('area.id'))
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('responsible_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('expires_on', 'text')
    .addColumn('check_period', 'text')
    .addColumn('check_post_id', 'text', (c) => c.references('post.id'))
    .addColumn('inspection_item_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('emergency_supply_enterprise_idx').on('emergency_supply').columns(['enterprise_id', 'created_at']).execute();

  await tenant('emergency_contact')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('is_external', 'integer', (c) => c.notNull())
    .addColumn('call_order', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('person.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('emergency_contact_enterprise_idx').on('emergency_contact').columns(['enterprise_id', 'created_at']).execute();

  await db.schema
    .createTable('post_first_steps')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('post.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('emergency_setting')
    .addColumn('enterprise_id', 'text', (c) => c.primaryKey().references('enterprise.id'))
    .addColumn('comprehensive_per_year', 'integer', (c) => c.notNull())
    .addColumn('onsite_every_months', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await tenant('emergency_drill')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('emergency_plan.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('participant_person_ids', 'text', (c) => c.notNull())
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('plan_version_id', 'text')
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('recorded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('emergency_drill_enterprise_idx').on('emergency_drill').columns(['enterprise_id', 'planned_on']).execute();

  await tenant('drill_review')
    .addColumn('drill_id', 'text', (c) => c.notNull().unique().references('emergency_drill.id'))
    .addColumn('what_worked', 'text', (c) => c.notNull())
    .addColumn('what_failed', 'text', (c) => c.notNull())
    .addColumn('needs_revision', 'integer', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('new_version_id', 'text')
    .addColumn('reviewed_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['drill_review', 'emergency_drill', 'emergency_setting', 'post_first_steps', 'emergency_contact', 'emergency_supply', 'emergency_plan_version', 'emergency_plan']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
