/* The only file of the standardization feature that touches Kysely. Every query names the enterprise. */
import { enterpriseBesideKey } from '../../db/text-search.js';
import type { Executor } from '../../db/with-transaction.js';
import type {
  InternalAssessorTable,
  ScoreSheetTable,
  SelfAssessmentDecisionTable,
  SelfAssessmentMeetingTable,
  SelfAssessmentTable,
  StandardizationActionTable,
  StandardizationProfileTable,
} from '../../db/tables/standardization-tables.js';

// ---- sheets ----
export async function insertSheet(db: Executor, row: ScoreSheetTable): Promise<void> {
  await db.insertInto('score_sheet').values(row).execute();
}
export function findSheet(db: Executor, enterpriseId: string, id: string) {
  return db.selectFrom('score_sheet').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
}
export function listSheets(db: Executor, enterpriseId: string) {
  return db.selectFrom('score_sheet').selectAll().where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).orderBy('created_at', 'desc').limit(200).execute();
}

// ---- assessments ----
export async function insertAssessment(db: Executor, row: SelfAssessmentTable): Promise<void> {
  await db.insertInto('self_assessment').values(row).execute();
}
export function findAssessment(db: Executor, enterpriseId: string, id: string) {
  return db.selectFrom('self_assessment').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}
export async function updateAssessment(db: Executor, enterpriseId: string, id: string, patch: Partial<SelfAssessmentTable>): Promise<void> {
  await db.updateTable('self_assessment').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}
export function listAssessments(db: Executor, enterpriseId: string) {
  return db.selectFrom('self_assessment').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute();
}
/** The concluded assessment before `before` (the one "what changed" compares with). */
export function findPreviousConcluded(db: Executor, enterpriseId: string, before: { createdAt: string; id: string }) {
  return db
    .selectFrom('self_assessment')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'concluded')
    .where((eb) => eb.or([eb('created_at', '<', before.createdAt), eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)])]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export function listConcluded(db: Executor, enterpriseId: string) {
  return db.selectFrom('self_assessment').selectAll().where('enterprise_id', '=', enterpriseId).where('status', '=', 'concluded').orderBy('concluded_at').limit(100).execute();
}

// ---- decisions (insert-only) ----
export async function insertDecision(db: Executor, row: SelfAssessmentDecisionTable): Promise<void> {
  await db.insertInto('self_assessment_decision').values(row).execute();
}
export function listDecisions(db: Executor, enterpriseId: string, assessmentId: string) {
  return db
    .selectFrom('self_assessment_decision')
    .leftJoin('user', 'user.id', 'self_assessment_decision.decided_by_user_id')
    .selectAll('self_assessment_decision')
    .select('user.display_name as decided_by_name')
    .where('self_assessment_decision.enterprise_id', '=', enterpriseId)
    .where('self_assessment_decision.assessment_id', '=', assessmentId)
    .orderBy('self_assessment_decision.decided_at')
    .orderBy('self_assessment_decision.id')
    .execute();
}
export type DecisionRow = Awaited<ReturnType<typeof listDecisions>>[number];

// ---- meetings (insert-only) ----
export async function insertMeeting(db: Executor, row: SelfAssessmentMeetingTable): Promise<void> {
  await db.insertInto('self_assessment_meeting').values(row).execute();
}
export function listMeetings(db: Executor, enterpriseId: string, assessmentId: string) {
  return db.selectFrom('self_assessment_meeting').selectAll().where('enterprise_id', '=', enterpriseId).where('assessment_id', '=', assessmentId).orderBy('recorded_at').execute();
}

// ---- actions ----
/** false when the item already has its action (unique key): a concurrent duplicate. */
export async function insertActionIfAbsent(db: Executor, row: StandardizationActionTable): Promise<boolean> {
  const r = await db.insertInto('standardization_action').values(row).onConflict((oc) => oc.columns(['assessment_id', 'item_code']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
export function listActions(db: Executor, enterpriseId: string, assessmentId: string) {
  return db
    .selectFrom('standardization_action')
    .innerJoin('person', 'person.id', 'standardization_action.owner_person_id')
    .selectAll('standardization_action')
    .select('person.name as owner_name')
    // By the assessment's index (SQLite would take standardization_action_due_idx, every action of the enterprise).
    .where(enterpriseBesideKey(db, 'standardization_action.enterprise_id'), '=', enterpriseId)
    .where('standardization_action.assessment_id', '=', assessmentId)
    .orderBy('standardization_action.created_at')
    .execute();
}
export type ActionRow = Awaited<ReturnType<typeof listActions>>[number];
export function findAction(db: Executor, enterpriseId: string, id: string) {
  return db.selectFrom('standardization_action').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}
export async function closeAction(db: Executor, enterpriseId: string, id: string, at: string, note: string): Promise<boolean> {
  const r = await db
    .updateTable('standardization_action')
    .set({ status: 'done', closed_at: at, closed_note: note })
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- internal assessors ----
export function listAssessors(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('internal_assessor')
    .innerJoin('person', 'person.id', 'internal_assessor.person_id')
    .selectAll('internal_assessor')
    .select('person.name')
    .where('internal_assessor.enterprise_id', '=', enterpriseId)
    .where('internal_assessor.archived_at', 'is', null)
    .orderBy('internal_assessor.appointed_on')
    .execute();
}
export function findAssessorOfPerson(db: Executor, enterpriseId: string, personId: string) {
  return db.selectFrom('internal_assessor').selectAll().where('enterprise_id', '=', enterpriseId).where('person_id', '=', personId).executeTakeFirst();
}
export async function insertAssessorIfAbsent(db: Executor, row: InternalAssessorTable): Promise<boolean> {
  const r = await db.insertInto('internal_assessor').values(row).onConflict((oc) => oc.columns(['enterprise_id', 'person_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
export async function reappointAssessor(db: Executor, enterpriseId: string, id: string, patch: Partial<InternalAssessorTable>): Promise<void> {
  await db.updateTable('internal_assessor').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}
export async function archiveAssessor(db: Executor, enterpriseId: string, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('internal_assessor').set({ archived_at: at }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- report profile ----
export function findProfile(db: Executor, enterpriseId: string) {
  return db.selectFrom('standardization_profile').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}
export async function upsertProfile(db: Executor, row: StandardizationProfileTable): Promise<void> {
  const { enterprise_id: _e, ...rest } = row;
  await db.insertInto('standardization_profile').values(row).onConflict((oc) => oc.column('enterprise_id').doUpdateSet(rest)).execute();
}

/** Live people of the enterprise among `ids` (every id a caller sends must be the caller's). */
export function findLivePeople(db: Executor, enterpriseId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).where('id', 'in', [...new Set(ids)]).execute();
}
export function findPeopleNames(db: Executor, enterpriseId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', [...new Set(ids)]).execute();
}

/** Actions of this module (not hazards) due up to `toDay`: open ones whatever their date, done ones from `fromDay` (due items). */
export function listActionDeadlines(db: Executor, enterpriseId: string, window: { fromDay: string; toDay: string; ownerPersonId?: string }) {
  let q = db
    .selectFrom('standardization_action')
    .select(['id', 'assessment_id', 'item_code', 'description', 'deadline', 'status', 'owner_person_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('kind', '=', 'action')
    .where('deadline', '<=', window.toDay)
    .where((eb) => eb.or([eb('status', '=', 'open'), eb('deadline', '>=', window.fromDay)]));
  if (window.ownerPersonId) q = q.where('owner_person_id', '=', window.ownerPersonId);
  return q.orderBy('deadline').limit(2000).execute();
}

export function findMeeting(db: Executor, enterpriseId: string, id: string) {
  return db
    .selectFrom('self_assessment_meeting')
    .innerJoin('self_assessment', 'self_assessment.id', 'self_assessment_meeting.assessment_id')
    .selectAll('self_assessment_meeting')
    .select('self_assessment.title')
    .where('self_assessment_meeting.enterprise_id', '=', enterpriseId)
    .where('self_assessment_meeting.id', '=', id)
    .executeTakeFirst();
}
