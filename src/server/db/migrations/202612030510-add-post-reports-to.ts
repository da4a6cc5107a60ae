import type { Kysely } from 'kysely';

// Issue 9 §4, seed 001 第十四条 "上级岗位对下级岗位…进行检查": the org chart as "this post reports to
// that post", so publishing an operation post's list can ask whether its superior checks it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('post').addColumn('reports_to_post_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('post').dropColumn('reports_to_post_id').execute();
}
