import { type Kysely, sql } from 'kysely';

// Issue 9 §3, seed 001 第十三条: publishing gates the work.
// - An item names its responsible person, or says explicitly that it falls to the post's holders on
//   duty (responsible_is_holders); an item with neither cannot be published.
// - Tasks run the published version of each item (published_* columns, copied at publication);
//   editing an item changes only the live columns, a draft until the list is published again.
// Existing items were running before this change: they count as published as they stand, and an
// item without a person keeps falling to the post's holders, now said explicitly.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inspection_item').addColumn('responsible_is_holders', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (const column of ['published_content', 'published_method', 'published_period', 'published_responsible_person_id', 'published_supervisor_post_id', 'published_at'] as const) {
    await db.schema.alterTable('inspection_item').addColumn(column, 'text').execute();
  }
  await sql`update inspection_item set responsible_is_holders = 1 where responsible_person_id is null`.execute(db);
  await sql`update inspection_item set published_content = content, published_method = method, published_period = period,
    published_responsible_person_id = responsible_person_id, published_supervisor_post_id = supervisor_post_id, published_at = created_at`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['published_at', 'published_supervisor_post_id', 'published_responsible_person_id', 'published_period', 'published_method', 'published_content', 'responsible_is_holders']) {
    await db.schema.alterTable('inspection_item').dropColumn(column).execute();
  }
}
