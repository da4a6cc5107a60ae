import type { Kysely } from 'kysely';

// The legal register (issue 14 §6): laws, regulations, rules, standards and local requirements that
// apply; their clauses mapped to posts, departments, risks and documents; the yearly compliance
// evaluation (insert-only: a correction is a later entry for the same year).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('legal_requirement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('ref_key', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text')
    .addColumn('is_unconfirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addUniqueConstraint('legal_requirement_ref_uq', ['enterprise_id', 'ref_key'])
    .execute();
  await db.schema.createIndex('legal_requirement_list_idx').on('legal_requirement').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('legal_clause')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('legal_requirement.id'))
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('is_unconfirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('post_ids', 'text', (c) => c.notNull()) // JSON arrays of ids of the same enterprise
    .addColumn('org_unit_ids', 'text', (c) => c.notNull())
    .addColumn('risk_ids', 'text', (c) => c.notNull())
    .addColumn('document_ids', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('legal_clause_requirement_idx').on('legal_clause').columns(['enterprise_id', 'requirement_id']).execute();

  await db.schema
    .createTable('compliance_evaluation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('legal_requirement.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('evaluated_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('action_owner_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('action_deadline', 'text')
    .addColumn('capa_id', 'text') // the corrective action raised for a non-compliance (modules/improvement)
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('compliance_evaluation_year_idx').on('compliance_evaluation').columns(['enterprise_id', 'year', 'requirement_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('compliance_evaluation').execute();
  await db.schema.dropTable('legal_clause').execute();
  await db.schema.dropTable('legal_requirement').execute();
}
