import type { Kysely } from 'kysely';

// 定置管理 (seed 003 二(二)2; issue 11 §5): per area, the positions marked on the floor plan of the
// items that must have a place, the 定置 rule text, and the post whose inspection item checks it
// periodically. A deviation found is reported as a hazard of the area (the hazard is the record).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fixed_position_plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('area_id', 'text', (c) => c.notNull().references('area.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('inspection_item_id', 'text', (c) => c.notNull().references('inspection_item.id'))
    .addColumn('rule_text', 'text', (c) => c.notNull())
    .addColumn('positions', 'text', (c) => c.notNull()) // JSON [{ label, kind, x, y }] with x, y in 0..1 of the floor plan
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fixed_position_plan_area_idx').on('fixed_position_plan').columns(['enterprise_id', 'area_id']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('fixed_position_plan').ifExists().execute();
}
