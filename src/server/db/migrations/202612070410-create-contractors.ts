import type { Kysely } from 'kysely';

// Contractors and temporary workers (相关方, issue 14 §8, seed 000 一(二)2, 三(五)2(10)): the register
// with its safety agreement and site induction (a training session, signed through sign-off), the
// qualifications with their expiry, the people on site, and insert-only supervision and evaluation records.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contractor')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('work_scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agreement_signed_on', 'text')
    .addColumn('agreement_expires_on', 'text')
    .addColumn('induction_session_id', 'text', (c) => c.references('training_session.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('contractor_enterprise_idx').on('contractor').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('contractor_person')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('contractor_id', 'text', (c) => c.notNull().references('contractor.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addPrimaryKeyConstraint('contractor_person_pk', ['contractor_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('contractor_qualification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('contractor_id', 'text', (c) => c.notNull().references('contractor.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issuer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issued_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('contractor_qualification_enterprise_idx').on('contractor_qualification').columns(['enterprise_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('contractor_qualification_contractor_idx').on('contractor_qualification').columns(['enterprise_id', 'contractor_id', 'created_at', 'id']).execute();

  // Evidence: insert-only (supervision rounds and evaluations).
  await db.schema
    .createTable('contractor_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('contractor_id', 'text', (c) => c.notNull().references('contractor.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // supervision | evaluation
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('person.id'))
    .addColumn('work_permit_id', 'text', (c) => c.references('work_permit.id'))
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contractor_record_contractor_idx').on('contractor_record').columns(['enterprise_id', 'contractor_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contractor_record').execute();
  await db.schema.dropTable('contractor_qualification').execute();
  await db.schema.dropTable('contractor_person').execute();
  await db.schema.dropTable('contractor').execute();
}
