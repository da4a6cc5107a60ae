import type { Executor } from '../../db/with-transaction.js';

export function listActivePostNames(db: Executor, enterpriseId: string) {
  return db.selectFrom('post').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).execute();
}

export async function updatePostColumns(
  db: Executor,
  enterpriseId: string,
  postId: string,
  patch: { level?: string | null; template_ref?: string | null; updated_at: string },
): Promise<void> {
  await db.updateTable('post').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', postId).execute();
}

export function findActivePost(db: Executor, enterpriseId: string, postId: string) {
  return db
    .selectFrom('post')
    .select(['id', 'kind', 'name', 'level', 'archived_at'])
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', postId)
    .executeTakeFirst();
}

/** Live posts with their kind and duties (indicators: a post without written duties). */
export function listLivePostDuties(db: Executor, enterpriseId: string) {
  return db.selectFrom('post').select(['id', 'name', 'kind', 'duties']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).orderBy('name').execute();
}
