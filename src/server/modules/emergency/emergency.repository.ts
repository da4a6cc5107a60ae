/* The only file of the emergency feature that touches Kysely. Every query names the enterprise. */
import type {
  DrillReviewTable,
  EmergencyDrillTable,
  EmergencyPlanTable,
  EmergencyPlanVersionTable,
  EmergencySettingTable,
  EmergencySupplyTable,
  PostFirstStepsTable,
} from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';

// ── Plans ──
export function insertPlan(db: Executor, row: EmergencyPlanTable) {
  return db.insertInto('emergency_plan').values(row).execute();
}
export function updatePlan(db: Executor, enterpriseId: string, id: string, patch: Partial<EmergencyPlanTable>) {
  return db.updateTable('emergency_plan').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}
export function findPlan(db: Executor, enterpriseId: string, id: string) {
  return db
    .selectFrom('emergency_plan')
    .leftJoin('post', 'post.id', 'emergency_plan.post_id')
    .selectAll('emergency_plan')
    .select('post.name as post_name')
    .where('emergency_plan.enterprise_id', '=', enterpriseId)
    .where('emergency_plan.id', '=', id)
    .executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;
export function listPlans(db: Executor, enterpriseId: string, f: { kind?: string; postId?: string; includeArchived?: boolean }) {
  let q = db
    .selectFrom('emergency_plan')
    .leftJoin('post', 'post.id', 'emergency_plan.post_id')
    .selectAll('emergency_plan')
    .select('post.name as post_name')
    .where('emergency_plan.enterprise_id', '=', enterpriseId);
  if (f.kind) q = q.where('emergency_plan.kind', '=', f.kind);
  if (f.postId) q = q.where('emergency_plan.post_id', '=', f.postId);
  if (!f.includeArchived) q = q.where('emergency_plan.archived_at', 'is', null);
  return q.orderBy('emergency_plan.created_at').orderBy('emergency_plan.id').limit(500).execute();
}
export async function countPlans(db: Executor, enterpriseId: string): Promise<number> {
  const r = await db.selectFrom('emergency_plan').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export function insertVersion(db: Executor, row: EmergencyPlanVersionTable) {
  return db.insertInto('emergency_plan_version').values(row).execute();
}
export function updateVersion(db: Executor, enterpriseId: string, id: string, patch: Partial<EmergencyPlanVersionTable>) {
  return db.updateTable('emergency_plan_version').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}
/** A draft is edited only while it is a draft: the condition makes a concurrent approval win cleanly. */
export async function updateDraft(db: Executor, enterpriseId: string, id: string, patch: Partial<EmergencyPlanVersionTable>): Promise<boolean> {
  const r = await db
    .updateTable('emergency_plan_version')
    .set(patch)
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
/** Status changes are conditional on the status read: two approvals at once → one wins. */
export async function setVersionStatus(db: Executor, enterpriseId: string, id: string, from: string, patch: Partial<EmergencyPlanVersionTable>): Promise<boolean> {
  const r = await db
    .updateTable('emergency_plan_version')
    .set(patch)
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
export function listVersions(db: Executor, enterpriseId: string, planIds: string[]) {
  if (!planIds.length) return Promise.resolve([] as (EmergencyPlanVersionTable & { approved_by_name: string | null })[]);
  return db
    .selectFrom('emergency_plan_version')
    .leftJoin('user', 'user.id', 'emergency_plan_version.approved_by_user_id')
    .selectAll('emergency_plan_version')
    .select('user.display_name as approved_by_name')
    .where('emergency_plan_version.enterprise_id', '=', enterpriseId)
    .where('emergency_plan_version.plan_id', 'in', planIds)
    .orderBy('emergency_plan_version.version_no', 'desc')
    .execute();
}
export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

/** Approved versions with a review date up to `to` (due items). */
export function listReviewDates(db: Executor, enterpriseId: string, to: string) {
  return db
    .selectFrom('emergency_plan_version')
    .innerJoin('emergency_plan', 'emergency_plan.id', 'emergency_plan_version.plan_id')
    .select(['emergency_plan_version.id', 'emergency_plan_version.plan_id', 'emergency_plan_version.review_due_on', 'emergency_plan.title'])
    .where('emergency_plan_version.enterprise_id', '=', enterpriseId)
    .where('emergency_plan_version.status', '=', 'approved')
    .where('emergency_plan.archived_at', 'is', null)
    .where('emergency_plan_version.review_due_on', '<=', to)
    .execute();
}

// ── Reads of other records (ids checked to be the caller's enterprise's) ──
export async function liveIdsOf(db: Executor, table: 'person' | 'post' | 'emergency_supply' | 'area', enterpriseId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom(table).select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).where('archived_at', 'is', null).execute();
  return new Set(rows.map((r) => r.id));
}
export function findEnterprise(db: Executor, enterpriseId: string) {
  return db.selectFrom('enterprise').select(['id', 'name', 'time_zone']).where('id', '=', enterpriseId).executeTakeFirst();
}
export function findUserName(db: Executor, userId: string) {
  return db.selectFrom('user').select('display_name').where('id', '=', userId).executeTakeFirst();
}
export function findPersonNames(db: Executor, enterpriseId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).execute();
}
/** Accepted risks' accident types and posts (scenario proposals). */
export function listRiskAccidentTypes(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('risk')
    .select(['risk.id', 'risk.accident_type_codes', 'risk.post_id'])
    .where('risk.enterprise_id', '=', enterpriseId)
    .where('risk.status', '=', 'accepted')
    .execute();
}
export function listMaterialNames(db: Executor, enterpriseId: string) {
  return db.selectFrom('material').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).execute();
}

// ── Supplies ──
export function listLiveSupplies(db: Executor, enterpriseId: string) {
  return db.selectFrom('emergency_supply').selectAll().where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).orderBy('name').limit(2000).execute();
}
export function findSupply(db: Executor, enterpriseId: string, id: string): Promise<EmergencySupplyTable | undefined> {
  return db.selectFrom('emergency_supply').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}
export function setSupplyItem(db: Executor, enterpriseId: string, id: string, itemId: string | null) {
  return db.updateTable('emergency_supply').set({ inspection_item_id: itemId }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}
export function listEnterprisesWithSupplies(db: Executor) {
  return db.selectFrom('emergency_supply').select('enterprise_id').distinct().where('archived_at', 'is', null).execute();
}

// ── Contacts ──
export function listLiveContacts(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('emergency_contact')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('archived_at', 'is', null)
    .orderBy('is_external')
    .orderBy('call_order')
    .orderBy('name')
    .limit(200)
    .execute();
}

// ── First steps and settings ──
export function findFirstSteps(db: Executor, enterpriseId: string, postId: string) {
  return db.selectFrom('post_first_steps').selectAll().where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId).executeTakeFirst();
}
export function upsertFirstSteps(db: Executor, row: PostFirstStepsTable) {
  return db
    .insertInto('post_first_steps')
    .values(row)
    .onConflict((oc) => oc.column('post_id').doUpdateSet({ steps: row.steps, updated_by_user_id: row.updated_by_user_id, updated_at: row.updated_at }))
    .execute();
}
export function findPost(db: Executor, enterpriseId: string, postId: string) {
  return db.selectFrom('post').select(['id', 'name', 'archived_at']).where('enterprise_id', '=', enterpriseId).where('id', '=', postId).executeTakeFirst();
}
export function findSetting(db: Executor, enterpriseId: string) {
  return db.selectFrom('emergency_setting').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}
export function upsertSetting(db: Executor, row: EmergencySettingTable) {
  return db
    .insertInto('emergency_setting')
    .values(row)
    .onConflict((oc) => oc.column('enterprise_id').doUpdateSet({ comprehensive_per_year: row.comprehensive_per_year, onsite_every_months: row.onsite_every_months, updated_at: row.updated_at }))
    .execute();
}

// ── Drills ──
export function insertDrill(db: Executor, row: EmergencyDrillTable) {
  return db.insertInto('emergency_drill').values(row).execute();
}
export async function recordDrill(db: Executor, enterpriseId: string, id: string, patch: Partial<EmergencyDrillTable>): Promise<boolean> {
  const r = await db.updateTable('emergency_drill').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'planned').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
export function findDrill(db: Executor, enterpriseId: string, id: string) {
  return db
    .selectFrom('emergency_drill')
    .innerJoin('emergency_plan', 'emergency_plan.id', 'emergency_drill.plan_id')
    .selectAll('emergency_drill')
    .select('emergency_plan.title as plan_title')
    .where('emergency_drill.enterprise_id', '=', enterpriseId)
    .where('emergency_drill.id', '=', id)
    .executeTakeFirst();
}
export function listDrills(db: Executor, enterpriseId: string, from: string, to: string) {
  return db
    .selectFrom('emergency_drill')
    .innerJoin('emergency_plan', 'emergency_plan.id', 'emergency_drill.plan_id')
    .selectAll('emergency_drill')
    .select('emergency_plan.title as plan_title')
    .where('emergency_drill.enterprise_id', '=', enterpriseId)
    .where('emergency_drill.archived_at', 'is', null)
    .where((eb) => eb.or([eb.and([eb('emergency_drill.planned_on', '>=', from), eb('emergency_drill.planned_on', '<=', to)]), eb.and([eb('emergency_drill.held_on', '>=', from), eb('emergency_drill.held_on', '<=', to)])]))
    .orderBy('emergency_drill.planned_on')
    .limit(500)
    .execute();
}
export type DrillRow = Awaited<ReturnType<typeof listDrills>>[number];
export function listHeldDrills(db: Executor, enterpriseId: string, from: string, to: string) {
  return db
    .selectFrom('emergency_drill')
    .select(['kind', 'held_on'])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'held')
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .execute();
}
export function listPlannedDrillsUpTo(db: Executor, enterpriseId: string, to: string) {
  return db
    .selectFrom('emergency_drill')
    .innerJoin('emergency_plan', 'emergency_plan.id', 'emergency_drill.plan_id')
    .select(['emergency_drill.id', 'emergency_drill.planned_on', 'emergency_drill.status', 'emergency_drill.held_on', 'emergency_plan.title as plan_title'])
    .where('emergency_drill.enterprise_id', '=', enterpriseId)
    .where('emergency_drill.archived_at', 'is', null)
    .where('emergency_drill.planned_on', '<=', to)
    .execute();
}
export async function insertReviewOnce(db: Executor, row: DrillReviewTable): Promise<boolean> {
  const r = await db.insertInto('drill_review').values(row).onConflict((oc) => oc.column('drill_id').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
export function listReviews(db: Executor, enterpriseId: string, drillIds: string[]) {
  if (!drillIds.length) return Promise.resolve([] as DrillReviewTable[]);
  return db.selectFrom('drill_review').selectAll().where('enterprise_id', '=', enterpriseId).where('drill_id', 'in', drillIds).execute();
}
export function countReviewsBetween(db: Executor, enterpriseId: string, from: string, to: string) {
  return db
    .selectFrom('drill_review')
    .select(['id', 'findings', 'needs_revision'])
    .where('enterprise_id', '=', enterpriseId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
}
