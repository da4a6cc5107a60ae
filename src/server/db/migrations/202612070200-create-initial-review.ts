import type { Kysely } from 'kysely';

// Initial review (初始评审, issue 14 §1, seed 000 一(三)1, 二(二)): the review with its baseline snapshot
// (JSON, taken from the features' indicator functions), its named team, the team's findings per area,
// and the gaps found at completion, each followed up by an objective or an action with owner and deadline.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ohs_initial_review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_by_user_id', 'text')
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('ohs_initial_review_enterprise_idx').on('ohs_initial_review').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('ohs_initial_review_member')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('ohs_initial_review.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('ohs_initial_review_member_uq', ['review_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('ohs_initial_review_finding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('ohs_initial_review.id'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('is_gap', 'integer', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ohs_initial_review_finding_review_idx').on('ohs_initial_review_finding').columns(['review_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('ohs_review_gap')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('ohs_initial_review.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    /** A baseline gap: its key, count, names and proposed objective (JSON); null for a finding. */
    .addColumn('detail', 'text')
    .addColumn('finding_id', 'text', (c) => c.references('ohs_initial_review_finding.id'))
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('objective_id', 'text', (c) => c.references('ohs_objective.id'))
    .addColumn('action_text', 'text')
    .addColumn('action_owner_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('action_due_on', 'text')
    .addColumn('action_done_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ohs_review_gap_review_idx').on('ohs_review_gap').columns(['review_id', 'position']).execute();
  await db.schema.createIndex('ohs_review_gap_owner_idx').on('ohs_review_gap').columns(['enterprise_id', 'action_owner_person_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ohs_review_gap').execute();
  await db.schema.dropTable('ohs_initial_review_finding').execute();
  await db.schema.dropTable('ohs_initial_review_member').execute();
  await db.schema.dropTable('ohs_initial_review').execute();
}
