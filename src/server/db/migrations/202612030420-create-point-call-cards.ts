import type { Kysely } from 'kysely';

// 手指口述 (issue 11 §4): one card per post (ordered steps, editable; every save is also kept as a
// revision row, insert-only), the post's spot-check inspection item, and the team leader's spot
// checks (insert-only evidence: who performed, correct or not).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('point_call_card')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('steps', 'text', (c) => c.notNull()) // JSON [{ step, look, say }]
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('inspection_item_id', 'text', (c) => c.notNull().references('inspection_item.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_call_card_post_idx').on('point_call_card').columns(['enterprise_id', 'post_id']).unique().execute();

  await db.schema
    .createTable('point_call_card_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('card_id', 'text', (c) => c.notNull().references('point_call_card.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('edited_by_user_id', 'text')
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_call_card_revision_idx').on('point_call_card_revision').columns(['card_id', 'revision']).unique().execute();

  await db.schema
    .createTable('point_call_spot_check')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('card_id', 'text', (c) => c.notNull().references('point_call_card.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('inspection_item_id', 'text', (c) => c.notNull().references('inspection_item.id'))
    .addColumn('card_revision', 'integer', (c) => c.notNull())
    .addColumn('performer_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('is_correct', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('checked_by_user_id', 'text', (c) => c.notNull())
    .addColumn('checked_by_person_id', 'text')
    .addColumn('client_id', 'text', (c) => c.unique())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_call_spot_check_post_idx').on('point_call_spot_check').columns(['enterprise_id', 'post_id', 'checked_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['point_call_spot_check', 'point_call_card_revision', 'point_call_card']) await db.schema.dropTable(table).ifExists().execute();
}
