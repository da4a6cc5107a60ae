import type { Kysely } from 'kysely';

// Issue 17 / seed 002: a consultancy with its consultants; an engagement takes one enterprise through
// the five phases. Ticks, reports, visits, findings and phase moves are insert-only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultancy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('consultancy_member')
    .addColumn('consultancy_id', 'text', (c) => c.notNull().references('consultancy.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('is_lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultancy_member_pk', ['consultancy_id', 'user_id'])
    .execute();
  await db.schema.createIndex('consultancy_member_user_idx').on('consultancy_member').columns(['user_id']).execute();
  await db.schema
    .createTable('engagement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultancy_id', 'text', (c) => c.notNull().references('consultancy.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('team_user_ids', 'text', (c) => c.notNull()) // JSON array
    .addColumn('contract_start', 'text', (c) => c.notNull())
    .addColumn('contract_end', 'text', (c) => c.notNull())
    .addColumn('phase', 'integer', (c) => c.notNull())
    .addColumn('phase_started_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('engagement_consultancy_enterprise_uq', ['consultancy_id', 'enterprise_id'])
    .execute();
  await db.schema.createIndex('engagement_enterprise_idx').on('engagement').columns(['enterprise_id']).execute();
  await db.schema
    .createTable('engagement_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // deliverable | advance
    .addColumn('code', 'text', (c) => c.notNull()) // deliverable code, or 'phase:N'
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagement_event_idx').on('engagement_event').columns(['engagement_id', 'at']).execute();
  await db.schema
    .createTable('engagement_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull()) // the enterprise's figures at that moment (JSON)
    .addColumn('generated_by_user_id', 'text')
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagement_report_idx').on('engagement_report').columns(['engagement_id', 'generated_at']).execute();
  await db.schema
    .createTable('engagement_visit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('phase', 'integer', (c) => c.notNull())
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('consultants', 'text', (c) => c.notNull())
    .addColumn('work', 'text', (c) => c.notNull())
    .addColumn('signer_person_id', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagement_visit_idx').on('engagement_visit').columns(['engagement_id', 'visited_on']).execute();
  await db.schema
    .createTable('engagement_finding')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id'))
    .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazard.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('engagement_finding_pk', ['engagement_id', 'hazard_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['engagement_finding', 'engagement_visit', 'engagement_report', 'engagement_event', 'engagement', 'consultancy_member', 'consultancy']) {
    await db.schema.dropTable(table).execute();
  }
}
