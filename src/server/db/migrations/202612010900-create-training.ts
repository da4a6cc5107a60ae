import type { Kysely } from 'kysely';

// Training and competence (issue 12). Attendance is not stored here: a person attended when they
// signed the session through the sign-off mechanism (sign_off, subject 'training-session').
// Scores are insert-only (a corrected score is a new row; the latest counts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('training_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .addColumn('trainer', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.references('post.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_session_held_idx').on('training_session').columns(['enterprise_id', 'held_on', 'id']).execute();

  await db.schema
    .createTable('training_attendee')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_session.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addPrimaryKeyConstraint('training_attendee_pk', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('training_attendee_person_idx').on('training_attendee').columns(['enterprise_id', 'person_id']).execute();

  await db.schema
    .createTable('training_score')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_session.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_score_session_idx').on('training_score').columns(['enterprise_id', 'session_id', 'recorded_at']).execute();

  await db.schema
    .createTable('certificate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('operation_code', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('review_due_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('certificate_person_idx').on('certificate').columns(['enterprise_id', 'person_id']).execute();
  await db.schema.createIndex('certificate_number_idx').on('certificate').columns(['enterprise_id', 'kind', 'number']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['certificate', 'training_score', 'training_attendee', 'training_session']) await db.schema.dropTable(t).ifExists().execute();
}
