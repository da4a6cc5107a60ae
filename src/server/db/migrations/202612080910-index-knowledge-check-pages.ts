import type { Kysely } from 'kysely';

// Issue 18 item 1: the knowledge-check results (应知应会) of one person or one post page newest
// first by (created_at, id); the old indexes ended in created_at alone, so the page key's tie-break
// was sorted and the cursor could not bound the index range. These end in the whole page key.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('post_knowledge_check_person_idx').execute();
  await db.schema.dropIndex('post_knowledge_check_post_idx').execute();
  await db.schema.createIndex('post_knowledge_check_person_page_idx').on('post_knowledge_check').columns(['enterprise_id', 'person_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('post_knowledge_check_post_page_idx').on('post_knowledge_check').columns(['enterprise_id', 'post_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('post_knowledge_check_post_page_idx').execute();
  await db.schema.dropIndex('post_knowledge_check_person_page_idx').execute();
  await db.schema.createIndex('post_knowledge_check_person_idx').on('post_knowledge_check').columns(['enterprise_id', 'person_id', 'created_at']).execute();
  await db.schema.createIndex('post_knowledge_check_post_idx').on('post_knowledge_check').columns(['enterprise_id', 'post_id', 'created_at']).execute();
}
