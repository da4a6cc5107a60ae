import { type Kysely, sql } from 'kysely';

// Issue 18 item 1: a person's training sessions (GET /training-sessions?personId=, the person's record)
// walked the enterprise's sessions in page order, each checked for the person's attendee row. The
// attendee row now carries its session's date (kept by training.repository.ts: written with the
// attendees, moved when the session's date changes), so one range of this index is the person's page
// in (held_on, id) order. It replaces training_attendee_person_idx, its prefix.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('training_attendee').addColumn('held_on', 'text', (c) => c.notNull().defaultTo('')).execute();
  await backfillAttendeeDates(db);
  await db.schema.createIndex('training_attendee_person_page_idx').on('training_attendee').columns(['enterprise_id', 'person_id', 'held_on', 'session_id']).execute();
  await db.schema.dropIndex('training_attendee_person_idx').execute();
}

export async function backfillAttendeeDates(db: Kysely<unknown>): Promise<void> {
  await sql`update training_attendee set held_on = (
    select s.held_on from training_session s where s.id = training_attendee.session_id and s.enterprise_id = training_attendee.enterprise_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('training_attendee_person_idx').on('training_attendee').columns(['enterprise_id', 'person_id']).execute();
  await db.schema.dropIndex('training_attendee_person_page_idx').execute();
  await db.schema.alterTable('training_attendee').dropColumn('held_on').execute();
}
