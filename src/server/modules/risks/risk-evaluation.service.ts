/* Re-evaluation: insert-only history (DATA-MODEL invariant 6); the risk points at its current ones. */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import { defaultControlTier } from '../../../domain/risk/control-tier.js';
import { isRiskLevel } from '../../../domain/risk/risk-level.js';
import type { Locale } from '../../../i18n/locale.js';
import type { EvaluationCreateInput } from '../../../schemas/risks.js';
import type { RiskTable } from '../../db/database.js';
import { AppError } from '../../platform/http/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { getRiskDetail, getRiskRow, toEvaluationHistory } from './risk-read.service.js';
import * as repo from './risks.repository.js';
import { evaluateAt, recomputePostLevel } from './risks.service.js';
import { evaluateForRisk } from './risk-facts.service.js';

export async function addEvaluation(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  riskId: string,
  input: EvaluationCreateInput,
  locale: Locale,
) {
  await withTransaction(deps.db, async (trx) => {
    const row = await getRiskRow(trx, actor.enterpriseId, riskId);
    if (row.archived_at) throw new AppError('ARCHIVED', { entity: 'risk' });
    if (row.status === 'rejected') throw new AppError('RISK_STATUS_CONFLICT', { status: row.status });
    // Seed 001 第七条 floors the inherent grading; the residual risk after measures is the method's alone.
    const place = { postId: row.post_id, areaId: row.area_id, objectKind: row.object_kind, objectId: row.object_id };
    const evaluated =
      input.stage === 'inherent'
        ? await evaluateForRisk(trx, actor.enterpriseId, place, input.evaluation)
        : { result: evaluateAt(input.evaluation, 'evaluation.'), facts: null, firedRulesJson: null };
    const result = evaluated.result;
    const now = deps.clock.now();
    const at = now.toISOString();
    const id = newId();
    await repo.insertEvaluation(trx, {
      id,
      enterprise_id: actor.enterpriseId,
      risk_id: riskId,
      stage: input.stage,
      method: result.method,
      inputs: JSON.stringify(input.evaluation),
      score: result.score,
      level: result.level,
      profile: result.profile,
      reasons: JSON.stringify(result.reasons),
      facts: evaluated.facts ? JSON.stringify(evaluated.facts) : null,
      fired_rules: evaluated.firedRulesJson,
      note: input.note,
      evaluated_by_user_id: actor.userId,
      evaluated_at: at,
    });
    const patch: Partial<RiskTable> =
      input.stage === 'inherent'
        ? { level: result.level, inherent_evaluation_id: id }
        : { residual_level: result.level, residual_evaluation_id: id };
    // The tier follows the level while it is still the level's default (an explicit choice is kept).
    if (input.stage === 'inherent' && isRiskLevel(row.level) && row.control_tier === defaultControlTier(row.level)) {
      patch.control_tier = defaultControlTier(result.level);
    }
    // A re-evaluation answers a review flag as a re-identification does.
    await repo.updateRiskColumns(trx, actor.enterpriseId, riskId, { ...patch, review_reason: null, review_flagged_at: null, updated_at: at });
    await recomputePostLevel(trx, actor.enterpriseId, row.post_id, now);
    await recordChange(trx, actor, now, {
      entity: 'risk',
      entityId: riskId,
      action: `evaluate_${input.stage}`,
      before: { level: input.stage === 'inherent' ? row.level : row.residual_level },
      after: { level: result.level, score: result.score, profile: result.profile, method: result.method, note: input.note },
    });
  });
  return getRiskDetail(deps.db, actor.enterpriseId, riskId, locale);
}

export async function listEvaluations(deps: AppDeps, enterpriseId: string, riskId: string, locale: Locale) {
  await getRiskRow(deps.db, enterpriseId, riskId);
  const history = toEvaluationHistory(await repo.listEvaluationsOfRisk(deps.db, enterpriseId, riskId), locale);
  return { items: history.reverse() };
}
