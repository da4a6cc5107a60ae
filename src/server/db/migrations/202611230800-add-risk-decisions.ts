import type { Kysely } from 'kysely';

// Issue 4: who accepted or rejected a proposed risk, and the "due for review" list's index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('risk').addColumn('decided_by_user_id', 'text').execute();
  await db.schema.alterTable('risk').addColumn('decided_at', 'text').execute();
  await db.schema.createIndex('risk_review_idx').on('risk').columns(['enterprise_id', 'review_flagged_at']).execute();
  await db.schema.createIndex('risk_evaluation_enterprise_idx').on('risk_evaluation').columns(['enterprise_id', 'risk_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('risk_evaluation_enterprise_idx').ifExists().execute();
  await db.schema.dropIndex('risk_review_idx').ifExists().execute();
  await db.schema.alterTable('risk').dropColumn('decided_at').execute();
  await db.schema.alterTable('risk').dropColumn('decided_by_user_id').execute();
}
