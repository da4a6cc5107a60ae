import type { Kysely } from 'kysely';

// Issue 18 item 1: the task list pages by a keyset bound, (window_end, id) < (cursor), ordered
// window_end desc, id desc — a row value, so both columns must run the same way in the index (the
// page indexes of 202612080500 had window_end desc, id asc: no bound, a sort). Named after that
// migration because it replaces its indexes. Each filter the list offers (person, status, both,
// post) gets its own page index; the status ones also serve the due checks (open, window_end ≤ now)
// that the old (enterprise, status, window_end) and (enterprise, person, status, window_end) served.
const pageIndexes: [string, string[]][] = [
  ['inspection_task_page_idx', ['enterprise_id', 'window_end', 'id']],
  ['inspection_task_person_page_idx', ['enterprise_id', 'responsible_person_id', 'window_end', 'id']],
  ['inspection_task_status_page_idx', ['enterprise_id', 'status', 'window_end', 'id']],
  ['inspection_task_person_status_page_idx', ['enterprise_id', 'responsible_person_id', 'status', 'window_end', 'id']],
  ['inspection_task_post_page_idx', ['enterprise_id', 'post_id', 'window_end', 'id']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const name of ['inspection_task_page_idx', 'inspection_task_person_page_idx', 'inspection_task_status_idx', 'inspection_task_person_idx']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  for (const [name, columns] of pageIndexes) await db.schema.createIndex(name).on('inspection_task').columns(columns).execute();
  // Each listed task counts the items it covers: its post's, of its period (was a scan of every item on SQLite).
  await db.schema.createIndex('inspection_item_task_idx').on('inspection_item').columns(['post_id', 'published_period']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('inspection_item_task_idx').ifExists().execute();
  for (const [name] of pageIndexes) await db.schema.dropIndex(name).ifExists().execute();
  await db.schema.createIndex('inspection_task_person_idx').on('inspection_task').columns(['enterprise_id', 'responsible_person_id', 'status', 'window_end']).execute();
  await db.schema.createIndex('inspection_task_status_idx').on('inspection_task').columns(['enterprise_id', 'status', 'window_end']).execute();
  await db.schema.createIndex('inspection_task_person_page_idx').on('inspection_task').columns(['enterprise_id', 'responsible_person_id', 'window_end desc', 'id']).execute();
  await db.schema.createIndex('inspection_task_page_idx').on('inspection_task').columns(['enterprise_id', 'window_end desc', 'id']).execute();
}
