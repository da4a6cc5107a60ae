import { type Kysely, type SqlBool, sql } from 'kysely';

// Issue 18 for the lists landed with the management, documents, contractors, improvement and
// oversight modules: each filter their pages offer gets an index led by the enterprise and ending
// in the page key, so a page reads one index range in order (list-plans.int.test.ts). The lists
// without a filter already had their (enterprise_id, created_at, id) index.
export async function up(db: Kysely<unknown>): Promise<void> {
  const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();

  await index('change_request_kind_page_idx', 'change_request', ['enterprise_id', 'kind', 'created_at', 'id']);
  await index('special_equipment_category_page_idx', 'special_equipment', ['enterprise_id', 'category', 'created_at', 'id']);
  // (enterprise_id, person_id, exam_on) serves "latest exam"; the list of one person pages by created_at.
  await index('health_exam_person_page_idx', 'health_exam', ['enterprise_id', 'person_id', 'created_at', 'id']);
  await index('capa_source_page_idx', 'capa', ['enterprise_id', 'source_kind', 'created_at', 'id']);
  // Open corrective actions are the few among many effective ones; the query repeats this WHERE.
  await db.schema
    .createIndex('capa_open_page_idx')
    .on('capa')
    .columns(['enterprise_id', 'created_at', 'id'])
    .where(sql.raw<SqlBool>(`status <> 'effective'`))
    .execute();
  // The accident register pages newest first on (occurred_on, root_id).
  await db.schema.dropIndex('accident_list_idx').execute();
  await index('accident_page_idx', 'accident', ['enterprise_id', 'occurred_on', 'root_id']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['change_request_kind_page_idx', 'special_equipment_category_page_idx', 'health_exam_person_page_idx', 'capa_source_page_idx', 'capa_open_page_idx', 'accident_page_idx']) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.createIndex('accident_list_idx').on('accident').columns(['enterprise_id', 'occurred_on']).execute();
}
