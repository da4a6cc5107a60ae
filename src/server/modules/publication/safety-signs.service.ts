/* Safety signs (seed 001 第十一条; issue 9 §6): the register of signs (GB 2894 categories) per
 * area or equipment; 较大/重大 places without a 警告 sign (domain/risk/warning-signs.ts, levels from
 * the risk feature's riskLevelsOfPlaces); and per area one monthly inspection item "安全警示标志检查"
 * on a checking post's list, made and kept in step through the inspections feature — like any new
 * or edited item it runs once the post's list is published (seed 001 第十三条). */
import { warningSignGaps, type SignedPlace } from '../../../domain/risk/warning-signs.js';
import { findCommonSafetySign, safetySignCategoryEntries, type SafetySignCategory } from '../../../reference/safety-signs.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { SafetySignDto, SafetySignInput, SafetySignOverviewDto, SafetySignQuery, SafetySignUpdate } from '../../../schemas/safety-signs.js';
import type { AppDeps } from '../../app-deps.js';
import type { SafetySignTable } from '../../db/tables/risk-tables.js';
import { afterKey } from '../../db/keyset.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { allAttachmentsExist } from '../inspections/attachments.service.js';
import { archiveItem, createExtraItem, getItem, updateItem } from '../inspections/inspection-lists.service.js';
import { postIdsWorkingIn } from '../org/places.service.js';
import { riskLevelsOfPlaces } from '../risks/risk-read.service.js';

export const safetySignEditorRoles = ['principal', 'safety_manager', 'consultant', 'dept_head'] as const satisfies readonly EnterpriseRole[];

export interface SignActor {
  userId: string;
  enterpriseId: string;
}

type SignRow = SafetySignTable & { area_name: string; equipment_name: string | null };

const toDto = (r: SignRow): SafetySignDto => ({
  id: r.id,
  areaId: r.area_id,
  areaName: r.area_name,
  equipmentId: r.equipment_id,
  equipmentName: r.equipment_name,
  category: r.category as SafetySignCategory,
  signCode: r.sign_code,
  name: r.name,
  location: r.location,
  quantity: Number(r.quantity),
  photoId: r.photo_id,
  installedOn: r.installed_on,
  createdAt: r.created_at,
  archivedAt: r.archived_at,
});

const selectSigns = (db: Executor, enterpriseId: string) =>
  db
    .selectFrom('safety_sign')
    .innerJoin('area', 'area.id', 'safety_sign.area_id')
    .leftJoin('equipment', 'equipment.id', 'safety_sign.equipment_id')
    .selectAll('safety_sign')
    .select(['area.name as area_name', 'equipment.name as equipment_name'])
    .where('safety_sign.enterprise_id', '=', enterpriseId);

/** One page of the register, newest first, by the (enterprise, [area,] created_at, id) index. */
export function listSafetySignRows(db: Executor, enterpriseId: string, f: { areaId?: string; includeArchived?: boolean; after?: { at: string; id: string }; limit: number }) {
  let query = selectSigns(db, enterpriseId);
  if (f.areaId) query = query.where('safety_sign.area_id', '=', f.areaId);
  if (!f.includeArchived) query = query.where('safety_sign.archived_at', 'is', null);
  if (f.after) query = query.where(afterKey('safety_sign.created_at', 'safety_sign.id', f.after, 'desc'));
  return query.orderBy('safety_sign.created_at', 'desc').orderBy('safety_sign.id', 'desc').limit(f.limit).execute();
}

export async function listSafetySigns(deps: AppDeps, enterpriseId: string, q: SafetySignQuery) {
  const rows = await listSafetySignRows(deps.db, enterpriseId, { areaId: q.areaId, includeArchived: q.includeArchived, after: decodeCursor(q.cursor), limit: q.limit + 1 });
  return toPage(rows, q.limit, (r) => ({ at: r.created_at, id: r.id }), toDto);
}

export async function getSafetySign(deps: AppDeps, enterpriseId: string, id: string, db: Executor = deps.db): Promise<SafetySignDto> {
  const row = await selectSigns(db, enterpriseId).where('safety_sign.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('safety_sign');
  return toDto(row);
}

const categoryName = (c: string) => safetySignCategoryEntries.find((e) => e.code === c)?.label['zh-CN'] ?? c;

/** The monthly check of an area's signs, naming them (content ≤ 500 characters). */
export function signCheckText(areaName: string, signs: readonly { name: string; quantity: number }[]): string {
  const head = `安全警示标志检查（${areaName}）：`;
  const tail = '齐全、清晰、完好，位置醒目无遮挡（GB 2894）';
  const names: string[] = [];
  for (const s of signs) {
    const next = `${s.name}×${s.quantity}`;
    if ((head + [...names, next].join('、') + '等' + tail).length > 480) {
      names.push('等');
      break;
    }
    names.push(next);
  }
  return `${head}${names.join('、').replace(/、等$/, '等')}${tail}`;
}

async function resolvePlace(trx: Executor, enterpriseId: string, input: Pick<SafetySignInput, 'areaId' | 'equipmentId'>) {
  let areaId = input.areaId;
  if (input.equipmentId) {
    const eq = await trx.selectFrom('equipment').select(['id', 'area_id', 'archived_at']).where('enterprise_id', '=', enterpriseId).where('id', '=', input.equipmentId).executeTakeFirst();
    if (!eq || eq.archived_at) throw referenceMissing('equipmentId');
    if (areaId && eq.area_id && eq.area_id !== areaId) {
      throw fieldError('equipmentId', { 'zh-CN': '该设备不在所选区域内', 'en-US': 'The equipment is not in the chosen area (areaId)' });
    }
    areaId = areaId ?? eq.area_id;
  }
  if (!areaId) throw fieldError('areaId', { 'zh-CN': '请选择标志所在区域（设备未指定区域时必填）', 'en-US': 'Choose the area (areaId); required when the equipment has no area' });
  const area = await trx.selectFrom('area').select(['id', 'name', 'archived_at']).where('enterprise_id', '=', enterpriseId).where('id', '=', areaId).executeTakeFirst();
  if (!area || area.archived_at) throw referenceMissing('areaId');
  return area;
}

/** Keeps the area's sign-check item in step with its live signs (made, moved, re-worded or archived). */
async function syncAreaCheck(deps: AppDeps, trx: Executor, actor: SignActor, area: { id: string; name: string }, checkPostId: string | null): Promise<void> {
  const signs = await trx
    .selectFrom('safety_sign')
    .select(['name', 'quantity'])
    .where('enterprise_id', '=', actor.enterpriseId)
    .where('area_id', '=', area.id)
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const check = await trx.selectFrom('safety_sign_check').selectAll().where('enterprise_id', '=', actor.enterpriseId).where('area_id', '=', area.id).executeTakeFirst();
  const at = deps.clock.now().toISOString();
  if (signs.length === 0) {
    if (check) {
      await archiveItem(deps, actor, check.inspection_item_id, trx);
      await trx.deleteFrom('safety_sign_check').where('enterprise_id', '=', actor.enterpriseId).where('area_id', '=', area.id).execute();
    }
    return;
  }
  const content = signCheckText(area.name, signs.map((s) => ({ name: s.name, quantity: Number(s.quantity) })));
  const newItem = async (postId: string) => {
    const post = await trx.selectFrom('post').select('id').where('enterprise_id', '=', actor.enterpriseId).where('id', '=', postId).where('archived_at', 'is', null).executeTakeFirst();
    if (!post) throw referenceMissing('checkPostId');
    const item = await createExtraItem(deps, actor, { postId, measureId: null, content, method: 'look', period: 'month', responsiblePersonId: null, responsibleIsPostHolders: true, supervisorPostId: null }, trx);
    return item.id;
  };
  if (!check) {
    const postId = checkPostId ?? (await postIdsWorkingIn(trx, actor.enterpriseId, [area.id]))[0];
    if (!postId) throw fieldError('checkPostId', { 'zh-CN': '请指定负责检查本区域安全标志的岗位（没有岗位在此区域作业）', 'en-US': 'Name the post that checks the signs of this area (checkPostId): no post works there' });
    await trx.insertInto('safety_sign_check').values({ enterprise_id: actor.enterpriseId, area_id: area.id, post_id: postId, inspection_item_id: await newItem(postId), updated_at: at }).execute();
    return;
  }
  const item = await getItem(deps, actor.enterpriseId, check.inspection_item_id, trx);
  if ((checkPostId && checkPostId !== check.post_id) || !item.isActive) {
    const postId = checkPostId ?? check.post_id;
    await archiveItem(deps, actor, check.inspection_item_id, trx);
    const itemId = await newItem(postId);
    await trx.updateTable('safety_sign_check').set({ post_id: postId, inspection_item_id: itemId, updated_at: at }).where('enterprise_id', '=', actor.enterpriseId).where('area_id', '=', area.id).execute();
  } else if (item.content !== content) {
    await updateItem(deps, actor, check.inspection_item_id, { content }, trx);
  }
}

export async function createSafetySign(deps: AppDeps, actor: SignActor, input: SafetySignInput): Promise<SafetySignDto> {
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    const area = await resolvePlace(trx, actor.enterpriseId, input);
    if (input.signCode) {
      const known = findCommonSafetySign(input.signCode);
      if (!known) throw fieldError('signCode', { 'zh-CN': '没有这个常用标志', 'en-US': 'There is no such common sign (signCode)' });
      if (known.category !== input.category) throw fieldError('category', { 'zh-CN': `“${known.name['zh-CN']}”属于${categoryName(known.category)}`, 'en-US': `"${known.name['en-US']}" is a ${known.category} sign` });
    }
    if (input.photoId && !(await allAttachmentsExist(deps, actor.enterpriseId, [input.photoId], trx))) throw referenceMissing('photoId');
    const at = deps.clock.now().toISOString();
    const row: SafetySignTable = {
      id,
      enterprise_id: actor.enterpriseId,
      area_id: area.id,
      equipment_id: input.equipmentId,
      category: input.category,
      sign_code: input.signCode,
      name: input.name,
      location: input.location,
      quantity: input.quantity,
      photo_id: input.photoId,
      installed_on: input.installedOn,
      created_at: at,
      updated_at: at,
      archived_at: null,
    };
    await trx.insertInto('safety_sign').values(row).execute();
    await syncAreaCheck(deps, trx, actor, area, input.checkPostId);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'safety_sign', entityId: id, action: 'create', after: input });
  });
  return getSafetySign(deps, actor.enterpriseId, id);
}

export async function updateSafetySign(deps: AppDeps, actor: SignActor, id: string, input: SafetySignUpdate): Promise<SafetySignDto> {
  await withTransaction(deps.db, async (trx) => {
    const before = await getSafetySign(deps, actor.enterpriseId, id, trx);
    if (before.archivedAt) throw new AppError('ARCHIVED', { entity: 'safety_sign' });
    if (input.photoId && !(await allAttachmentsExist(deps, actor.enterpriseId, [input.photoId], trx))) throw referenceMissing('photoId');
    await trx
      .updateTable('safety_sign')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.location !== undefined && { location: input.location }),
        ...(input.quantity !== undefined && { quantity: input.quantity }),
        ...(input.photoId !== undefined && { photo_id: input.photoId }),
        ...(input.installedOn !== undefined && { installed_on: input.installedOn }),
        updated_at: deps.clock.now().toISOString(),
      })
      .where('enterprise_id', '=', actor.enterpriseId)
      .where('id', '=', id)
      .execute();
    await syncAreaCheck(deps, trx, actor, { id: before.areaId, name: before.areaName }, null);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'safety_sign', entityId: id, action: 'update', before, after: input });
  });
  return getSafetySign(deps, actor.enterpriseId, id);
}

/** A sign taken down: kept in the register as archived; the last one of an area archives the area's check item. */
export async function archiveSafetySign(deps: AppDeps, actor: SignActor, id: string): Promise<SafetySignDto> {
  await withTransaction(deps.db, async (trx) => {
    const before = await getSafetySign(deps, actor.enterpriseId, id, trx);
    if (before.archivedAt) return;
    await trx.updateTable('safety_sign').set({ archived_at: deps.clock.now().toISOString() }).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', id).execute();
    await syncAreaCheck(deps, trx, actor, { id: before.areaId, name: before.areaName }, null);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'safety_sign', entityId: id, action: 'archive', before });
  });
  return getSafetySign(deps, actor.enterpriseId, id);
}

/** 第十一条 gaps (较大+ places without a warning sign) and each area's sign-check item. */
export async function getSafetySignOverview(deps: AppDeps, enterpriseId: string): Promise<SafetySignOverviewDto> {
  const db = deps.db;
  const [levels, areas, equipment, signs, checks] = await Promise.all([
    riskLevelsOfPlaces(db, enterpriseId),
    db.selectFrom('area').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).execute(),
    db.selectFrom('equipment').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).execute(),
    db.selectFrom('safety_sign').select(['area_id', 'equipment_id', 'category']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).execute(),
    db
      .selectFrom('safety_sign_check')
      .innerJoin('area', 'area.id', 'safety_sign_check.area_id')
      .innerJoin('post', 'post.id', 'safety_sign_check.post_id')
      .select(['safety_sign_check.area_id', 'area.name as area_name', 'safety_sign_check.post_id', 'post.name as post_name', 'safety_sign_check.inspection_item_id'])
      .where('safety_sign_check.enterprise_id', '=', enterpriseId)
      .orderBy('area.name')
      .execute(),
  ]);
  const places: SignedPlace[] = [
    ...areas.map((a) => ({ kind: 'area' as const, id: a.id, name: a.name, level: levels.areas.get(a.id) ?? null })),
    ...equipment.map((e) => ({ kind: 'equipment' as const, id: e.id, name: e.name, level: levels.equipment.get(e.id) ?? null })),
  ];
  const gaps = warningSignGaps(places, signs.map((s) => ({ areaId: s.area_id, equipmentId: s.equipment_id, category: s.category as SafetySignCategory })));
  const items = await Promise.all(checks.map((c) => getItem(deps, enterpriseId, c.inspection_item_id)));
  return {
    gaps: gaps.map((g) => ({ kind: g.kind, id: g.id, name: g.name, level: g.level })),
    checks: checks.map((c, i) => ({
      areaId: c.area_id,
      areaName: c.area_name,
      postId: c.post_id,
      postName: c.post_name,
      inspectionItemId: c.inspection_item_id,
      itemContent: items[i]?.content ?? '',
      isPublished: Boolean(items[i]?.publishedAt),
      hasUnpublishedChanges: Boolean(items[i]?.hasUnpublishedChanges),
    })),
  };
}
