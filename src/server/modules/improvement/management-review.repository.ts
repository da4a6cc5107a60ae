/* The only Kysely user for management reviews (management_review, management_review_decision). */
import type { Executor } from '../../db/with-transaction.js';
import type { ManagementReviewDecisionTable, ManagementReviewTable } from '../../db/tables/improvement-tables.js';

export type ReviewRow = ManagementReviewTable & { chaired_by_name: string | null };

const withChair = (db: Executor) =>
  db.selectFrom('management_review').leftJoin('user', 'user.id', 'management_review.chaired_by_user_id').selectAll('management_review').select('user.display_name as chaired_by_name');

export async function insertReview(db: Executor, row: ManagementReviewTable): Promise<void> {
  await db.insertInto('management_review').values(row).execute();
}

export function findReview(db: Executor, enterpriseId: string, id: string): Promise<ReviewRow | undefined> {
  return withChair(db).where('management_review.enterprise_id', '=', enterpriseId).where('management_review.id', '=', id).executeTakeFirst();
}

/** Not cursor-paged, bounded by nature: at least one management review a year, a few at most (issue 18). */
export function listReviews(db: Executor, enterpriseId: string, f: { year?: number }): Promise<ReviewRow[]> {
  let q = withChair(db).where('management_review.enterprise_id', '=', enterpriseId);
  if (f.year !== undefined) q = q.where('management_review.year', '=', f.year);
  return q.orderBy('management_review.held_on', 'desc').orderBy('management_review.id', 'desc').execute();
}

export async function updateIfDraft(db: Executor, enterpriseId: string, id: string, patch: Partial<ManagementReviewTable>): Promise<boolean> {
  const r = await db.updateTable('management_review').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertDecision(db: Executor, row: ManagementReviewDecisionTable): Promise<void> {
  await db.insertInto('management_review_decision').values(row).execute();
}

export function listDecisions(db: Executor, enterpriseId: string, reviewId: string) {
  return db
    .selectFrom('management_review_decision as d')
    .leftJoin('person', (j) => j.onRef('person.id', '=', 'd.owner_person_id').onRef('person.enterprise_id', '=', 'd.enterprise_id'))
    .selectAll('d')
    .select('person.name as owner_name')
    .where('d.enterprise_id', '=', enterpriseId)
    .where('d.review_id', '=', reviewId)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
}

export function listOpenDecisions(db: Executor, enterpriseId: string) {
  return db.selectFrom('management_review_decision').selectAll().where('enterprise_id', '=', enterpriseId).where('done_at', 'is', null).execute();
}

export async function markDecisionDone(db: Executor, enterpriseId: string, reviewId: string, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('management_review_decision').set({ done_at: at }).where('enterprise_id', '=', enterpriseId).where('review_id', '=', reviewId).where('id', '=', id).where('done_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
