import type { Kysely } from 'kysely';

// Issue 16, seeds 002 (phase 5) and 004: scoring sheets an enterprise imports, self-assessments with
// item decisions (insert-only: a correction is a new decision), meeting records, the actions that
// deductions become, internal assessors, and the enterprise facts the nine-section report needs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('score_sheet')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull()) // JSON ScoreSheet (src/reference/standardization/score-sheet.ts)
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('score_sheet_enterprise_idx').on('score_sheet').columns(['enterprise_id', 'created_at']).execute();

  await db.schema
    .createTable('self_assessment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sheet_ref', 'text', (c) => c.notNull()) // 'gbt33000-starter' or a score_sheet id
    .addColumn('sheet', 'text', (c) => c.notNull()) // JSON snapshot: the sheet as it was when the assessment began
    .addColumn('profile_code', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull()) // JSON [{ personId, role }]
    .addColumn('status', 'text', (c) => c.notNull()) // in_progress | concluded
    .addColumn('proposals', 'text') // JSON { [itemCode]: { evidence, proposedDeduction, reason, isVetoFired } }
    .addColumn('proposals_at', 'text')
    .addColumn('result', 'text') // JSON ScoringResult, frozen when concluded
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('concluded_at', 'text')
    .addColumn('concluded_by_user_id', 'text')
    .execute();
  await db.schema.createIndex('self_assessment_enterprise_idx').on('self_assessment').columns(['enterprise_id', 'created_at']).execute();

  // Insert-only (records are evidence): the latest decision of an item is its current one.
  await db.schema
    .createTable('self_assessment_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('self_assessment.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('deduction_cents', 'integer', (c) => c.notNull())
    .addColumn('is_not_applicable', 'integer', (c) => c.notNull())
    .addColumn('is_veto_fired', 'integer', (c) => c.notNull())
    .addColumn('is_override', 'integer', (c) => c.notNull()) // differs from the product's proposal
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('attachment_ids', 'text', (c) => c.notNull()) // JSON array
    .addColumn('decided_by_user_id', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('self_assessment_decision_idx').on('self_assessment_decision').columns(['assessment_id', 'item_code', 'decided_at']).execute();

  await db.schema
    .createTable('self_assessment_meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('self_assessment.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // first | last
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('attendee_person_ids', 'text', (c) => c.notNull()) // JSON array
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('self_assessment_meeting_idx').on('self_assessment_meeting').columns(['assessment_id', 'kind']).execute();

  await db.schema
    .createTable('standardization_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('self_assessment.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // action | hazard
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('hazard_id', 'text') // the hazard raised when the deduction is a site condition
    .addColumn('status', 'text', (c) => c.notNull()) // open | done
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_note', 'text')
    .addUniqueConstraint('standardization_action_item_uq', ['assessment_id', 'item_code'])
    .execute();

  await db.schema
    .createTable('internal_assessor')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('training', 'text', (c) => c.notNull())
    .addColumn('trained_on', 'text', (c) => c.notNull())
    .addColumn('appointed_on', 'text', (c) => c.notNull())
    .addColumn('appointment_ref', 'text', (c) => c.notNull()) // 聘任文件号
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addUniqueConstraint('internal_assessor_person_uq', ['enterprise_id', 'person_id'])
    .execute();

  // Seed 002 phase 5 §3 (1): the 企业简介 facts the self-assessment report needs beyond the enterprise record.
  await db.schema
    .createTable('standardization_profile')
    .addColumn('enterprise_id', 'text', (c) => c.primaryKey().references('enterprise.id'))
    .addColumn('nature', 'text', (c) => c.notNull()) // 企业性质
    .addColumn('location_and_transport', 'text', (c) => c.notNull())
    .addColumn('capacity_and_scale', 'text', (c) => c.notNull())
    .addColumn('main_processes', 'text', (c) => c.notNull())
    .addColumn('main_equipment', 'text', (c) => c.notNull())
    .addColumn('occupational_health', 'text', (c) => c.notNull()) // 职业卫生监测、危害控制
    .addColumn('updated_by_user_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['standardization_profile', 'internal_assessor', 'standardization_action', 'self_assessment_meeting', 'self_assessment_decision', 'self_assessment', 'score_sheet']) {
    await db.schema.dropTable(t).execute();
  }
}
