/* Queries of the initial review (issue 14 §1). Every one takes the enterprise. */
import type { Insertable } from 'kysely';
import type { OhsInitialReviewTable, OhsReviewGapTable } from '../../db/tables/management-tables.js';
import type { Executor } from '../../db/with-transaction.js';

export const findReview = (db: Executor, enterpriseId: string, id: string) =>
  db.selectFrom('ohs_initial_review').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();

export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

export const listReviewRows = (db: Executor, enterpriseId: string) =>
  db.selectFrom('ohs_initial_review').select(['id', 'title', 'status', 'created_at', 'completed_at']).where('enterprise_id', '=', enterpriseId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(100).execute();

export const insertReview = (db: Executor, row: Insertable<OhsInitialReviewTable>) => db.insertInto('ohs_initial_review').values(row).execute();

export async function updateDraftReview(db: Executor, enterpriseId: string, id: string, patch: Partial<OhsInitialReviewTable>): Promise<boolean> {
  const res = await db.updateTable('ohs_initial_review').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const listMembers = (db: Executor, enterpriseId: string, reviewId: string) =>
  db
    .selectFrom('ohs_initial_review_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'm.role', 'p.name'])
    .where('m.enterprise_id', '=', enterpriseId)
    .where('m.review_id', '=', reviewId)
    .orderBy('m.position')
    .execute();

export async function replaceMembers(db: Executor, enterpriseId: string, reviewId: string, members: { id: string; personId: string; role: string }[]): Promise<void> {
  await db.deleteFrom('ohs_initial_review_member').where('enterprise_id', '=', enterpriseId).where('review_id', '=', reviewId).execute();
  if (members.length === 0) return;
  await db
    .insertInto('ohs_initial_review_member')
    .values(members.map((m, i) => ({ id: m.id, enterprise_id: enterpriseId, review_id: reviewId, person_id: m.personId, role: m.role, position: i })))
    .execute();
}

export const listFindings = (db: Executor, enterpriseId: string, reviewId: string) =>
  db.selectFrom('ohs_initial_review_finding').selectAll().where('enterprise_id', '=', enterpriseId).where('review_id', '=', reviewId).orderBy('created_at').orderBy('id').execute();

export const insertFinding = (db: Executor, row: { id: string; enterprise_id: string; review_id: string; area: string; text: string; is_gap: number; created_by_user_id: string | null; created_at: string }) =>
  db.insertInto('ohs_initial_review_finding').values(row).execute();

export const listGaps = (db: Executor, enterpriseId: string, reviewId: string) =>
  db
    .selectFrom('ohs_review_gap as g')
    .leftJoin('ohs_objective as o', 'o.id', 'g.objective_id')
    .leftJoin('person as p', 'p.id', 'g.action_owner_person_id')
    .selectAll('g')
    .select(['o.name as objective_name', 'p.name as owner_name'])
    .where('g.enterprise_id', '=', enterpriseId)
    .where('g.review_id', '=', reviewId)
    .orderBy('g.position')
    .execute();
export type GapRow = Awaited<ReturnType<typeof listGaps>>[number];

export const insertGaps = (db: Executor, rows: Insertable<OhsReviewGapTable>[]) => (rows.length ? db.insertInto('ohs_review_gap').values(rows).execute() : Promise.resolve());

export const findGap = (db: Executor, enterpriseId: string, reviewId: string, gapId: string) =>
  db.selectFrom('ohs_review_gap').selectAll().where('enterprise_id', '=', enterpriseId).where('review_id', '=', reviewId).where('id', '=', gapId).executeTakeFirst();

export const updateGap = (db: Executor, enterpriseId: string, gapId: string, patch: Partial<OhsReviewGapTable>) =>
  db.updateTable('ohs_review_gap').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', gapId).execute();

/** Every action of the reviews (due items: open ones due, done ones done). */
export const listGapActions = (db: Executor, enterpriseId: string) =>
  db
    .selectFrom('ohs_review_gap')
    .select(['id', 'review_id', 'action_text', 'action_owner_person_id', 'action_due_on', 'action_done_at', 'capa_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('action_due_on', 'is not', null)
    .execute();
