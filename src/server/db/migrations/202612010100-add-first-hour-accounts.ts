import type { Kysely } from 'kysely';

// Issue 8 "The first hour": first-run set-up, logins for the enterprise's people, workers' phones.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row ever: the first-run set-up inserts it in the same transaction as the first enterprise, so
  // two concurrent set-ups cannot both succeed (the second hits the primary key → 409).
  await db.schema
    .createTable('installation_setup')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // A worker's short PIN (phone number + PIN on a remembered phone); the personal badge QR's secret
  // is stored by its hash like session tokens. The last enterprise a user worked in is where the next
  // login starts (consultants, regulators, the administrator).
  await db.schema.alterTable('user').addColumn('pin_hash', 'text').execute();
  await db.schema.alterTable('user').addColumn('badge_token_hash', 'text').execute();
  await db.schema.alterTable('user').addColumn('last_enterprise_id', 'text').execute();
  await db.schema.alterTable('user').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('user_badge_token_idx').on('user').columns(['badge_token_hash']).execute();

  // Device sessions: a worker's phone stays signed in for weeks (DEVICE_SESSION_DAYS), apart from the
  // office session's idle/absolute limits; the safety manager sees and revokes them by public_id.
  await db.schema.alterTable('session').addColumn('kind', 'text', (c) => c.notNull().defaultTo('office')).execute();
  await db.schema.alterTable('session').addColumn('public_id', 'text').execute();
  await db.schema.createIndex('session_public_id_idx').on('session').columns(['public_id']).unique().execute();

  // An invitation link/QR a person opens on their phone to set their own PIN or password; stored by
  // the token's hash, used once, expires.
  await db.schema
    .createTable('invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('invitation_user_idx').on('invitation').columns(['user_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('invitation').execute();
  await db.schema.dropIndex('session_public_id_idx').execute();
  await db.schema.alterTable('session').dropColumn('public_id').execute();
  await db.schema.alterTable('session').dropColumn('kind').execute();
  await db.schema.dropIndex('user_badge_token_idx').execute();
  for (const column of ['must_change_password', 'last_enterprise_id', 'badge_token_hash', 'pin_hash']) {
    await db.schema.alterTable('user').dropColumn(column).execute();
  }
  await db.schema.dropTable('installation_setup').execute();
}
