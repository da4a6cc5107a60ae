/* The written duty list of every post (岗位安全生产责任清单, seed 000 二(一)1; seed 001 第九条): ONE
 * itemised list per post, read — never copied — from the post's written duties (org) and the duty
 * items the risk register's management-post measures name. domain/management/duties.ts `dutyList`
 * merges them; the management feature's acknowledgements and letters read it through here. */
import { type DutyItem, dutyList, dutyListRevision } from '../../../domain/management/duties.js';
import type { Executor } from '../../db/with-transaction.js';

export interface PostDutyList {
  postId: string;
  postName: string;
  postKind: string;
  orgUnitId: string | null;
  items: DutyItem[];
  revision: string;
}

/** The duty lists of the enterprise's live posts (or of the given ones), by post name. */
export async function postDutyLists(db: Executor, enterpriseId: string, postIds?: readonly string[]): Promise<PostDutyList[]> {
  if (postIds && postIds.length === 0) return [];
  let posts = db.selectFrom('post').select(['id', 'name', 'kind', 'duties', 'org_unit_id']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null);
  if (postIds) posts = posts.where('id', 'in', [...postIds]);
  const rows = await posts.orderBy('name').orderBy('id').execute();
  if (rows.length === 0) return [];
  const measures = await db
    .selectFrom('control_measure as m')
    .innerJoin('risk as r', 'r.id', 'm.risk_id')
    .select(['r.post_id', 'm.duty_item'])
    .where('m.enterprise_id', '=', enterpriseId)
    .where('r.enterprise_id', '=', enterpriseId)
    .where('r.post_id', 'in', rows.map((p) => p.id))
    .where('r.status', '=', 'accepted')
    .where('r.archived_at', 'is', null)
    .where('m.archived_at', 'is', null)
    .where('m.duty_item', 'is not', null)
    .orderBy('r.created_at')
    .orderBy('m.position')
    .execute();
  return rows.map((p) => {
    const items = dutyList(p.duties, measures.filter((m) => m.post_id === p.id).map((m) => m.duty_item as string));
    return { postId: p.id, postName: p.name, postKind: p.kind, orgUnitId: p.org_unit_id, items, revision: dutyListRevision(items) };
  });
}
