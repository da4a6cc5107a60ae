import type { Kysely } from 'kysely';

// Issue 5 §3: every record keeps the device's capture time next to the server's receipt time, photos
// too — a photo taken in the morning and uploaded at night is stamped with both.
// is_anonymous marks photos sent through the public report page (no account): an anonymous report may
// only name those, so a stranger cannot attach (or learn about) a member's evidence photo.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('attachment').addColumn('captured_at', 'text').execute();
  await db.schema.alterTable('attachment').addColumn('is_anonymous', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('attachment').dropColumn('is_anonymous').execute();
  await db.schema.alterTable('attachment').dropColumn('captured_at').execute();
}
