import type { Kysely } from 'kysely';

// Inspections (seed 001 Art. 13–16): the enterprise's shift roster, list publications, recurring
// tasks (one per post, person, period and window), insert-only records, photo attachments.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shift_definition')
    .addColumn('enterprise_id', 'text', (c) => c.primaryKey().references('enterprise.id'))
    .addColumn('shifts', 'text', (c) => c.notNull()) // JSON [{ code, start, end }]
    .addColumn('updated_by_user_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inspection_list_publication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('item_ids', 'text', (c) => c.notNull()) // JSON snapshot of the published items
    .addColumn('published_by_user_id', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_list_publication_post_idx').on('inspection_list_publication').columns(['enterprise_id', 'post_id', 'published_at']).execute();

  await db.schema
    .createTable('inspection_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('responsible_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('shift_code', 'text')
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    // DATA-MODEL invariant 4: the scheduler and the on-read check may race; the key makes it harmless.
    .addUniqueConstraint('inspection_task_window_key', ['post_id', 'responsible_person_id', 'period', 'window_start'])
    .execute();
  await db.schema
    .createIndex('inspection_task_person_idx')
    .on('inspection_task')
    .columns(['enterprise_id', 'responsible_person_id', 'status', 'window_end'])
    .execute();
  await db.schema.createIndex('inspection_task_status_idx').on('inspection_task').columns(['enterprise_id', 'status', 'window_end']).execute();

  // Insert-only evidence (DATA-MODEL invariant 6): a correction is a new row naming the one it supersedes.
  await db.schema
    .createTable('inspection_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('inspection_task.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('inspection_item.id'))
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('person.id'))
    .addColumn('user_id', 'text')
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('is_late', 'integer', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull()) // the phone's clientId of the whole submission
    .addColumn('client_id', 'text', (c) => c.notNull().unique()) // `${submission_id}:${item_id}`
    .addColumn('supersedes_id', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull()) // JSON array of attachment ids
    .execute();
  await db.schema.createIndex('inspection_record_task_idx').on('inspection_record').columns(['task_id']).execute();
  await db.schema.createIndex('inspection_record_submission_idx').on('inspection_record').columns(['submission_id']).execute();
  await db.schema.createIndex('inspection_record_received_idx').on('inspection_record').columns(['enterprise_id', 'received_at']).execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('path', 'text', (c) => c.notNull()) // relative to DATA_DIR/files
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('stamped_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachment_enterprise_idx').on('attachment').columns(['enterprise_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['attachment', 'inspection_record', 'inspection_task', 'inspection_list_publication', 'shift_definition']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
