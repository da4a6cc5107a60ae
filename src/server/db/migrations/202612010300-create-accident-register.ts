import type { Kysely } from 'kysely';

// Issue 9 (seed 001 第七条): the facts the direct rules grade on come from the records —
// an area's hazard kinds (中毒 / 爆炸 / 火灾) and the most people working there at once, the
// equipment that is a major hazard installation (重大危险源), and the accident register (事故事件台账).
// Issue 8 item 5: posts have their work areas (post_area), so risks inherit them and Art. 7 knows
// "a post whose work happens there".
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('area').addColumn('hazard_kinds', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('area').addColumn('max_people_at_once', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('equipment').addColumn('is_major_hazard_installation', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // The facts an evaluation used and the 第七条 rules they fired, kept with the (insert-only) evaluation.
  await db.schema.alterTable('risk_evaluation').addColumn('facts', 'text').execute();
  await db.schema.alterTable('risk_evaluation').addColumn('fired_rules', 'text').execute();

  await db.schema
    .createTable('post_area')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('area_id', 'text', (c) => c.notNull().references('area.id'))
    .addPrimaryKeyConstraint('post_area_pk', ['post_id', 'area_id'])
    .execute();
  await db.schema.createIndex('post_area_area_idx').on('post_area').columns(['enterprise_id', 'area_id']).execute();

  // Insert-only evidence: a correction is a new revision of the same root; the highest revision is
  // current. unique (root_id, revision) turns two concurrent corrections into one success and one 409.
  await db.schema
    .createTable('accident')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('root_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // accident | near_miss
    .addColumn('occurred_on', 'text', (c) => c.notNull()) // YYYY-MM-DD in the enterprise's time zone
    .addColumn('post_id', 'text', (c) => c.references('post.id'))
    .addColumn('area_id', 'text', (c) => c.references('area.id'))
    .addColumn('equipment_id', 'text', (c) => c.references('equipment.id'))
    .addColumn('people_involved', 'text', (c) => c.notNull())
    .addColumn('accident_type_code', 'text') // GB 6441-1986 01..20
    .addColumn('deaths', 'integer', (c) => c.notNull())
    .addColumn('serious_injuries', 'integer', (c) => c.notNull())
    .addColumn('minor_injuries', 'integer', (c) => c.notNull())
    .addColumn('direct_loss_cny', 'double precision', (c) => c.notNull())
    .addColumn('is_major_property_loss', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('cause_analysis', 'text', (c) => c.notNull())
    .addColumn('corrective_actions', 'text', (c) => c.notNull())
    .addColumn('authority_report', 'text', (c) => c.notNull()) // to whom and when it was reported, '' when not required
    .addColumn('is_void', 'integer', (c) => c.notNull()) // a correction "entered by mistake"
    .addColumn('correction_reason', 'text')
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('accident_root_revision_uq', ['root_id', 'revision'])
    .execute();
  await db.schema.createIndex('accident_list_idx').on('accident').columns(['enterprise_id', 'occurred_on']).execute();
  await db.schema.createIndex('accident_post_idx').on('accident').columns(['enterprise_id', 'post_id']).execute();
  await db.schema.createIndex('accident_area_idx').on('accident').columns(['enterprise_id', 'area_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('accident').execute();
  await db.schema.dropTable('post_area').execute();
  await db.schema.alterTable('risk_evaluation').dropColumn('fired_rules').execute();
  await db.schema.alterTable('risk_evaluation').dropColumn('facts').execute();
  await db.schema.alterTable('equipment').dropColumn('is_major_hazard_installation').execute();
  await db.schema.alterTable('area').dropColumn('max_people_at_once').execute();
  await db.schema.alterTable('area').dropColumn('hazard_kinds').execute();
}
