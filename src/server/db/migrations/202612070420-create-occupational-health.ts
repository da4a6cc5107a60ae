import type { Kysely } from 'kysely';

// Operational registers and occupational health (issue 14 §10, seed 000 三(五)1): special equipment
// and its periodic inspections, employees' health examinations (insert-only evidence), PPE each post
// must wear and its issuance per person, workplace monitoring readings, the 职业病危害项目申报 record.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('special_equipment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('equipment_id', 'text', (c) => c.references('equipment.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('registration_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cycle_months', 'integer', (c) => c.notNull())
    .addColumn('first_due_on', 'text')
    .addColumn('responsible_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('special_equipment_enterprise_idx').on('special_equipment').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('special_equipment_inspection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('special_equipment_id', 'text', (c) => c.notNull().references('special_equipment.id'))
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('report_no', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('next_due_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('special_equipment_inspection_idx').on('special_equipment_inspection').columns(['enterprise_id', 'special_equipment_id', 'inspected_on']).execute();

  await db.schema
    .createTable('health_exam')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('exam_on', 'text', (c) => c.notNull())
    .addColumn('institution', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('next_due_on', 'text')
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('health_exam_enterprise_idx').on('health_exam').columns(['enterprise_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('health_exam_person_idx').on('health_exam').columns(['enterprise_id', 'person_id', 'exam_on']).execute();

  await db.schema
    .createTable('ppe_requirement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('replace_months', 'integer')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('ppe_requirement_enterprise_idx').on('ppe_requirement').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('ppe_issue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('requirement_id', 'text', (c) => c.references('ppe_requirement.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('replace_by', 'text')
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ppe_issue_enterprise_idx').on('ppe_issue').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('workplace_monitoring')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('area_id', 'text', (c) => c.references('area.id'))
    .addColumn('post_id', 'text', (c) => c.references('post.id'))
    .addColumn('point', 'text', (c) => c.notNull())
    .addColumn('limit_code', 'text', (c) => c.notNull())
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('limit_value', 'double precision', (c) => c.notNull())
    .addColumn('is_over_limit', 'integer', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('hazard_id', 'text')
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workplace_monitoring_enterprise_idx').on('workplace_monitoring').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('ohd_declaration')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('declared_on', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('receipt_no', 'text', (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('exposed_count', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ohd_declaration_enterprise_idx').on('ohd_declaration').columns(['enterprise_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['ohd_declaration', 'workplace_monitoring', 'ppe_issue', 'ppe_requirement', 'health_exam', 'special_equipment_inspection', 'special_equipment']) await db.schema.dropTable(t).execute();
}
