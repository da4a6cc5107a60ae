import type { Executor } from '../../db/with-transaction.js';
import { taskPlanChanged } from '../inspections/task-plan-memo.js';
import type { AnySelect } from '../../platform/resource/tenant-resource.repository.js';

export async function listPostIdsOfPeople(db: Executor, enterpriseId: string, personIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return map;
  const rows = await db
    .selectFrom('person_post')
    .select(['person_id', 'post_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('person_id', 'in', personIds)
    .orderBy('post_id')
    .execute();
  for (const r of rows) map.get(r.person_id)?.push(r.post_id);
  return map;
}

export async function replacePostsOfPerson(db: Executor, enterpriseId: string, personId: string, postIds: string[]): Promise<void> {
  await db.deleteFrom('person_post').where('enterprise_id', '=', enterpriseId).where('person_id', '=', personId).execute();
  const unique = [...new Set(postIds)];
  if (unique.length) {
    await db
      .insertInto('person_post')
      .values(unique.map((postId) => ({ enterprise_id: enterpriseId, person_id: personId, post_id: postId })))
      .execute();
  }
  taskPlanChanged(db, enterpriseId); // a post's holders do its unassigned items and supervise others
}

export function whereHoldsPost(query: AnySelect, postId: string): AnySelect {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return query.where('id', 'in', (eb: any) => eb.selectFrom('person_post').select('person_id').where('post_id', '=', postId));
}

export async function personRowExists(db: Executor, enterpriseId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return Boolean(row);
}

/** The people of one enterprise with these ids (others' ids simply do not come back). */
export function findPeopleByIds(db: Executor, enterpriseId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person')
    .select(['id', 'name', 'phone', 'archived_at'])
    .where('enterprise_id', '=', enterpriseId)
    .where('id', 'in', [...personIds])
    .execute();
}
