import type { Kysely } from 'kysely';

// 应知应会 (issue 11 §6): a worker acknowledges the post card and answers five questions drawn from
// the post's risks, measures and emergency actions. Each attempt is evidence: insert-only, with the
// questions as asked, the answers given and the score.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('post_knowledge_check')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull()) // JSON [{ id, kind, prompt, options, answerIndex, chosenIndex }]
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('is_passed', 'integer', (c) => c.notNull())
    .addColumn('is_acknowledged', 'integer', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_knowledge_check_list_idx').on('post_knowledge_check').columns(['enterprise_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('post_knowledge_check_person_idx').on('post_knowledge_check').columns(['enterprise_id', 'person_id', 'created_at']).execute();
  await db.schema.createIndex('post_knowledge_check_post_idx').on('post_knowledge_check').columns(['enterprise_id', 'post_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('post_knowledge_check').ifExists().execute();
}
