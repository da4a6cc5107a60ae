import type { Kysely } from 'kysely';

// One sign-off mechanism for the whole product (issue 11 §1, DESIGN.md "Mechanisms built once"):
// a person confirms a record — logged in, or by name and a drawn signature — and the row is
// evidence: never updated or deleted. A correction (a revocation, a signature again after it) is a
// new row naming the row it supersedes; chain_key is unique, so of two concurrent signatures of
// the same person in the same role on the same record exactly one lands.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_off')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // The subject's version the signature attests ('' for subjects that do not version).
    .addColumn('subject_revision', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('action', 'text', (c) => c.notNull()) // 'sign' | 'revoke'
    .addColumn('method', 'text', (c) => c.notNull()) // 'session' | 'drawn'
    .addColumn('user_id', 'text') // the logged-in account that sent it (the signer's own, or the phone's owner for a drawn one)
    .addColumn('signature_attachment_id', 'text', (c) => c.references('attachment.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('supersedes_id', 'text', (c) => c.references('sign_off.id'))
    .addColumn('chain_key', 'text', (c) => c.notNull().unique())
    .addColumn('client_id', 'text', (c) => c.unique())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('client_signed_at', 'text')
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_off_subject_idx').on('sign_off').columns(['enterprise_id', 'subject_type', 'subject_id', 'signed_at']).execute();
  await db.schema.createIndex('sign_off_person_idx').on('sign_off').columns(['enterprise_id', 'person_id', 'signed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_off').ifExists().execute();
}
