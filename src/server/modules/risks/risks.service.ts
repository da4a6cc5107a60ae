import type { AppDeps } from '../../app-deps.js';
import { toDbBool, toDbJson } from '../../db/codecs.js';
import type { Executor } from '../../db/with-transaction.js';
import { defaultControlTier } from '../../../domain/risk/control-tier.js';
import { evaluateRisk } from '../../../domain/risk/evaluate.js';
import { postLevel } from '../../../domain/risk/post-level.js';
import { isRiskLevel } from '../../../domain/risk/risk-level.js';
import { isAccidentTypeCode } from '../../../reference/accident-types.js';
import { findHazardFactor } from '../../../reference/hazard-factors.js';
import type { RiskInput } from '../../../schemas/risks.js';
import { AppError } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { findPost, setPostLevel } from '../org/posts.service.js';
import * as repo from './risks.repository.js';

export interface RiskActor {
  userId: string | null;
  enterpriseId: string;
}

/** Every code must exist in the reference sets (GB/T 13861, GB 6441). */
function checkCodes(input: Pick<RiskInput, 'hazardFactorCodes' | 'accidentTypeCodes'>): void {
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
  const evaluation = evaluateRisk(input.evaluation);
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
    area_id: input.areaId,
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
      is_active: 1,
      template_ref: options.templateRef ?? null,
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
