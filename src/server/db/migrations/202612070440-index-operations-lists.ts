import type { Kysely } from 'kysely';

// The filters of the PPE, workplace-monitoring and meeting lists (issue 14 §9–10): each gets an index
// led by the enterprise and ending in the page key, so a page reads one index range in order
// (list-plans.int.test.ts). The unfiltered lists already have their (enterprise_id, created_at, id) index.
export async function up(db: Kysely<unknown>): Promise<void> {
  const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();
  await index('ppe_requirement_post_page_idx', 'ppe_requirement', ['enterprise_id', 'post_id', 'created_at', 'id']);
  await index('ppe_issue_person_page_idx', 'ppe_issue', ['enterprise_id', 'person_id', 'created_at', 'id']);
  await index('workplace_monitoring_over_page_idx', 'workplace_monitoring', ['enterprise_id', 'is_over_limit', 'created_at', 'id']);
  await index('meeting_kind_page_idx', 'meeting', ['enterprise_id', 'kind', 'created_at', 'id']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['ppe_requirement_post_page_idx', 'ppe_issue_person_page_idx', 'workplace_monitoring_over_page_idx', 'meeting_kind_page_idx']) await db.schema.dropIndex(name).execute();
}
