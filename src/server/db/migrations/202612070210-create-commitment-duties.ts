import type { Kysely } from 'kysely';

// Commitment and duties (issue 14 §2, seed 000 二(一)): per year, the top manager's commitment (signed
// through the sign-off mechanism), the person named to build and maintain the system and the resources
// (people, money, equipment); the yearly responsibility letters (安全生产责任书) per department or post.
// The duty list of each post is not stored here: it is read from the post and the risk register.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ohs_system_year')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('commitment_text', 'text', (c) => c.notNull())
    .addColumn('commitment_revision', 'integer', (c) => c.notNull())
    .addColumn('principal_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('builder_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('resources_people', 'text', (c) => c.notNull())
    .addColumn('resources_budget_cny', 'double precision')
    .addColumn('resources_equipment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ohs_system_year_uq', ['enterprise_id', 'year'])
    .execute();

  await db.schema
    .createTable('ohs_responsibility_letter')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    /** 'org:<org unit id>' or 'post:<post id>': one letter per scope and year. */
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('post_id', 'text', (c) => c.references('post.id'))
    .addColumn('holder_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('issuer_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ohs_responsibility_letter_uq', ['enterprise_id', 'year', 'scope_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ohs_responsibility_letter').execute();
  await db.schema.dropTable('ohs_system_year').execute();
}
