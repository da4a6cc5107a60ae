/* Area facts (seed 001 第七条), major hazard installations and the areas where a post's work happens. */
import { enterpriseBesideKey } from '../../db/text-search.js';
import type { Executor } from '../../db/with-transaction.js';
import type { AnySelect } from '../../platform/resource/tenant-resource.repository.js';

export async function listAreaFactRows(db: Executor, enterpriseId: string, areaIds: string[]) {
  if (!areaIds.length) return [];
  return db
    .selectFrom('area')
    .select(['id', 'name', 'hazard_kinds', 'max_people_at_once'])
    .where('enterprise_id', '=', enterpriseId)
    .where('id', 'in', areaIds)
    .where('archived_at', 'is', null)
    .execute();
}

export async function listMajorHazardEquipment(db: Executor, enterpriseId: string, where: { ids: string[]; areaIds: string[] }) {
  if (!where.ids.length && !where.areaIds.length) return [];
  return db
    .selectFrom('equipment')
    .select(['id', 'name', 'area_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('is_major_hazard_installation', '=', 1)
    .where('archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(where.ids.length ? [eb('id', 'in', where.ids)] : []),
        ...(where.areaIds.length ? [eb('area_id', 'in', where.areaIds)] : []),
      ]),
    )
    .execute();
}

export async function listAreaIdsOfPosts(db: Executor, enterpriseId: string, postIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!postIds.length) return map;
  const rows = await db
    .selectFrom('post_area')
    .innerJoin('area', 'area.id', 'post_area.area_id')
    .select(['post_area.post_id', 'post_area.area_id'])
    .where(enterpriseBesideKey(db, 'post_area.enterprise_id'), '=', enterpriseId)
    .where('post_area.post_id', 'in', postIds)
    .where('area.archived_at', 'is', null)
    .orderBy('area.name')
    .execute();
  for (const r of rows) map.set(r.post_id, [...(map.get(r.post_id) ?? []), r.area_id]);
  return map;
}

export async function listPostIdsInAreas(db: Executor, enterpriseId: string, areaIds: string[]): Promise<string[]> {
  if (!areaIds.length) return [];
  const rows = await db
    .selectFrom('post_area')
    .select('post_id')
    .distinct()
    .where('enterprise_id', '=', enterpriseId)
    .where('area_id', 'in', areaIds)
    .execute();
  return rows.map((r) => r.post_id);
}

export async function replaceAreasOfPost(trx: Executor, enterpriseId: string, postId: string, areaIds: string[]): Promise<void> {
  await trx.deleteFrom('post_area').where(enterpriseBesideKey(trx, 'enterprise_id'), '=', enterpriseId).where('post_id', '=', postId).execute();
  const unique = [...new Set(areaIds)];
  if (unique.length) {
    await trx
      .insertInto('post_area')
      .values(unique.map((areaId) => ({ enterprise_id: enterpriseId, post_id: postId, area_id: areaId })))
      .execute();
  }
}

/** Narrows a post list to posts working in the area. */
export function whereWorksIn(query: AnySelect, areaId: string): AnySelect {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return query.where('id', 'in', (eb: any) => eb.selectFrom('post_area').select('post_id').where('area_id', '=', areaId));
}

export function findLiveAreaByName(db: Executor, enterpriseId: string, name: string) {
  return db.selectFrom('area').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('name', '=', name).where('archived_at', 'is', null).executeTakeFirst();
}
