/* Other features read places (areas, equipment, the areas of a post) through here, never through the repository. */
import type { Executor } from '../../db/with-transaction.js';
import type { AreaHazardKind } from '../../../schemas/org.js';
import * as repo from './places.repository.js';

export interface AreaFacts {
  id: string;
  name: string;
  hazardKinds: AreaHazardKind[];
  maxPeopleAtOnce: number;
}

export async function listAreaFacts(db: Executor, enterpriseId: string, areaIds: string[]): Promise<AreaFacts[]> {
  const rows = await repo.listAreaFactRows(db, enterpriseId, [...new Set(areaIds)]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    hazardKinds: JSON.parse(r.hazard_kinds) as AreaHazardKind[],
    maxPeopleAtOnce: Number(r.max_people_at_once),
  }));
}

/** 重大危险源 among the given equipment or located in the given areas. */
export function listMajorHazardInstallations(db: Executor, enterpriseId: string, where: { ids: string[]; areaIds: string[] }) {
  return repo.listMajorHazardEquipment(db, enterpriseId, where);
}

/** Issue 8 item 5: the areas where each post's work happens. */
export function areaIdsOfPosts(db: Executor, enterpriseId: string, postIds: string[]): Promise<Map<string, string[]>> {
  return repo.listAreaIdsOfPosts(db, enterpriseId, postIds);
}

export function postIdsWorkingIn(db: Executor, enterpriseId: string, areaIds: string[]): Promise<string[]> {
  return repo.listPostIdsInAreas(db, enterpriseId, areaIds);
}

export function setAreasOfPost(trx: Executor, enterpriseId: string, postId: string, areaIds: string[]): Promise<void> {
  return repo.replaceAreasOfPost(trx, enterpriseId, postId, areaIds);
}

/** The live area of that exact name (the wizard reuses it instead of creating a twin). */
export function findAreaByName(db: Executor, enterpriseId: string, name: string) {
  return repo.findLiveAreaByName(db, enterpriseId, name);
}
