import type { Kysely } from 'kysely';

// DATA-MODEL.md: hazard ─< hazard_event (insert-only), the five in place, the major-hazard remediation
// plan (16号令 Art. 15), stop work (seed 001 Art. 17), and the outbox / in-app notifications that carry
// "new hazard to confirm", "deadline near" and "overdue" to people and to a WeCom / DingTalk robot.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hazard')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('source', 'text', (c) => c.notNull()) // inspection | adhoc | anonymous
    .addColumn('record_id', 'text') // inspection_record, owned by the inspections feature (no FK: built in parallel)
    .addColumn('item_id', 'text', (c) => c.references('inspection_item.id'))
    .addColumn('post_id', 'text', (c) => c.references('post.id'))
    .addColumn('area_id', 'text', (c) => c.references('area.id'))
    .addColumn('measure_id', 'text', (c) => c.references('control_measure.id'))
    .addColumn('grade', 'text') // general | major, null until confirmed
    .addColumn('criterion_id', 'text') // 10号令 criterion id (src/reference/major-hazard-criteria.ts)
    .addColumn('criterion_other_reason', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('photo_ids', 'text', (c) => c.notNull()) // JSON array of attachment ids
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reporter_user_id', 'text', (c) => c.references('user.id'))
    .addColumn('reporter_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('reporter_name', 'text') // anonymous reports and contractors without an account
    .addColumn('rectifier_user_id', 'text') // who reported the rectification done: never the acceptor (invariant 7)
    .addColumn('deadline', 'text')
    .addColumn('escalation_tier', 'text') // team | department | company once escalated
    .addColumn('overdue_at', 'text') // set by the overdue run; cleared when a new deadline is planned
    .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  // DATA-MODEL scale notes: the hot reads are by status/deadline and by post; the list pages by (created_at, id).
  await db.schema.createIndex('hazard_status_deadline_idx').on('hazard').columns(['enterprise_id', 'status', 'deadline']).execute();
  await db.schema.createIndex('hazard_post_idx').on('hazard').columns(['enterprise_id', 'post_id']).execute();
  await db.schema.createIndex('hazard_list_idx').on('hazard').columns(['enterprise_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('hazard_measure_idx').on('hazard').columns(['enterprise_id', 'measure_id']).execute();

  // Insert-only lifecycle history (DATA-MODEL invariant 6).
  await db.schema
    .createTable('hazard_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazard.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hazard_event_hazard_idx').on('hazard_event').columns(['hazard_id', 'at']).execute();

  // The five in place (五到位): all columns required. One current plan per hazard; a re-plan after
  // sending back replaces it and the old one stays in hazard_event.
  await db.schema
    .createTable('rectification_plan')
    .addColumn('hazard_id', 'text', (c) => c.primaryKey().references('hazard.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('funds_cny', 'double precision', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('interim_measure', 'text', (c) => c.notNull())
    .addColumn('planned_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rectification_plan_owner_idx').on('rectification_plan').columns(['enterprise_id', 'owner_person_id']).execute();

  // 16号令 Art. 15: the six parts of a major hazard's remediation plan, owned by the principal.
  await db.schema
    .createTable('remediation_plan')
    .addColumn('hazard_id', 'text', (c) => c.primaryKey().references('hazard.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('objective', 'text', (c) => c.notNull()) // 治理的目标和任务
    .addColumn('methods', 'text', (c) => c.notNull()) // 采取的方法和措施
    .addColumn('funds_and_materials', 'text', (c) => c.notNull()) // 经费和物资的落实
    .addColumn('organisation_and_people', 'text', (c) => c.notNull()) // 负责治理的机构和人员
    .addColumn('schedule', 'text', (c) => c.notNull()) // 治理的时限和要求
    .addColumn('safety_and_emergency', 'text', (c) => c.notNull()) // 安全措施和应急预案
    .addColumn('situation_and_cause', 'text', (c) => c.notNull()) // bureau report: 现状及其产生原因
    .addColumn('severity_and_difficulty', 'text', (c) => c.notNull()) // bureau report: 危害程度和整改难易程度分析
    .addColumn('result', 'text') // 治理结果, for the result report
    .addColumn('planned_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stop_work')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazard.id'))
    .addColumn('post_id', 'text', (c) => c.references('post.id'))
    .addColumn('area_id', 'text', (c) => c.references('area.id'))
    .addColumn('stopped_at', 'text', (c) => c.notNull())
    .addColumn('stopped_by_user_id', 'text')
    .addColumn('people_withdrawn', 'text', (c) => c.notNull())
    .addColumn('withdrawn_by', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('lifted_by_user_id', 'text')
    .execute();
  await db.schema.createIndex('stop_work_hazard_idx').on('stop_work').columns(['enterprise_id', 'hazard_id']).execute();
  await db.schema.createIndex('stop_work_open_idx').on('stop_work').columns(['enterprise_id', 'lifted_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['stop_work', 'remediation_plan', 'rectification_plan', 'hazard_event', 'hazard']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
