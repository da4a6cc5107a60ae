/* Seed 001 第七条 facts from the records: the risk's area and its post's work areas (hazard kinds,
 * people at once), major hazard installations, and the accident register. Every evaluation is
 * floored by them; a change of those records re-evaluates the risks it touches in the same
 * transaction (new evaluation entries naming the reason) and flags them for review. */
import type { RiskTable } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';
import { directRules } from '../../../domain/risk/evaluate-direct.js';
import { mergeArt7Facts, noArt7Facts, type Art7Facts, type FiredArt7Rule } from '../../../domain/risk/art7-floor.js';
import { defaultControlTier } from '../../../domain/risk/control-tier.js';
import { DomainError } from '../../../domain/domain-error.js';
import { evaluateRisk, type RiskEvaluationInput } from '../../../domain/risk/evaluate.js';
import { isRiskLevel } from '../../../domain/risk/risk-level.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { art7AccidentFacts } from '../accidents/accidents.service.js';
import { areaIdsOfPosts, listAreaFacts, listMajorHazardInstallations, postIdsWorkingIn } from '../org/places.service.js';
import * as repo from './risks.repository.js';
import { recomputePostLevel } from './risks.service.js';

export interface RiskPlace {
  postId: string;
  areaId: string | null;
  objectKind: string;
  objectId: string | null;
}

/** What the records say about a risk's place, equipment and past accidents. */
export async function recordFactsFor(db: Executor, enterpriseId: string, place: RiskPlace): Promise<Art7Facts> {
  const postAreas = (await areaIdsOfPosts(db, enterpriseId, [place.postId])).get(place.postId) ?? [];
  // A risk placed in the area, or on a post whose work happens there (issue 9 §1).
  const areaIds = [...new Set([...(place.areaId ? [place.areaId] : []), ...postAreas])];
  const areas = await listAreaFacts(db, enterpriseId, areaIds);
  const hazardous = areas.filter((a) => a.hazardKinds.length > 0);
  const equipmentIds = place.objectKind === 'equipment' && place.objectId ? [place.objectId] : [];
  const installations = await listMajorHazardInstallations(db, enterpriseId, { ids: equipmentIds, areaIds: place.areaId ? [place.areaId] : [] });
  const accidents = await art7AccidentFacts(db, enterpriseId, { postIds: [place.postId], areaIds: place.areaId ? [place.areaId] : [], equipmentIds });
  return mergeArt7Facts(noArt7Facts, {
    ...accidents,
    majorHazardInstallation: installations.length > 0,
    hazardKinds: hazardous.flatMap((a) => a.hazardKinds),
    peopleAtOnce: Math.max(0, ...hazardous.map((a) => a.maxPeopleAtOnce)),
  });
}

/** Domain field names (L, E, C…) are reported under the body path they came from. */
function evaluateAt(input: RiskEvaluationInput, facts: Art7Facts, prefix: string) {
  try {
    return evaluateRisk(input, facts);
  } catch (error) {
    if (error instanceof DomainError && error.field) throw new DomainError(error.code, error.message, `${prefix}${error.field}`, error.params);
    throw error;
  }
}

/** Evaluates with the records' 第七条 facts under the method; `facts` and `firedRules` are stored with the evaluation. */
export async function evaluateForRisk(db: Executor, enterpriseId: string, place: RiskPlace, input: RiskEvaluationInput, prefix = 'evaluation.') {
  const facts = await recordFactsFor(db, enterpriseId, place);
  const result = evaluateAt(input, facts, prefix);
  return { result, facts, firedRulesJson: JSON.stringify(result.firedRules.map(toStoredRule)) };
}

const toStoredRule = (r: FiredArt7Rule) => ({ rule: r.rule, level: r.level, clause: r.clause });

/**
 * Re-evaluates the live, accepted or proposed risks touched by a change of 第七条 facts — risks of
 * the posts, risks placed in the areas or on posts working there, risks naming the equipment — in
 * the caller's transaction. A risk whose level or fired rules change gets a new inherent evaluation
 * entry with the reason as its note; every accepted one is flagged for review. Returns the ids touched.
 */
export async function reevaluateRisksOfPlaces(
  trx: Executor,
  enterpriseId: string,
  places: { postIds?: string[]; areaIds?: string[]; objectIds?: string[] },
  reason: string,
  now: Date,
  options: { includePostsWorkingIn?: boolean } = {},
): Promise<string[]> {
  const areaIds = places.areaIds ?? [];
  const working = options.includePostsWorkingIn === false ? [] : await postIdsWorkingIn(trx, enterpriseId, areaIds);
  const postIds = [...new Set([...(places.postIds ?? []), ...working])];
  const risks = await repo.listLiveRisksOfPlaces(trx, enterpriseId, { postIds, areaIds, objectIds: places.objectIds ?? [] });
  await reevaluateRiskRows(trx, enterpriseId, risks, reason, now, { flag: true });
  return risks.map((r) => r.id);
}

/**
 * Re-evaluates the given risks with the records' current 第七条 facts; a new inherent evaluation entry
 * (note = reason) only where the level or the fired rules change. `flag` marks accepted ones for review.
 */
export async function reevaluateRiskRows(trx: Executor, enterpriseId: string, risks: RiskTable[], reason: string, now: Date, options: { flag: boolean }): Promise<void> {
  const at = now.toISOString();
  const posts = new Set<string>();
  for (const risk of risks) {
    const current = risk.inherent_evaluation_id ? await repo.findEvaluation(trx, enterpriseId, risk.inherent_evaluation_id) : undefined;
    if (!current) continue;
    const input = JSON.parse(current.inputs) as RiskEvaluationInput;
    const { result, facts, firedRulesJson } = await evaluateForRisk(trx, enterpriseId, { postId: risk.post_id, areaId: risk.area_id, objectKind: risk.object_kind, objectId: risk.object_id }, input);
    const storedRules = (JSON.parse(current.fired_rules ?? '[]') as { rule: string }[]).map((r) => r.rule).join();
    const isChanged = result.level !== current.level || storedRules !== result.firedRules.map((r) => r.rule).join();
    if (!isChanged) continue;
    const id = newId();
    await repo.insertEvaluation(trx, {
      id,
      enterprise_id: enterpriseId,
      risk_id: risk.id,
      stage: 'inherent',
      method: result.method,
      inputs: current.inputs,
      score: result.score,
      level: result.level,
      profile: result.profile,
      reasons: JSON.stringify(result.reasons),
      facts: JSON.stringify(facts),
      fired_rules: firedRulesJson,
      note: reason,
      evaluated_by_user_id: null,
      evaluated_at: at,
    });
    const isDefaultTier = isRiskLevel(risk.level) && risk.control_tier === defaultControlTier(risk.level);
    await repo.updateRiskColumns(trx, enterpriseId, risk.id, {
      level: result.level,
      inherent_evaluation_id: id,
      ...(isDefaultTier && { control_tier: defaultControlTier(result.level) }),
      updated_at: at,
    });
    await recordChange(trx, { userId: null, enterpriseId }, now, {
      entity: 'risk',
      entityId: risk.id,
      action: 'evaluate_inherent',
      before: { level: risk.level },
      after: { level: result.level, firedRules: result.firedRules.map((r) => r.clause), note: reason },
    });
    posts.add(risk.post_id);
  }
  if (options.flag && risks.length) {
    const flagged = await repo.flagRisksByIds(trx, enterpriseId, risks.map((r) => r.id), reason, at);
    for (const id of flagged) {
      await recordChange(trx, { userId: null, enterpriseId }, now, { entity: 'risk', entityId: id, action: 'flag_for_review', after: { reviewReason: reason } });
    }
  }
  // DATA-MODEL invariant 3, in the same transaction.
  for (const postId of posts) await recomputePostLevel(trx, enterpriseId, postId, now);
}

export interface LevelBasis {
  /** Clauses of the 第七条 rules that set the level, e.g. ["第七条（二）2"]. */
  clauses: string[];
  /** "第七条（二）2：…" in the request's language, joined by "；". */
  text: string;
}

/**
 * Why each risk has its level, when a 第七条 rule set it (issue 9 §1: the card, both 附件 lists and
 * the risk page show the rule that fired). Risks whose level is the method's alone are absent.
 */
export async function levelBasisOfRisks(db: Executor, enterpriseId: string, riskIds: string[], locale: 'zh-CN' | 'en-US'): Promise<Map<string, LevelBasis>> {
  const out = new Map<string, LevelBasis>();
  for (let i = 0; i < riskIds.length; i += 500) {
    const rows = await repo.listCurrentFiredRules(db, enterpriseId, riskIds.slice(i, i + 500));
    for (const r of rows) {
      if (!r.fired_rules || !r.level) continue;
      const decisive = (JSON.parse(r.fired_rules) as { rule: string; level: string; clause: string }[]).filter((f) => f.level === r.level);
      if (!decisive.length) continue;
      out.set(r.risk_id, {
        clauses: [...new Set(decisive.map((f) => f.clause))],
        text: decisive.map((f) => `${locale === 'zh-CN' ? f.clause : f.clause.replace('第七条', 'Art. 7 ')}：${directRules.find((d) => d.id === f.rule)?.text[locale] ?? f.rule}`).join('；'),
      });
    }
  }
  return out;
}
