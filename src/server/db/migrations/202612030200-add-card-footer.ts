import type { Kysely } from 'kysely';

// Issue 8 §6: the publication settings page — the card footer line the enterprise prints on every
// risk card and notice board (who issued it, a supervision phone), next to the emergency phone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('publication_setting').addColumn('card_footer', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('publication_setting').dropColumn('card_footer').execute();
}
