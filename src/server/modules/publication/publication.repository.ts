/* Read-only selects over org and risk tables (owned by those features) plus the publication tables.
 * Only accepted, live risks are published: a proposed or archived risk is not on any card or map. */
import type { AreaMapPolygonTable, FloorPlanTable } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';

export function findEnterpriseHeader(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('enterprise')
    .leftJoin('publication_setting', 'publication_setting.enterprise_id', 'enterprise.id')
    .select(['enterprise.id', 'enterprise.name', 'publication_setting.emergency_phone', 'publication_setting.card_footer'])
    .where('enterprise.id', '=', enterpriseId)
    .executeTakeFirst();
}

export function findPostForCard(db: Executor, enterpriseId: string, postId: string) {
  return db
    .selectFrom('post')
    .leftJoin('org_unit', 'org_unit.id', 'post.org_unit_id')
    .leftJoin('post_emergency_info', 'post_emergency_info.post_id', 'post.id')
    .select([
      'post.id',
      'post.name',
      'post.kind',
      'post.headcount',
      'post.main_equipment',
      'post.main_activities',
      'post.updated_at',
      'post.archived_at',
      'org_unit.name as org_unit_name',
      'post_emergency_info.emergency_actions',
      'post_emergency_info.updated_at as emergency_updated_at',
    ])
    .where('post.enterprise_id', '=', enterpriseId)
    .where('post.id', '=', postId)
    .executeTakeFirst();
}

export function listPublishedRisksOfPost(db: Executor, enterpriseId: string, postId: string) {
  return db
    .selectFrom('risk')
    .select(['id', 'object_name', 'level', 'causes', 'accident_type_codes', 'hazard_factor_codes', 'created_at'])
    .where('enterprise_id', '=', enterpriseId)
    .where('post_id', '=', postId)
    .where('status', '=', 'accepted')
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listLiveMeasuresOfRisks(db: Executor, enterpriseId: string, riskIds: string[]) {
  if (riskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('control_measure')
    .select(['risk_id', 'type', 'phase', 'duty_item', 'text', 'position'])
    .where('enterprise_id', '=', enterpriseId)
    .where('risk_id', 'in', riskIds)
    .where('archived_at', 'is', null)
    .orderBy('risk_id')
    .orderBy('position')
    .execute();
}

/** Latest change among the post's risks (archived ones too: archiving changes the card) and their measures. */
export async function latestRiskChangeOfPost(db: Executor, enterpriseId: string, postId: string): Promise<string | null> {
  const risk = await db
    .selectFrom('risk')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .where('enterprise_id', '=', enterpriseId)
    .where('post_id', '=', postId)
    .executeTakeFirst();
  const measure = await db
    .selectFrom('control_measure')
    .innerJoin('risk', 'risk.id', 'control_measure.risk_id')
    .select((eb) => eb.fn.max('control_measure.updated_at').as('at'))
    .where('risk.enterprise_id', '=', enterpriseId)
    .where('risk.post_id', '=', postId)
    .executeTakeFirst();
  const times = [risk?.at, measure?.at].filter((t): t is string => typeof t === 'string');
  return times.length ? times.sort().at(-1)! : null;
}

export function findArea(db: Executor, enterpriseId: string, areaId: string) {
  return db
    .selectFrom('area')
    .select(['id', 'name', 'description', 'updated_at', 'archived_at'])
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', areaId)
    .executeTakeFirst();
}

export function listPublishedRisksOfArea(db: Executor, enterpriseId: string, areaId: string) {
  return db
    .selectFrom('risk')
    .innerJoin('post', 'post.id', 'risk.post_id')
    .leftJoin('person', 'person.id', 'risk.responsible_person_id')
    .select([
      'risk.id',
      'risk.object_name',
      'risk.level',
      'risk.accident_type_codes',
      'risk.control_tier',
      'risk.updated_at',
      'post.name as post_name',
      'person.name as person_name',
    ])
    .where('risk.enterprise_id', '=', enterpriseId)
    .where('risk.area_id', '=', areaId)
    .where('risk.status', '=', 'accepted')
    .where('risk.archived_at', 'is', null)
    .orderBy('risk.created_at')
    .orderBy('risk.id')
    .execute();
}

export function listLiveAreas(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('area')
    .leftJoin('area_map_polygon', 'area_map_polygon.area_id', 'area.id')
    .select(['area.id', 'area.name', 'area_map_polygon.points'])
    .where('area.enterprise_id', '=', enterpriseId)
    .where('area.archived_at', 'is', null)
    .orderBy('area.created_at')
    .orderBy('area.id')
    .execute();
}

export function listPublishedAreaLevels(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('risk')
    .select(['area_id', 'level'])
    .where('enterprise_id', '=', enterpriseId)
    .where('area_id', 'is not', null)
    .where('status', '=', 'accepted')
    .where('archived_at', 'is', null)
    .execute();
}

export function findPolygon(db: Executor, enterpriseId: string, areaId: string) {
  return db.selectFrom('area_map_polygon').selectAll().where('enterprise_id', '=', enterpriseId).where('area_id', '=', areaId).executeTakeFirst();
}

export async function upsertPolygon(db: Executor, row: AreaMapPolygonTable): Promise<void> {
  await db
    .insertInto('area_map_polygon')
    .values(row)
    .onConflict((oc) => oc.column('area_id').doUpdateSet({ points: row.points, updated_at: row.updated_at }))
    .execute();
}

export function findFloorPlan(db: Executor, enterpriseId: string) {
  return db.selectFrom('floor_plan').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}

export async function upsertFloorPlan(db: Executor, row: FloorPlanTable): Promise<void> {
  const { enterprise_id: _id, ...rest } = row;
  await db
    .insertInto('floor_plan')
    .values(row)
    .onConflict((oc) => oc.column('enterprise_id').doUpdateSet(rest))
    .execute();
}

export async function upsertPublicationSettings(db: Executor, enterpriseId: string, set: { emergencyPhone: string | null; cardFooter: string | null }, at: string): Promise<void> {
  const values = { emergency_phone: set.emergencyPhone, card_footer: set.cardFooter, updated_at: at };
  await db
    .insertInto('publication_setting')
    .values({ enterprise_id: enterpriseId, ...values })
    .onConflict((oc) => oc.column('enterprise_id').doUpdateSet(values))
    .execute();
}

export async function upsertPostEmergencyActions(db: Executor, enterpriseId: string, postId: string, actions: string, at: string): Promise<void> {
  await db
    .insertInto('post_emergency_info')
    .values({ post_id: postId, enterprise_id: enterpriseId, emergency_actions: actions, updated_at: at })
    .onConflict((oc) => oc.column('post_id').doUpdateSet({ emergency_actions: actions, updated_at: at }))
    .execute();
}
