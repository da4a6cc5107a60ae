import { type Kysely, type SqlBool, sql } from 'kysely';

// Issue 18 §3: notifications are fanned out from the outbox (kind 'notify'); the pending ones are
// read on every kick and every notifications list, so they get a partial index of their own
// (its WHERE repeated verbatim by outbox.repository.ts listPendingNotifyIds).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('outbox_notify_pending_idx')
    .on('outbox')
    .columns(['enterprise_id', 'created_at'])
    .where(sql.raw<SqlBool>(`sent_at is null and kind = 'notify'`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_notify_pending_idx').execute();
}
