import type { Kysely } from 'kysely';

// The outbox carries every message that leaves the transaction that caused it (webhooks): written in
// that transaction, delivered later, retried with backoff, never lost and never sent twice
// (dedupe_key unique; sent_at set by the claiming UPDATE). In-app notifications are plain rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['sent_at', 'next_attempt_at']).execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('user_id', 'text', (c) => c.references('user.id')) // one user, or
    .addColumn('role', 'text') // every member holding this role
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['enterprise_id', 'user_id', 'created_at']).execute();
  await db.schema.createIndex('notification_role_idx').on('notification').columns(['enterprise_id', 'role', 'created_at']).execute();

  // One row per enterprise: the robot webhook and whether the public "see it, report it" page is open.
  await db.schema
    .createTable('enterprise_notification_setting')
    .addColumn('enterprise_id', 'text', (c) => c.primaryKey().references('enterprise.id'))
    .addColumn('webhook_url', 'text')
    .addColumn('webhook_format', 'text', (c) => c.notNull().defaultTo('wecom')) // wecom | dingtalk
    .addColumn('is_webhook_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('allow_anonymous_reports', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['enterprise_notification_setting', 'notification', 'outbox']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
