/* 定置管理 (seed 003 二(二)2; issue 11 §5): per area, marked positions on the floor plan and the
 * 定置 rule; saving names the post that checks them, whose inspection item (made through the
 * inspections feature, weekly) runs the periodic check; a deviation is reported as a hazard of the
 * area through the hazard intake. */
import type { FixedPositionDeviationInput, FixedPositionPlanDto, FixedPositionPlanInput } from '../../../schemas/fixed-position.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { createHazardInTransaction } from '../hazards/hazard-intake.service.js';
import { archiveItem, createExtraItem } from '../inspections/inspection-lists.service.js';

export const fixedPositionEditorRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader'] as const satisfies readonly EnterpriseRole[];

export interface FixedPositionActor {
  userId: string;
  enterpriseId: string;
  role: EnterpriseRole;
}

type Position = FixedPositionPlanDto['positions'][number];

export async function requireLiveArea(db: Executor, enterpriseId: string, areaId: string) {
  const area = await db.selectFrom('area').select(['id', 'name', 'archived_at']).where('enterprise_id', '=', enterpriseId).where('id', '=', areaId).executeTakeFirst();
  if (!area || area.archived_at) throw notFound('area');
  return area;
}

const findPlan = (db: Executor, enterpriseId: string, areaId: string) =>
  db.selectFrom('fixed_position_plan').selectAll().where('enterprise_id', '=', enterpriseId).where('area_id', '=', areaId).executeTakeFirst();

export async function getFixedPositionPlan(deps: AppDeps, enterpriseId: string, areaId: string, db: Executor = deps.db): Promise<FixedPositionPlanDto> {
  const area = await requireLiveArea(db, enterpriseId, areaId);
  const [plan, polygon, floorPlan] = await Promise.all([
    findPlan(db, enterpriseId, areaId),
    db.selectFrom('area_map_polygon').select('points').where('enterprise_id', '=', enterpriseId).where('area_id', '=', areaId).executeTakeFirst(),
    db.selectFrom('floor_plan').select('enterprise_id').where('enterprise_id', '=', enterpriseId).executeTakeFirst(),
  ]);
  return {
    areaId,
    areaName: area.name,
    id: plan?.id ?? null,
    revision: plan?.revision ?? 0,
    ruleText: plan?.rule_text ?? '',
    postId: plan?.post_id ?? null,
    inspectionItemId: plan?.inspection_item_id ?? null,
    positions: plan ? (fromDbJson<Position[]>(plan.positions) ?? []) : [],
    polygon: polygon ? (fromDbJson<[number, number][]>(polygon.points) ?? null) : null,
    hasFloorPlan: Boolean(floorPlan),
  };
}

const itemText = (areaName: string) => `定置检查（${areaName}）：各定置点物品在规定位置、标识清楚，通道畅通，无多余物品；对照定置图拍照`;

export async function saveFixedPositionPlan(deps: AppDeps, actor: FixedPositionActor, areaId: string, input: FixedPositionPlanInput): Promise<FixedPositionPlanDto> {
  const now = deps.clock.now();
  const at = now.toISOString();
  await withTransaction(deps.db, async (trx) => {
    const area = await requireLiveArea(trx, actor.enterpriseId, areaId);
    const post = await trx.selectFrom('post').select('id').where('enterprise_id', '=', actor.enterpriseId).where('id', '=', input.postId).where('archived_at', 'is', null).executeTakeFirst();
    if (!post) throw referenceMissing('postId');
    const plan = await findPlan(trx, actor.enterpriseId, areaId);
    const current = plan?.revision ?? 0;
    if (input.revision !== current) throw new AppError('CONFLICT', { detail: `revision：此定置图已被他人保存为第 ${current} 版，请刷新后再改 / saved by someone else as revision ${current}; reload first` });
    const newItem = async () =>
      (await createExtraItem(deps, actor, { postId: input.postId, measureId: null, content: itemText(area.name), method: 'look', period: 'week', responsiblePersonId: null, responsibleIsPostHolders: true, supervisorPostId: null }, trx)).id;
    const positions = JSON.stringify(input.positions);
    if (!plan) {
      await trx
        .insertInto('fixed_position_plan')
        .values({ id: newId(), enterprise_id: actor.enterpriseId, area_id: areaId, post_id: input.postId, inspection_item_id: await newItem(), rule_text: input.ruleText, positions, revision: 1, created_at: at, updated_at: at })
        .execute();
    } else {
      // Another checking post: the old post's item is archived, the new post gets its own.
      let itemId = plan.inspection_item_id;
      if (plan.post_id !== input.postId) {
        await archiveItem(deps, actor, plan.inspection_item_id, trx);
        itemId = await newItem();
      }
      const r = await trx
        .updateTable('fixed_position_plan')
        .set({ post_id: input.postId, inspection_item_id: itemId, rule_text: input.ruleText, positions, revision: current + 1, updated_at: at })
        .where('id', '=', plan.id)
        .where('revision', '=', current)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { detail: 'revision' });
    }
    await recordChange(trx, actor, now, {
      entity: 'fixed_position_plan',
      entityId: areaId,
      action: plan ? 'update' : 'create',
      before: plan ? { ruleText: plan.rule_text, postId: plan.post_id, positions: fromDbJson(plan.positions) } : null,
      after: { ruleText: input.ruleText, postId: input.postId, positions: input.positions },
    });
  });
  return getFixedPositionPlan(deps, actor.enterpriseId, areaId);
}

/** A marked position found off its place: a hazard of the area (and the checking post), with the photos. */
export async function reportDeviation(deps: AppDeps, actor: FixedPositionActor, areaId: string, input: FixedPositionDeviationInput): Promise<{ hazardId: string; isNew: boolean }> {
  return withTransaction(deps.db, async (trx) => {
    const area = await requireLiveArea(trx, actor.enterpriseId, areaId);
    const plan = await findPlan(trx, actor.enterpriseId, areaId);
    if (!plan) throw new AppError('CONFLICT', { detail: '本区域还没有定置图 / the area has no fixed-position plan yet' });
    const position = (fromDbJson<Position[]>(plan.positions) ?? [])[input.positionIndex];
    if (!position) throw fieldError('positionIndex', { 'zh-CN': '没有这个定置点', 'en-US': 'There is no such marked position' });
    return createHazardInTransaction(deps, trx, actor, {
      source: 'adhoc',
      areaId,
      postId: plan.post_id,
      description: `定置偏离（${area.name} · ${position.label}）：${input.note}`,
      photoIds: input.photoIds,
      clientId: input.clientId,
    });
  });
}
