import type { Executor } from '../../db/with-transaction.js';
import { findActivePost, listLivePostDuties, updatePostColumns } from './posts.repository.js';

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

/** DESIGN "Indicators": the organisation's own figures (posts, and posts whose safety duties are not written). */
export async function orgIndicators(db: Executor, enterpriseId: string) {
  const posts = await listLivePostDuties(db, enterpriseId);
  return {
    posts: posts.length,
    managementPosts: posts.filter((p) => p.kind === 'management').map((p) => p.name),
    postsWithoutDuties: posts.filter((p) => p.duties.trim() === '').map((p) => p.name),
  };
}
export type OrgIndicators = Awaited<ReturnType<typeof orgIndicators>>;
