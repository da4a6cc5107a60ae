/* Reads and writes of inspection items, list publications and the shift roster. */
import type { InspectionItemTable, InspectionListPublicationTable } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';
import { taskPlanChanged } from './task-plan-memo.js';

export function findEnterpriseSettings(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('enterprise')
    .leftJoin('shift_definition', 'shift_definition.enterprise_id', 'enterprise.id')
    .select(['enterprise.time_zone', 'shift_definition.shifts', 'shift_definition.updated_at'])
    .where('enterprise.id', '=', enterpriseId)
    .executeTakeFirst();
}

export async function upsertShifts(db: Executor, enterpriseId: string, shifts: string, userId: string | null, at: string): Promise<void> {
  await db
    .insertInto('shift_definition')
    .values({ enterprise_id: enterpriseId, shifts, updated_by_user_id: userId, updated_at: at })
    .onConflict((oc) => oc.column('enterprise_id').doUpdateSet({ shifts, updated_by_user_id: userId, updated_at: at }))
    .execute();
  taskPlanChanged(db, enterpriseId); // 每班 windows follow the roster
}

export function findItem(db: Executor, enterpriseId: string, id: string): Promise<InspectionItemTable | undefined> {
  return db.selectFrom('inspection_item').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

export function listItemsOfPost(db: Executor, enterpriseId: string, postId: string): Promise<InspectionItemTable[]> {
  return db
    .selectFrom('inspection_item')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('post_id', '=', postId)
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Live measures of the post's live, accepted or proposed risks (rejected risks need no checking). */
export function listMeasuresOfPost(db: Executor, enterpriseId: string, postId: string) {
  return db
    .selectFrom('control_measure')
    .innerJoin('risk', 'risk.id', 'control_measure.risk_id')
    .select(['control_measure.id', 'control_measure.risk_id', 'control_measure.text', 'control_measure.type'])
    .where('control_measure.enterprise_id', '=', enterpriseId)
    .where('risk.post_id', '=', postId)
    .where('risk.status', '!=', 'rejected')
    .where('risk.archived_at', 'is', null)
    .where('control_measure.archived_at', 'is', null)
    .orderBy('risk.created_at')
    .orderBy('control_measure.position')
    .execute();
}

export async function insertItem(db: Executor, row: InspectionItemTable): Promise<void> {
  await db.insertInto('inspection_item').values(row).execute();
}

export async function updateItem(db: Executor, enterpriseId: string, id: string, patch: Partial<InspectionItemTable>): Promise<void> {
  await db.updateTable('inspection_item').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
  taskPlanChanged(db, enterpriseId); // an item made inactive or archived leaves its tasks
}

/** Publication: the version tasks run becomes each item's current fields (one statement, both databases). */
export async function publishItems(db: Executor, enterpriseId: string, postId: string, itemIds: string[], at: string): Promise<void> {
  if (!itemIds.length) return;
  await db
    .updateTable('inspection_item')
    .set((eb) => ({
      published_content: eb.ref('content'),
      published_method: eb.ref('method'),
      published_period: eb.ref('period'),
      published_responsible_person_id: eb.ref('responsible_person_id'),
      published_supervisor_post_id: eb.ref('supervisor_post_id'),
      published_at: at,
    }))
    .where('enterprise_id', '=', enterpriseId)
    .where('post_id', '=', postId)
    .where('id', 'in', itemIds)
    .execute();
  taskPlanChanged(db, enterpriseId);
}

export async function insertPublication(db: Executor, row: InspectionListPublicationTable): Promise<void> {
  await db.insertInto('inspection_list_publication').values(row).execute();
}

export async function findLastPublication(db: Executor, enterpriseId: string, postId: string) {
  return db
    .selectFrom('inspection_list_publication')
    .select(['id', 'published_at'])
    .where('enterprise_id', '=', enterpriseId)
    .where('post_id', '=', postId)
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** True when the row exists in the enterprise and is not archived (references across tenants read as missing). */
export async function isLiveRow(db: Executor, table: 'post' | 'person' | 'area' | 'equipment', enterpriseId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The post's kind and its superior post (seed 001 第十四条), by name. */
export function findPostWithSuperior(db: Executor, enterpriseId: string, postId: string) {
  return db
    .selectFrom('post')
    .leftJoin('post as sup', (j) => j.onRef('sup.id', '=', 'post.reports_to_post_id').on('sup.archived_at', 'is', null))
    .select(['post.kind', 'post.reports_to_post_id', 'sup.name as reports_to_name'])
    .where('post.enterprise_id', '=', enterpriseId)
    .where('post.id', '=', postId)
    .executeTakeFirst();
}

export function findPlaceName(db: Executor, table: 'post' | 'area' | 'equipment', enterpriseId: string, id: string) {
  return db.selectFrom(table).select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

/** The person a login stands for in this enterprise (membership.person_id), with the name to stamp. */
export function findActorPerson(db: Executor, enterpriseId: string, userId: string) {
  return db
    .selectFrom('membership')
    .leftJoin('person', 'person.id', 'membership.person_id')
    .select(['membership.person_id', 'person.name as person_name'])
    .where('membership.enterprise_id', '=', enterpriseId)
    .where('membership.user_id', '=', userId)
    .executeTakeFirst();
}

/** A live measure of a live risk on the post. */
export function findMeasureOfPost(db: Executor, enterpriseId: string, postId: string, measureId: string) {
  return db
    .selectFrom('control_measure')
    .innerJoin('risk', 'risk.id', 'control_measure.risk_id')
    .select('control_measure.id')
    .where('control_measure.enterprise_id', '=', enterpriseId)
    .where('control_measure.id', '=', measureId)
    .where('risk.post_id', '=', postId)
    .where('control_measure.archived_at', 'is', null)
    .where('risk.archived_at', 'is', null)
    .executeTakeFirst();
}

export function listLiveEnterpriseIds(db: Executor) {
  return db.selectFrom('enterprise').select('id').where('archived_at', 'is', null).execute();
}

/** Live posts whose inspection list has never been published (seed 001 Art. 13: one post, one list). */
export function listPostsWithoutPublishedList(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('post')
    .select(['post.id', 'post.name'])
    .where('post.enterprise_id', '=', enterpriseId)
    .where('post.archived_at', 'is', null)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('inspection_list_publication as p').select('p.id').whereRef('p.post_id', '=', 'post.id').where('p.enterprise_id', '=', enterpriseId))),
    )
    .orderBy('post.name')
    .execute();
}
