import type { Kysely } from 'kysely';

// Document control (issue 14 §5, seed 000 二(四)): controlled documents, their versions through the
// one versioned approval (DESIGN "Approval and versions"), and their distribution to posts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('controlled_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text')
    .addColumn('owner_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('review_due_on', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('controlled_document_number_uq', ['enterprise_id', 'number'])
    .execute();
  await db.schema.createIndex('controlled_document_list_idx').on('controlled_document').columns(['enterprise_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('controlled_document_type_idx').on('controlled_document').columns(['enterprise_id', 'type', 'created_at', 'id']).execute();

  await db.schema
    .createTable('controlled_document_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('controlled_document.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull()) // JSON: the six headings
    .addColumn('change_note', 'text', (c) => c.notNull())
    .addColumn('file_path', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_mime', 'text')
    .addColumn('file_bytes', 'integer')
    .addColumn('file_sha256', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('approved_by_user_id', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('superseded_at', 'text')
    .addColumn('obsolete_at', 'text')
    .addUniqueConstraint('controlled_document_version_no_uq', ['document_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('controlled_document_distribution')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('controlled_document.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('controlled_document_distribution_uq', ['document_id', 'post_id'])
    .execute();
  await db.schema.createIndex('controlled_document_distribution_post_idx').on('controlled_document_distribution').columns(['enterprise_id', 'post_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('controlled_document_distribution').execute();
  await db.schema.dropTable('controlled_document_version').execute();
  await db.schema.dropTable('controlled_document').execute();
}
