import type { Kysely } from 'kysely';

// Issue 17: the county view. A regulator's jurisdiction (a county, or one town 乡镇/街道 under it),
// the towns a county defines, and one row of precomputed figures per enterprise so the county list
// is one indexed query (refreshed by the oversight job, docs/architecture.md "County view").
// Figures that may be missing are stored as -1 (score, rates) or '' (last activity) so every sort
// column is NOT NULL and pages by a row-value bound.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oversight_jurisdiction')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id'))
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('town_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('oversight_town')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oversight_town_county_idx').on('oversight_town').columns(['county_code', 'code']).execute();
  await db.schema
    .createTable('enterprise_indicator')
    .addColumn('enterprise_id', 'text', (c) => c.primaryKey().references('enterprise.id'))
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('town_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('size_class', 'text', (c) => c.notNull())
    .addColumn('is_demonstration', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posts_major', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posts_significant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_hazards', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('overdue_hazards', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_major_hazards', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stop_work_in_force', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inspection_completion', 'integer', (c) => c.notNull().defaultTo(-1)) // percent, -1 none due
    .addColumn('training_compliance', 'integer', (c) => c.notNull().defaultTo(-1)) // percent, -1 nobody
    .addColumn('sa_score', 'integer', (c) => c.notNull().defaultTo(-1)) // tenths of the 1000-point score, -1 none
    .addColumn('sa_grade', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('supervision_grade', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('grade_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('facts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('last_activity_at', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('refreshed_at', 'text', (c) => c.notNull())
    .execute();
  for (const col of ['name', 'open_hazards', 'overdue_hazards', 'open_major_hazards', 'sa_score', 'last_activity_at', 'supervision_grade']) {
    await db.schema.createIndex(`enterprise_indicator_${col}_idx`).on('enterprise_indicator').columns(['county_code', col, 'enterprise_id']).execute();
  }
  await db.schema.createIndex('enterprise_indicator_town_idx').on('enterprise_indicator').columns(['county_code', 'town_code', 'name', 'enterprise_id']).execute();
  // The county's own tuning of the differentiated-supervision rules (defaults: src/reference/supervision-grade-rules.ts).
  await db.schema
    .createTable('supervision_rules')
    .addColumn('county_code', 'text', (c) => c.primaryKey())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The refresh job asks which enterprises wrote anything since a moment: a range over the audit's time.
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at', 'enterprise_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_log_at_idx').execute();
  await db.schema.dropTable('supervision_rules').execute();
  await db.schema.dropTable('enterprise_indicator').execute();
  await db.schema.dropTable('oversight_town').execute();
  await db.schema.dropTable('oversight_jurisdiction').execute();
}
