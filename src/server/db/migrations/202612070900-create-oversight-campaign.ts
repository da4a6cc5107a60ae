import type { Kysely } from 'kysely';

// Seed 003 要求(三): the county organises its small enterprises' self-assessment as a campaign — a
// scoring sheet of the self-assessment engine (sheet_ref), a deadline, the towns it covers ('[]' = all).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oversight_campaign')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sheet_ref', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('town_codes', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oversight_campaign_county_idx').on('oversight_campaign').columns(['county_code', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('oversight_campaign').execute();
}
