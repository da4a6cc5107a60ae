import type { Kysely } from 'kysely';

// The enterprise ends an engagement (its principal or safety manager, from its consultancy page):
// the team then no longer works in the enterprise; the engagement and its evidence stay. An engagement
// also names its scope (服务范围), what the contract covers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('engagement').addColumn('scope', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('engagement').addColumn('ended_at', 'text').execute();
  await db.schema.alterTable('engagement').addColumn('ended_by_user_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('engagement').dropColumn('ended_by_user_id').execute();
  await db.schema.alterTable('engagement').dropColumn('ended_at').execute();
  await db.schema.alterTable('engagement').dropColumn('scope').execute();
}
