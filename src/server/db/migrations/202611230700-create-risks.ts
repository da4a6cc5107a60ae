import type { Kysely } from 'kysely';

// The core chain of DATA-MODEL.md: post ─< risk ─< risk_evaluation; risk ─< control_measure ─< inspection_item.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('post').addColumn('template_ref', 'text').execute();

  await db.schema
    .createTable('risk')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('object_kind', 'text', (c) => c.notNull())
    .addColumn('object_name', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('area_id', 'text', (c) => c.references('area.id'))
    .addColumn('is_non_routine', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hazard_factor_codes', 'text', (c) => c.notNull())
    .addColumn('accident_type_codes', 'text', (c) => c.notNull())
    .addColumn('causes', 'text', (c) => c.notNull())
    .addColumn('identification_method', 'text', (c) => c.notNull())
    .addColumn('jha_steps', 'text')
    .addColumn('identified_by_user_id', 'text')
    .addColumn('identified_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rejection_reason', 'text')
    .addColumn('control_tier', 'text', (c) => c.notNull())
    .addColumn('responsible_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('level', 'text')
    .addColumn('residual_level', 'text')
    .addColumn('inherent_evaluation_id', 'text')
    .addColumn('residual_evaluation_id', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('review_flagged_at', 'text')
    .addColumn('template_ref', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('risk_post_idx').on('risk').columns(['enterprise_id', 'post_id']).execute();
  await db.schema.createIndex('risk_list_idx').on('risk').columns(['enterprise_id', 'created_at', 'id']).execute();

  // Insert-only history (DATA-MODEL invariant 6).
  await db.schema
    .createTable('risk_evaluation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risk.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('profile', 'text')
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('evaluated_by_user_id', 'text')
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_evaluation_risk_idx').on('risk_evaluation').columns(['risk_id', 'evaluated_at']).execute();

  await db.schema
    .createTable('control_measure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risk.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('phase', 'text')
    .addColumn('duty_item', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('control_measure_risk_idx').on('control_measure').columns(['enterprise_id', 'risk_id']).execute();

  await db.schema
    .createTable('inspection_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('measure_id', 'text', (c) => c.references('control_measure.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('responsible_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('supervisor_post_id', 'text', (c) => c.references('post.id'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('template_ref', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('inspection_item_post_idx').on('inspection_item').columns(['enterprise_id', 'post_id']).execute();
  await db.schema.createIndex('inspection_item_measure_idx').on('inspection_item').columns(['measure_id']).execute();

  await db.schema
    .createTable('special_control_plan')
    .addColumn('risk_id', 'text', (c) => c.primaryKey().references('risk.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('objective', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('people', 'text', (c) => c.notNull())
    .addColumn('funds_cny', 'double precision', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['special_control_plan', 'inspection_item', 'control_measure', 'risk_evaluation', 'risk']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('post').dropColumn('template_ref').execute();
}
