import { type Expression, sql, type SqlBool } from 'kysely';
import type {
  ControlMeasureTable,
  InspectionItemTable,
  RiskEvaluationTable,
  RiskTable,
  SpecialControlPlanTable,
} from '../../db/database.js';
import { afterKey } from '../../db/keyset.js';
import { likeContains, searchPage } from '../../db/text-search.js';
import type { Executor } from '../../db/with-transaction.js';
import { taskPlanChanged } from '../inspections/task-plan-memo.js';

export * from './risk-figures.repository.js';

export async function insertRisk(db: Executor, row: RiskTable): Promise<void> {
  await db.insertInto('risk').values(row).execute();
}

export async function insertEvaluation(db: Executor, row: RiskEvaluationTable): Promise<void> {
  await db.insertInto('risk_evaluation').values(row).execute();
}

export async function insertMeasure(db: Executor, row: ControlMeasureTable): Promise<void> {
  await db.insertInto('control_measure').values(row).execute();
}

export async function insertInspectionItem(db: Executor, row: InspectionItemTable): Promise<void> {
  await db.insertInto('inspection_item').values(row).execute();
}

export async function updateRiskColumns(db: Executor, enterpriseId: string, riskId: string, patch: Partial<RiskTable>): Promise<void> {
  await db.updateTable('risk').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', riskId).execute();
}

export function findRisk(db: Executor, enterpriseId: string, riskId: string): Promise<RiskTable | undefined> {
  return db.selectFrom('risk').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', riskId).executeTakeFirst();
}

/** Levels of the post's live, accepted risks — the input of the post level roll-up. */
export function listRiskLevelsOfPost(db: Executor, enterpriseId: string, postId: string) {
  return db
    .selectFrom('risk')
    .select(['level', 'status'])
    .where('enterprise_id', '=', enterpriseId)
    .where('post_id', '=', postId)
    .where('archived_at', 'is', null)
    .execute();
}

export function countChainOfPosts(db: Executor, enterpriseId: string, postIds: string[]) {
  return db
    .selectFrom('risk')
    .leftJoin('control_measure', 'control_measure.risk_id', 'risk.id')
    .leftJoin('inspection_item', 'inspection_item.measure_id', 'control_measure.id')
    .select((eb) => [
      eb.fn.count<number>('risk.id').distinct().as('risks'),
      eb.fn.count<number>('control_measure.id').distinct().as('measures'),
      eb.fn.count<number>('inspection_item.id').distinct().as('items'),
    ])
    .where('risk.enterprise_id', '=', enterpriseId)
    .where('risk.post_id', 'in', postIds)
    .executeTakeFirst();
}

// ── Issue 4: register, detail, history, measures, plans, overview ─────────────────────────────

export type RiskRow = RiskTable & { post_name: string; post_kind: string };

function selectRisks(db: Executor, enterpriseId: string) {
  // The post's name and kind ride along: the register shows them and the measure rules depend on the kind.
  return db
    .selectFrom('risk')
    .innerJoin('post', 'post.id', 'risk.post_id')
    .selectAll('risk')
    .select(['post.name as post_name', 'post.kind as post_kind'])
    .where('risk.enterprise_id', '=', enterpriseId);
}

export function findRiskRow(db: Executor, enterpriseId: string, riskId: string): Promise<RiskRow | undefined> {
  return selectRisks(db, enterpriseId).where('risk.id', '=', riskId).executeTakeFirst();
}

export interface RiskListFilter {
  postId?: string;
  areaId?: string;
  level?: string;
  ownerTiers?: readonly string[];
  status?: string;
  isDueForReview?: boolean;
  isControlled?: boolean;
  q?: string;
  includeArchived: boolean;
  after?: { at: string; id: string };
  limit: number;
}

const planLevels = ['major', 'significant'];

export function listRiskRows(db: Executor, enterpriseId: string, f: RiskListFilter): Promise<RiskRow[]> {
  const text = f.q;
  if (!text) return riskPage(db, enterpriseId, f);
  // Object and causes through the full-text index (db/text-search.ts); the post's name (a few
  // dozen posts per enterprise) by LIKE.
  return searchPage({
    db,
    table: 'risk',
    enterpriseId,
    text,
    order: 'asc',
    after: f.after,
    limit: f.limit,
    page: (match, bound, limit) => riskPage(db, enterpriseId, { ...f, limit }, sql<SqlBool>`(${match} or ${likeContains('post.name', text, db)})`, bound),
  });
}

function riskPage(db: Executor, enterpriseId: string, f: RiskListFilter, match?: Expression<SqlBool>, bound?: Expression<SqlBool>): Promise<RiskRow[]> {
  let query = selectRisks(db, enterpriseId);
  if (f.postId) query = query.where('risk.post_id', '=', f.postId);
  if (f.areaId) query = query.where('risk.area_id', '=', f.areaId);
  if (f.level) query = query.where('risk.level', '=', f.level);
  if (f.ownerTiers) query = query.where('risk.control_tier', 'in', [...f.ownerTiers]);
  if (f.status) query = query.where('risk.status', '=', f.status);
  if (f.isDueForReview !== undefined) query = query.where('risk.review_flagged_at', f.isDueForReview ? 'is not' : 'is', null);
  if (f.isControlled !== undefined) {
    query = query.where((eb) => {
      const hasMeasure = eb.exists(
        // The enterprise too: control_measure_risk_idx is (enterprise_id, risk_id) — without it each risk read every measure.
        eb.selectFrom('control_measure as m').select('m.id').whereRef('m.enterprise_id', '=', 'risk.enterprise_id').whereRef('m.risk_id', '=', 'risk.id').where('m.archived_at', 'is', null),
      );
      const hasPlan = eb.exists(eb.selectFrom('special_control_plan as p').select('p.risk_id').whereRef('p.risk_id', '=', 'risk.id'));
      const controlled = eb.and([
        eb('risk.status', '=', 'accepted'),
        hasMeasure,
        eb.or([eb('risk.level', 'not in', planLevels), eb('risk.level', 'is', null), hasPlan]),
      ]);
      return f.isControlled ? controlled : eb.and([eb('risk.status', '=', 'accepted'), eb.not(controlled)]);
    });
  }
  if (match) query = query.where(match);
  if (bound) query = query.where(bound);
  if (!f.includeArchived) query = query.where('risk.archived_at', 'is', null);
  const after = f.after;
  if (after) {
    query = query.where(afterKey('risk.created_at', 'risk.id', after, 'asc'));
  }
  return query.orderBy('risk.created_at').orderBy('risk.id').limit(f.limit).execute();
}

export async function countLiveMeasures(db: Executor, enterpriseId: string, riskIds: string[]): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  if (!riskIds.length) return map;
  const rows = await db
    .selectFrom('control_measure')
    .select(['risk_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('enterprise_id', '=', enterpriseId)
    .where('risk_id', 'in', riskIds)
    .where('archived_at', 'is', null)
    .groupBy('risk_id')
    .execute();
  for (const r of rows) map.set(r.risk_id, Number(r.n));
  return map;
}

export async function listPlans(db: Executor, enterpriseId: string, riskIds: string[]): Promise<SpecialControlPlanTable[]> {
  if (!riskIds.length) return [];
  return db.selectFrom('special_control_plan').selectAll().where('enterprise_id', '=', enterpriseId).where('risk_id', 'in', riskIds).execute();
}

/** One plan per risk (risk_id is the key): insert, or update all but its creation, atomically — two first PUTs at once both succeed. */
export async function upsertPlan(db: Executor, row: SpecialControlPlanTable): Promise<void> {
  const { risk_id: _r, enterprise_id: _e, created_at: _c, ...patch } = row;
  await db
    .insertInto('special_control_plan')
    .values(row)
    .onConflict((oc) => oc.column('risk_id').doUpdateSet(patch).where('special_control_plan.enterprise_id', '=', row.enterprise_id))
    .execute();
}

export function listEvaluationsOfRisk(db: Executor, enterpriseId: string, riskId: string) {
  return db
    .selectFrom('risk_evaluation')
    .leftJoin('user', 'user.id', 'risk_evaluation.evaluated_by_user_id')
    .selectAll('risk_evaluation')
    .select('user.display_name as evaluated_by_name')
    .where('risk_evaluation.enterprise_id', '=', enterpriseId)
    .where('risk_evaluation.risk_id', '=', riskId)
    .orderBy('risk_evaluation.evaluated_at')
    .orderBy('risk_evaluation.id')
    .execute();
}
export type EvaluationRow = Awaited<ReturnType<typeof listEvaluationsOfRisk>>[number];

export async function listMeasuresOfRisks(db: Executor, enterpriseId: string, riskIds: string[], includeArchived: boolean) {
  if (!riskIds.length) return [];
  let query = db.selectFrom('control_measure').selectAll().where('enterprise_id', '=', enterpriseId).where('risk_id', 'in', riskIds);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy('position').orderBy('id').execute();
}

export function findMeasure(db: Executor, enterpriseId: string, measureId: string) {
  return db.selectFrom('control_measure').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', measureId).executeTakeFirst();
}

export async function nextMeasurePosition(db: Executor, enterpriseId: string, riskId: string): Promise<number> {
  const row = await db
    .selectFrom('control_measure')
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .where('enterprise_id', '=', enterpriseId)
    .where('risk_id', '=', riskId)
    .executeTakeFirst();
  return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
}

export async function updateMeasureColumns(db: Executor, enterpriseId: string, measureId: string, patch: Partial<ControlMeasureTable>): Promise<void> {
  await db.updateTable('control_measure').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', measureId).execute();
}

export async function listItemsOfMeasures(db: Executor, enterpriseId: string, measureIds: string[], includeArchived = false) {
  if (!measureIds.length) return [];
  let query = db
    .selectFrom('inspection_item')
    .leftJoin('person', 'person.id', 'inspection_item.responsible_person_id')
    .selectAll('inspection_item')
    .select('person.name as responsible_name')
    .where('inspection_item.enterprise_id', '=', enterpriseId)
    .where('inspection_item.measure_id', 'in', measureIds);
  if (!includeArchived) query = query.where('inspection_item.archived_at', 'is', null);
  return query.orderBy('inspection_item.created_at').orderBy('inspection_item.id').execute();
}
export type ItemRow = Awaited<ReturnType<typeof listItemsOfMeasures>>[number];

export async function updateItemsOfMeasures(db: Executor, enterpriseId: string, measureIds: string[], patch: Partial<InspectionItemTable>): Promise<void> {
  if (!measureIds.length) return;
  await db
    .updateTable('inspection_item')
    .set(patch)
    .where('enterprise_id', '=', enterpriseId)
    .where('measure_id', 'in', measureIds)
    .where('archived_at', 'is', null)
    .execute();
  taskPlanChanged(db, enterpriseId); // items (de)activated or archived with their measure or risk
}

export async function updateItem(db: Executor, enterpriseId: string, itemId: string, patch: Partial<InspectionItemTable>): Promise<void> {
  await db.updateTable('inspection_item').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', itemId).execute();
  taskPlanChanged(db, enterpriseId);
}

/** Change management (seed 001 Art. 6): flag the accepted, live risks of a post (or one risk). */
export async function flagRisks(
  db: Executor,
  enterpriseId: string,
  where: { postId?: string; riskId?: string; objectId?: string },
  reason: string,
  at: string,
): Promise<string[]> {
  let query = db
    .selectFrom('risk')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'accepted')
    .where('archived_at', 'is', null);
  if (where.postId) query = query.where('post_id', '=', where.postId);
  if (where.riskId) query = query.where('id', '=', where.riskId);
  if (where.objectId) query = query.where('object_id', '=', where.objectId);
  const ids = (await query.execute()).map((r) => r.id);
  if (ids.length) {
    await db
      .updateTable('risk')
      .set({ review_reason: reason, review_flagged_at: at, updated_at: at })
      .where('enterprise_id', '=', enterpriseId)
      .where('id', 'in', ids)
      .execute();
  }
  return ids;
}

/** Does this user's membership name a person who holds the post? (a worker proposes only for their own post) */
export async function holdsPost(db: Executor, enterpriseId: string, userId: string, postId: string | null): Promise<boolean> {
  let query = db
    .selectFrom('membership')
    .innerJoin('person_post', (j) => j.onRef('person_post.person_id', '=', 'membership.person_id').on('person_post.enterprise_id', '=', enterpriseId))
    .select('person_post.post_id')
    .where('membership.enterprise_id', '=', enterpriseId)
    .where('membership.user_id', '=', userId);
  if (postId) query = query.where('person_post.post_id', '=', postId);
  return Boolean(await query.executeTakeFirst());
}

export async function countUncontrolled(db: Executor, enterpriseId: string): Promise<{ uncontrolled: number; missingPlan: number }> {
  const rows = await listRiskRows(db, enterpriseId, { isControlled: false, includeArchived: false, limit: 100_000 });
  const ids = rows.map((r) => r.id);
  const plans = new Set((await listPlans(db, enterpriseId, ids)).map((p) => p.risk_id));
  const missingPlan = rows.filter((r) => r.level && planLevels.includes(r.level) && !plans.has(r.id)).length;
  return { uncontrolled: rows.length, missingPlan };
}

/**
 * The live risks of posts, areas and equipment, oldest first: one read per kind of place, each a range of
 * its index (risk_post_page_idx, risk_area_page_idx, risk_object_idx) — an OR of the three walked every
 * risk of the enterprise on SQLite (detail-plans.sqlite.int.test.ts). A risk of two places comes once.
 */
export async function listLiveRisksOfPlaces(db: Executor, enterpriseId: string, where: { postIds: string[]; areaIds: string[]; objectIds: string[] }) {
  const parts = ([['post_id', where.postIds], ['area_id', where.areaIds], ['object_id', where.objectIds]] as const).filter(([, ids]) => ids.length > 0);
  const byId = new Map<string, RiskTable>();
  for (const [column, ids] of parts) {
    const rows = await db.selectFrom('risk').selectAll().where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).where('status', '!=', 'rejected').where(column, 'in', ids).execute();
    for (const row of rows) byId.set(row.id, row);
  }
  const key = (r: RiskTable) => `${r.created_at}\u0000${r.id}`;
  return [...byId.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function findEvaluation(db: Executor, enterpriseId: string, id: string) {
  return db.selectFrom('risk_evaluation').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

/** Flags the accepted ones among the given risks (proposals are decided first). */
export async function flagRisksByIds(db: Executor, enterpriseId: string, ids: string[], reason: string, at: string): Promise<string[]> {
  const rows = await db
    .selectFrom('risk')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('id', 'in', ids)
    .where('status', '=', 'accepted')
    .where('archived_at', 'is', null)
    .execute();
  const accepted = rows.map((r) => r.id);
  if (accepted.length) {
    await db.updateTable('risk').set({ review_reason: reason, review_flagged_at: at, updated_at: at }).where('enterprise_id', '=', enterpriseId).where('id', 'in', accepted).execute();
  }
  return accepted;
}

/** Issue 8 item 5: the post's live risks without an area take the post's work area. */
export async function placeUnplacedRisksOfPost(db: Executor, enterpriseId: string, postId: string, areaId: string, at: string): Promise<void> {
  await db
    .updateTable('risk')
    .set({ area_id: areaId, updated_at: at })
    .where('enterprise_id', '=', enterpriseId)
    .where('post_id', '=', postId)
    .where('area_id', 'is', null)
    .where('archived_at', 'is', null)
    .execute();
}

/** The fired 第七条 rules of each risk's current inherent evaluation. */
export async function listCurrentFiredRules(db: Executor, enterpriseId: string, riskIds: string[]) {
  if (!riskIds.length) return [];
  return db
    .selectFrom('risk')
    .innerJoin('risk_evaluation as e', 'e.id', 'risk.inherent_evaluation_id')
    .select(['risk.id as risk_id', 'risk.level', 'e.fired_rules'])
    .where('risk.enterprise_id', '=', enterpriseId)
    .where('risk.id', 'in', riskIds)
    .execute();
}
