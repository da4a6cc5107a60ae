/* Published closures (seed 001 第十八条 "隐患治理…公示"): the hazards closed and published, for a post or area. */
import type { Executor } from '../../db/with-transaction.js';

export function findPlace(db: Executor, table: 'post' | 'area', enterpriseId: string, id: string) {
  return db.selectFrom(table).select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
}

export function listPublishedClosures(db: Executor, enterpriseId: string, place: { postId?: string; areaId?: string }, limit: number) {
  let q = db
    .selectFrom('hazard')
    .leftJoin('post', 'post.id', 'hazard.post_id')
    .leftJoin('area', 'area.id', 'hazard.area_id')
    .select(['hazard.id', 'hazard.description', 'hazard.grade', 'hazard.closed_at', 'hazard.post_id', 'hazard.area_id', 'post.name as post_name', 'area.name as area_name'])
    .select((eb) =>
      eb
        .selectFrom('hazard_event')
        .select((e) => e.fn.max('hazard_event.at').as('at'))
        .whereRef('hazard_event.hazard_id', '=', 'hazard.id')
        .where('hazard_event.enterprise_id', '=', enterpriseId)
        .where('hazard_event.action', '=', 'publish')
        .as('published_at'),
    )
    .select((eb) =>
      eb
        .selectFrom('hazard_event')
        .select('hazard_event.data')
        .whereRef('hazard_event.hazard_id', '=', 'hazard.id')
        .where('hazard_event.enterprise_id', '=', enterpriseId)
        .where('hazard_event.action', '=', 'accept')
        .orderBy('hazard_event.at', 'desc')
        .limit(1)
        .as('accept_data'),
    )
    .where('hazard.enterprise_id', '=', enterpriseId)
    .where('hazard.is_published', '=', 1)
    .where('hazard.status', '=', 'closed');
  if (place.postId) q = q.where('hazard.post_id', '=', place.postId);
  if (place.areaId) q = q.where('hazard.area_id', '=', place.areaId);
  return q.orderBy('hazard.closed_at', 'desc').orderBy('hazard.id', 'desc').limit(limit).execute();
}
