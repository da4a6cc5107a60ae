import type { AppDeps } from '../../app-deps.js';
import { toDbBool, toDbJson } from '../../db/codecs.js';
import type { Executor } from '../../db/with-transaction.js';
import { defaultControlTier } from '../../../domain/risk/control-tier.js';
import { DomainError } from '../../../domain/domain-error.js';
import { evaluateRisk } from '../../../domain/risk/evaluate.js';
import { postLevel } from '../../../domain/risk/post-level.js';
import { isRiskLevel } from '../../../domain/risk/risk-level.js';
import { isAccidentTypeCode } from '../../../reference/accident-types.js';
import { findHazardFactor } from '../../../reference/hazard-factors.js';
import type { RiskInput } from '../../../schemas/risks.js';
import { AppError } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import { findPost, setPostLevel } from '../org/posts.service.js';
import * as repo from './risks.repository.js';
import { evaluateForRisk, reevaluateRiskRows, reevaluateRisksOfPlaces } from './risk-facts.service.js';
import { areaIdsOfPosts, setAreasOfPost } from '../org/places.service.js';

export interface RiskActor {
  userId: string | null;
  enterpriseId: string;
}

/** Every code must exist in the reference sets (GB/T 13861, GB 6441). */
export function checkCodes(input: Pick<RiskInput, 'hazardFactorCodes' | 'accidentTypeCodes'>): void {
  input.hazardFactorCodes.forEach((code, i) => {
    if (!findHazardFactor(code)) {
      throw fieldError(`hazardFactorCodes.${i}`, { 'zh-CN': `危险有害因素代码 ${code} 不在 GB/T 13861 中`, 'en-US': `Hazard factor ${code} is not a GB/T 13861 code` });
    }
  });
  input.accidentTypeCodes.forEach((code, i) => {
    if (!isAccidentTypeCode(code)) {
      throw fieldError(`accidentTypeCodes.${i}`, { 'zh-CN': `事故类型代码 ${code} 不在 GB 6441 中`, 'en-US': `Accident type ${code} is not a GB 6441 code` });
    }
  });
}

/**
 * Seed 001 Art. 9: operation-post measures follow the work's phases (before / during / after),
 * management-post measures follow the post's duty items — never the other way round.
 */
export function checkMeasureFitsPost(postKind: string, m: { type?: string; phase?: string | null; dutyItem?: string | null }, prefix = ''): void {
  if (postKind === 'management' && m.phase) {
    throw fieldError(`${prefix}phase`, {
      'zh-CN': '管理岗位的管控措施按职责事项（dutyItem）组织，不能填写作业阶段',
      'en-US': 'Measures of a management post are grouped by duty item (dutyItem), not by work phase',
    });
  }
  if (postKind === 'operation' && m.dutyItem) {
    throw fieldError(`${prefix}dutyItem`, {
      'zh-CN': '操作岗位的管控措施按作业前、中、后（phase）组织，不能填写职责事项',
      'en-US': 'Measures of an operation post are grouped by work phase (phase), not by duty item',
    });
  }
  // Seed 001 第九条: an operation post's measures follow the work "按照作业前、中、后三个步骤"; a
  // management post's "对照岗位安全生产责任清单…逐项确定相应管控措施" — each names the duty it serves.
  // An 应急处置 measure answers an emergency, not a step of the work: it may stand without a phase.
  if (postKind === 'operation' && !m.phase && m.type !== 'emergency') {
    throw fieldError(`${prefix}phase`, {
      'zh-CN': '操作岗位的管控措施须注明作业阶段：作业前、作业中或作业后（第九条）',
      'en-US': 'A measure of an operation post names its work phase: before, during or after the work (Art. 9)',
    });
  }
  if (postKind === 'management' && !m.dutyItem?.trim()) {
    throw fieldError(`${prefix}dutyItem`, {
      'zh-CN': '管理岗位的管控措施须注明所对应的安全生产责任事项（第九条）',
      'en-US': 'A measure of a management post names the duty item of the post it serves (Art. 9)',
    });
  }
}

/**
 * Change management (seed 001 Art. 6 "当岗位风险发生变更时应及时重新辨识"): every accepted, live risk
 * of the post is flagged for re-identification with the reason, in the caller's transaction.
 */
export async function flagPostRisksForReview(trx: Executor, enterpriseId: string, postId: string, reason: string, at: Date): Promise<string[]> {
  const ids = await repo.flagRisks(trx, enterpriseId, { postId }, reason, at.toISOString());
  for (const id of ids) {
    await recordChange(trx, { userId: null, enterpriseId }, at, { entity: 'risk', entityId: id, action: 'flag_for_review', after: { reviewReason: reason } });
  }
  return ids;
}

/** One risk flagged for re-identification (issue 5: a hazard found on one of its measures). */
export async function flagRiskForReview(trx: Executor, enterpriseId: string, riskId: string, reason: string, at: Date): Promise<boolean> {
  const ids = await repo.flagRisks(trx, enterpriseId, { riskId }, reason, at.toISOString());
  for (const id of ids) {
    await recordChange(trx, { userId: null, enterpriseId }, at, { entity: 'risk', entityId: id, action: 'flag_for_review', after: { reviewReason: reason } });
  }
  return ids.length > 0;
}

const postChangeLabels = { kind: '岗位类型', headcount: '岗位人数', mainEquipment: '主要设备设施', mainActivities: '主要作业活动' } as const;

/**
 * The posts resource calls this after a post is written: a change of its kind, headcount,
 * equipment or activities flags its risks. `changedAt` is the post's new updated_at (the clock's
 * time of the write). A PATCH that names one of these fields counts as a change.
 */
export async function flagRisksOfChangedPost(trx: Executor, enterpriseId: string, postId: string, input: Record<string, unknown>, changedAt: Date): Promise<void> {
  const changed = (Object.keys(postChangeLabels) as (keyof typeof postChangeLabels)[]).filter((k) => input[k] !== undefined);
  if (!changed.length) return;
  await flagPostRisksForReview(trx, enterpriseId, postId, `岗位变更：${changed.map((k) => postChangeLabels[k]).join('、')}`, changedAt);
}

const objectChangeLabels = {
  equipment: { name: '名称', model: '型号', code: '编号', areaId: '所在区域', isSpecial: '特种设备', isMajorHazardInstallation: '重大危险源' },
  material: { name: '名称', dangerousClass: '危险类别', casNo: 'CAS 号', maxStock: '最大存量', areaId: '存放区域' },
} as const;

/**
 * Seed 001 Art. 6: a change of the equipment or material a risk names (its object) flags that risk
 * for re-identification, like a change of the post itself. Called by the org resources after a write.
 */
export async function flagRisksOfChangedObject(
  trx: Executor,
  enterpriseId: string,
  kind: keyof typeof objectChangeLabels,
  objectId: string,
  input: Record<string, unknown>,
  changedAt: Date,
  previousAreaId: string | null = null,
): Promise<void> {
  const labels = objectChangeLabels[kind] as Record<string, string>;
  const changed = Object.keys(labels).filter((k) => input[k] !== undefined);
  if (!changed.length) return;
  const what = kind === 'equipment' ? '设备设施变更' : '危险物品变更';
  if (kind === 'equipment' && (input.isMajorHazardInstallation !== undefined || input.areaId !== undefined)) {
    // 重大危险源 is a 第七条 fact of the risks naming the equipment and of those placed in its area.
    const areaIds = [input.areaId, ...(previousAreaId ? [previousAreaId] : [])].filter((a): a is string => typeof a === 'string');
    await reevaluateRisksOfPlaces(trx, enterpriseId, { objectIds: [objectId], areaIds }, `${what}：${changed.map((k) => labels[k]).join('、')}`, changedAt, {
      includePostsWorkingIn: false,
    });
    return;
  }
  const ids = await repo.flagRisks(trx, enterpriseId, { objectId }, `${what}：${changed.map((k) => labels[k]).join('、')}`, changedAt.toISOString());
  for (const id of ids) {
    await recordChange(trx, { userId: null, enterpriseId }, changedAt, { entity: 'risk', entityId: id, action: 'flag_for_review', after: { reason: what } });
  }
}

/**
 * Issue 8 item 5: a post's work areas. Its risks not yet placed inherit the first of them, and every
 * risk of the post is re-evaluated with the areas' 第七条 facts (a post whose work happens there);
 * a post that already had areas is a changed post (Art. 6), so its risks are flagged too.
 */
export async function placePostInAreas(trx: Executor, enterpriseId: string, postId: string, areaIds: string[], at: Date): Promise<void> {
  const before = (await areaIdsOfPosts(trx, enterpriseId, [postId])).get(postId) ?? [];
  await setAreasOfPost(trx, enterpriseId, postId, areaIds);
  const [first] = areaIds;
  if (first) await repo.placeUnplacedRisksOfPost(trx, enterpriseId, postId, first, at.toISOString());
  const isChange = before.length > 0 && [...before].sort().join() !== [...new Set(areaIds)].sort().join();
  const risks = await repo.listLiveRisksOfPlaces(trx, enterpriseId, { postIds: [postId], areaIds: [], objectIds: [] });
  await reevaluateRiskRows(trx, enterpriseId, risks, '岗位作业区域变更（第七条）', at, { flag: isChange });
}

/** The areas a new risk inherits when it names none. */
export async function firstAreaOfPost(db: Executor, enterpriseId: string, postId: string): Promise<string | null> {
  return (await areaIdsOfPosts(db, enterpriseId, [postId])).get(postId)?.[0] ?? null;
}

const areaChangeLabels = { name: '名称', description: '说明', orgUnitId: '所属部门', hazardKinds: '危险因素', maxPeopleAtOnce: '同一时间作业人数' } as const;

/**
 * Item 10 / seed 001 Art. 6 and 第七条: a changed area flags the risks placed there and on posts
 * working there; its hazard kinds and people at once are 第七条 facts, so those risks are re-evaluated.
 */
export async function reevaluateRisksOfChangedArea(trx: Executor, enterpriseId: string, areaId: string, areaName: string, input: Record<string, unknown>, changedAt: Date) {
  const changed = (Object.keys(areaChangeLabels) as (keyof typeof areaChangeLabels)[]).filter((k) => input[k] !== undefined);
  if (!changed.length) return;
  await reevaluateRisksOfPlaces(trx, enterpriseId, { areaIds: [areaId] }, `区域变更：${areaName} ${changed.map((k) => areaChangeLabels[k]).join('、')}`, changedAt);
}

/** Domain field names (L, E, C…) are reported under the body path they came from. */
export function evaluateAt(input: RiskInput['evaluation'], prefix = 'evaluation.') {
  try {
    return evaluateRisk(input);
  } catch (error) {
    if (error instanceof DomainError && error.field) {
      throw new DomainError(error.code, error.message, `${prefix}${error.field}`, error.params);
    }
    throw error;
  }
}

/** DATA-MODEL invariant 3: recomputed in the transaction that changed a risk or an evaluation. */
export async function recomputePostLevel(trx: Executor, enterpriseId: string, postId: string, at: Date): Promise<string | null> {
  const risks = await repo.listRiskLevelsOfPost(trx, enterpriseId, postId);
  const level = postLevel(
    risks.map((r) => ({ level: isRiskLevel(r.level) ? r.level : null, isAccepted: r.status === 'accepted' })),
  );
  await setPostLevel(trx, enterpriseId, postId, level, at);
  return level;
}

/**
 * Identifies a risk on a post with its inherent evaluation, its control measures and the inspection
 * item each measure becomes — all in the caller's transaction. Accepted at once unless proposed by
 * a worker (the safety manager then accepts or rejects it).
 */
/** The record an `objectId` names, by the risk's object kind; other kinds name no record. */
const objectTables: Partial<Record<RiskInput['objectKind'], 'equipment' | 'area' | 'material'>> = { equipment: 'equipment', place: 'area', material: 'material' };

/** An `objectId` is a live record of the risk's object kind in the caller's enterprise, or it is refused (like every other reference). */
export async function checkObjectReference(trx: Executor, enterpriseId: string, objectKind: RiskInput['objectKind'], objectId: string | null): Promise<void> {
  if (!objectId) return;
  const table = objectTables[objectKind];
  if (!table || !(await allActiveExist(trx, table, enterpriseId, [objectId]))) throw referenceMissing('objectId');
}

export async function createRiskInTransaction(
  deps: AppDeps,
  trx: Executor,
  actor: RiskActor,
  input: RiskInput,
  options: { status: 'accepted' | 'proposed'; templateRef?: string | null; note?: string },
): Promise<{ riskId: string; measureIds: string[]; itemIds: string[] }> {
  const post = await findPost(trx, actor.enterpriseId, input.postId);
  if (!post) throw referenceMissing('postId');
  if (post.archived_at) throw new AppError('ARCHIVED', { entity: 'post' });
  checkCodes(input);
  await checkObjectReference(trx, actor.enterpriseId, input.objectKind, input.objectId);
  input.measures.forEach((m, i) => checkMeasureFitsPost(post.kind, m, `measures.${i}.`));
  // Issue 8 item 5: a risk named in no area inherits its post's work area.
  const areaId = input.areaId ?? (await firstAreaOfPost(trx, actor.enterpriseId, input.postId));
  // Seed 001 第七条 is a floor under the method: the records' facts about the place and past accidents.
  const { result: evaluation, facts, firedRulesJson } = await evaluateForRisk(trx, actor.enterpriseId, { ...input, areaId }, input.evaluation);
  const now = deps.clock.now();
  const at = now.toISOString();
  const riskId = newId();
  const evaluationId = newId();
  await repo.insertRisk(trx, {
    id: riskId,
    enterprise_id: actor.enterpriseId,
    post_id: input.postId,
    object_kind: input.objectKind,
    object_name: input.objectName,
    object_id: input.objectId,
    area_id: areaId,
    is_non_routine: toDbBool(input.isNonRoutine),
    hazard_factor_codes: JSON.stringify(input.hazardFactorCodes),
    accident_type_codes: JSON.stringify(input.accidentTypeCodes),
    causes: input.causes,
    identification_method: input.identificationMethod,
    jha_steps: toDbJson(input.jhaSteps),
    identified_by_user_id: actor.userId,
    identified_at: at,
    status: options.status,
    rejection_reason: null,
    control_tier: input.controlTier ?? defaultControlTier(evaluation.level),
    responsible_person_id: input.responsiblePersonId,
    level: evaluation.level,
    residual_level: null,
    inherent_evaluation_id: evaluationId,
    residual_evaluation_id: null,
    review_reason: null,
    review_flagged_at: null,
    template_ref: options.templateRef ?? null,
    decided_by_user_id: options.status === 'accepted' ? actor.userId : null,
    decided_at: options.status === 'accepted' ? at : null,
    created_at: at,
    updated_at: at,
    archived_at: null,
  });
  await repo.insertEvaluation(trx, {
    id: evaluationId,
    enterprise_id: actor.enterpriseId,
    risk_id: riskId,
    stage: 'inherent',
    method: evaluation.method,
    inputs: JSON.stringify(input.evaluation),
    score: evaluation.score,
    level: evaluation.level,
    profile: evaluation.profile,
    reasons: JSON.stringify(evaluation.reasons),
    facts: JSON.stringify(facts),
    fired_rules: firedRulesJson,
    note: options.note ?? '',
    evaluated_by_user_id: actor.userId,
    evaluated_at: at,
  });
  const measureIds: string[] = [];
  const itemIds: string[] = [];
  for (const [position, m] of input.measures.entries()) {
    const measureId = newId();
    measureIds.push(measureId);
    await repo.insertMeasure(trx, {
      id: measureId,
      enterprise_id: actor.enterpriseId,
      risk_id: riskId,
      type: m.type,
      phase: m.phase,
      duty_item: m.dutyItem,
      text: m.text,
      position,
      created_at: at,
      updated_at: at,
      archived_at: null,
    });
    const itemId = newId();
    itemIds.push(itemId);
    await repo.insertInspectionItem(trx, {
      id: itemId,
      enterprise_id: actor.enterpriseId,
      post_id: input.postId,
      measure_id: measureId,
      content: m.inspection.content,
      method: m.inspection.method,
      period: m.inspection.period,
      responsible_person_id: m.inspection.responsiblePersonId,
      supervisor_post_id: m.inspection.supervisorPostId,
      // A proposal's items wait for acceptance: nobody inspects a risk the safety manager has not accepted.
      is_active: options.status === 'accepted' ? 1 : 0,
      template_ref: options.templateRef ?? null,
      responsible_is_holders: m.inspection.responsibleIsPostHolders ? 1 : 0,
      // A new item is a draft: tasks run it once the post's list is published (seed 001 第十三条).
      published_content: null,
      published_method: null,
      published_period: null,
      published_responsible_person_id: null,
      published_supervisor_post_id: null,
      published_at: null,
      created_at: at,
      updated_at: at,
      archived_at: null,
    });
  }
  await recomputePostLevel(trx, actor.enterpriseId, input.postId, now);
  await recordChange(trx, actor, now, {
    entity: 'risk',
    entityId: riskId,
    action: 'create',
    after: { ...input, status: options.status, level: evaluation.level, score: evaluation.score, profile: evaluation.profile },
  });
  return { riskId, measureIds, itemIds };
}
