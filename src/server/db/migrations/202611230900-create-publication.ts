import type { Kysely } from 'kysely';

// Publication (seed 001 Art. 11). Kept in tables of its own so the org tables stay as they are:
// one settings row and one floor plan per enterprise, one polygon per area, emergency actions per post.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publication_setting')
    .addColumn('enterprise_id', 'text', (c) => c.primaryKey().references('enterprise.id'))
    .addColumn('emergency_phone', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('post_emergency_info')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('post.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('emergency_actions', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('floor_plan')
    .addColumn('enterprise_id', 'text', (c) => c.primaryKey().references('enterprise.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('area_map_polygon')
    .addColumn('area_id', 'text', (c) => c.primaryKey().references('area.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('points', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('area_map_polygon_enterprise_idx').on('area_map_polygon').column('enterprise_id').execute();
  // The map and the notice board look risks up by area.
  await db.schema.createIndex('risk_area_idx').on('risk').columns(['enterprise_id', 'area_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('risk_area_idx').ifExists().execute();
  for (const table of ['area_map_polygon', 'floor_plan', 'post_emergency_info', 'publication_setting']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
