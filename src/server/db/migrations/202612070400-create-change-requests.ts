import type { Kysely } from 'kysely';

// Change management (issue 14 §7, seed 000 一(二)3): a change request with its risk review, decision,
// implementation and close (a new row starts 'requested' with nothing flagged: the column defaults). The risks it flagged are kept as a JSON array of ids.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('change_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('requested_by_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('post_id', 'text', (c) => c.references('post.id'))
    .addColumn('area_id', 'text', (c) => c.references('area.id'))
    .addColumn('equipment_id', 'text', (c) => c.references('equipment.id'))
    .addColumn('material_id', 'text', (c) => c.references('material.id'))
    .addColumn('planned_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('requested'))
    .addColumn('review_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('flagged_risk_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by_user_id', 'text')
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_user_id', 'text')
    .addColumn('implemented_at', 'text')
    .addColumn('close_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('change_request_enterprise_idx').on('change_request').columns(['enterprise_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('change_request_status_idx').on('change_request').columns(['enterprise_id', 'status', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('change_request').execute();
}
