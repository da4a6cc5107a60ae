import type { Kysely } from 'kysely';

// One calendar of what is due (issue 15 §6): each person's secret .ics feed URL. Stored by the
// token's hash (a copy of the database holds no usable URL); revoking stamps revoked_at.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_feed')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('calendar_feed_user_idx').on('calendar_feed').columns(['enterprise_id', 'user_id', 'revoked_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feed').ifExists().execute();
}
