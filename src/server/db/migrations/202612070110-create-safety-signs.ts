import type { Kysely } from 'kysely';

// Seed 001 第十一条 (issue 9 §6): the register of safety signs (GB 2894 categories) per area or
// equipment, and per area the post whose monthly inspection item checks the area's signs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('safety_sign')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('area_id', 'text', (c) => c.notNull().references('area.id'))
    .addColumn('equipment_id', 'text', (c) => c.references('equipment.id'))
    .addColumn('category', 'text', (c) => c.notNull()) // prohibition | warning | mandatory | information
    .addColumn('sign_code', 'text') // src/reference/safety-signs.ts, null for a free name
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('photo_id', 'text')
    .addColumn('installed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('safety_sign_list_idx').on('safety_sign').columns(['enterprise_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('safety_sign_area_idx').on('safety_sign').columns(['enterprise_id', 'area_id', 'created_at', 'id']).execute();
  await db.schema
    .createTable('safety_sign_check')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('area_id', 'text', (c) => c.notNull().references('area.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('inspection_item_id', 'text', (c) => c.notNull().references('inspection_item.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('safety_sign_check_pk', ['enterprise_id', 'area_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('safety_sign_check').ifExists().execute();
  await db.schema.dropTable('safety_sign').ifExists().execute();
}
