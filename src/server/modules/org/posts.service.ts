import type { Executor } from '../../db/with-transaction.js';
import { findActivePost, updatePostColumns } from './posts.repository.js';

/** Other features read a post through here (never through the org repository). */
export function findPost(db: Executor, enterpriseId: string, postId: string) {
  return findActivePost(db, enterpriseId, postId);
}

/** The cached post level (DATA-MODEL invariant 3), written in the caller's transaction. */
export async function setPostLevel(trx: Executor, enterpriseId: string, postId: string, level: string | null, at: Date): Promise<void> {
  await updatePostColumns(trx, enterpriseId, postId, { level, updated_at: at.toISOString() });
}

export async function setPostTemplateRef(trx: Executor, enterpriseId: string, postId: string, templateRef: string, at: Date): Promise<void> {
  await updatePostColumns(trx, enterpriseId, postId, { template_ref: templateRef, updated_at: at.toISOString() });
}
