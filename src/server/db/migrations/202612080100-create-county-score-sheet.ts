import { type Kysely, sql } from 'kysely';

// Issue 17 §5: a county imports its own scoring sheets (e.g. one built on DB41/T 2292-2022's
// headings) for its campaigns. Same content format as score_sheet (a JSON ScoreSheet, same parser and
// template); owned by a county, not an enterprise, so a table of its own keeps score_sheet's
// enterprise_id a tenant key. Self-assessments gain finding_count: the items deducted (or whose veto
// fired) when the assessment concluded — the findings a campaign's progress counts as open or closed
// against the assessment's standardization actions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('county_score_sheet')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull()) // JSON ScoreSheet (src/reference/standardization/score-sheet.ts)
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('county_score_sheet_county_idx').on('county_score_sheet').columns(['county_code', 'created_at']).execute();
  await db.schema.createIndex('oversight_campaign_sheet_idx').on('oversight_campaign').columns(['sheet_ref', 'county_code']).execute();

  await db.schema.alterTable('self_assessment').addColumn('finding_count', 'integer').execute();
  // Backfill the concluded ones: the current decision of an item is its newest (decisions are insert-only).
  await sql`
    UPDATE self_assessment SET finding_count = (
      SELECT COUNT(*) FROM self_assessment_decision d
      WHERE d.assessment_id = self_assessment.id
        AND (d.deduction_cents > 0 OR d.is_veto_fired = 1)
        AND NOT EXISTS (
          SELECT 1 FROM self_assessment_decision n
          WHERE n.assessment_id = d.assessment_id AND n.item_code = d.item_code
            AND (n.decided_at > d.decided_at OR (n.decided_at = d.decided_at AND n.id > d.id))
        )
    )
    WHERE status = 'concluded'`.execute(db);
  await db.schema.createIndex('standardization_action_assessment_idx').on('standardization_action').columns(['assessment_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('standardization_action_assessment_idx').execute();
  await db.schema.alterTable('self_assessment').dropColumn('finding_count').execute();
  await db.schema.dropIndex('oversight_campaign_sheet_idx').execute();
  await db.schema.dropTable('county_score_sheet').execute();
}
