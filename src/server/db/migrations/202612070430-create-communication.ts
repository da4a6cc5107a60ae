import type { Kysely } from 'kysely';

// Participation and communication (issue 14 §9, seed 000 三(三)): the communication plan's channels,
// meetings (safety meetings, 班前会, consultations with workers' representatives) with attendance
// signed through sign-off, and the decisions → actions (owner, deadline) they produce.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comm_channel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('comm_channel_enterprise_idx').on('comm_channel').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('chair_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('channel_id', 'text', (c) => c.references('comm_channel.id'))
    .addColumn('representatives', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_enterprise_idx').on('meeting').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('meeting_attendee')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addPrimaryKeyConstraint('meeting_attendee_pk', ['meeting_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('meeting_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_action_open_idx').on('meeting_action').columns(['enterprise_id', 'done_at', 'deadline']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['meeting_action', 'meeting_attendee', 'meeting', 'comm_channel']) await db.schema.dropTable(t).execute();
}
