import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../text-search.js';

// Issue 17 item 1: a consultancy visit names who came (consultants of the consultancy, by user id) and
// the deliverables worked on; the enterprise's principal or safety manager confirms it (sign-off), so
// the visit no longer names one signer chosen by the consultant: signer_person_id becomes optional
// (kept for the visits recorded before, which that person still signs).
// Dialect branch: SQLite cannot drop a NOT NULL, so the (young, small) table is rebuilt there.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await db.schema
      .createTable('engagement_visit_new')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('phase', 'integer', (c) => c.notNull())
      .addColumn('visited_on', 'text', (c) => c.notNull())
      .addColumn('consultants', 'text', (c) => c.notNull())
      .addColumn('work', 'text', (c) => c.notNull())
      .addColumn('signer_person_id', 'text')
      .addColumn('recorded_by_user_id', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('consultant_user_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('deliverable_codes', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await sql`insert into engagement_visit_new (id, engagement_id, enterprise_id, phase, visited_on, consultants, work, signer_person_id, recorded_by_user_id, recorded_at)
      select id, engagement_id, enterprise_id, phase, visited_on, consultants, work, signer_person_id, recorded_by_user_id, recorded_at from engagement_visit`.execute(db);
    await db.schema.dropTable('engagement_visit').execute();
    await db.schema.alterTable('engagement_visit_new').renameTo('engagement_visit').execute();
    await db.schema.createIndex('engagement_visit_idx').on('engagement_visit').columns(['engagement_id', 'visited_on']).execute();
  } else {
    await sql`alter table engagement_visit alter column signer_person_id drop not null`.execute(db);
    await db.schema.alterTable('engagement_visit').addColumn('consultant_user_ids', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    await db.schema.alterTable('engagement_visit').addColumn('deliverable_codes', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  }
  // The enterprise's list of visits waiting for its confirmation.
  await db.schema.createIndex('engagement_visit_enterprise_idx').on('engagement_visit').columns(['enterprise_id', 'visited_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('engagement_visit_enterprise_idx').execute();
  await db.schema.alterTable('engagement_visit').dropColumn('deliverable_codes').execute();
  await db.schema.alterTable('engagement_visit').dropColumn('consultant_user_ids').execute();
}
