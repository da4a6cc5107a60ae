import type { Kysely } from 'kysely';

// An initial review gap's action raises a corrective action (the one CAPA record, modules/improvement);
// the gap keeps its id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ohs_review_gap').addColumn('capa_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ohs_review_gap').dropColumn('capa_id').execute();
}
