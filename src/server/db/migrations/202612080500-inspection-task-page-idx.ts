import type { Kysely } from 'kysely';

// Issue 18 item 1: the task list (a worker's own, or all of the enterprise's) is ordered
// window_end desc, id; the existing indexes put status before window_end, so without a status filter
// every task was read and sorted — and on SQLite each row's item count computed before the sort
// (1.2–1.9 s per page at 1M inspection records). These serve the list in page order.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('inspection_task_person_page_idx').on('inspection_task').columns(['enterprise_id', 'responsible_person_id', 'window_end desc', 'id']).execute();
  await db.schema.createIndex('inspection_task_page_idx').on('inspection_task').columns(['enterprise_id', 'window_end desc', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('inspection_task_page_idx').execute();
  await db.schema.dropIndex('inspection_task_person_page_idx').execute();
}
