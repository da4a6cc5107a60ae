import { DomainError } from '../domain-error';
import { riskLevelLabels } from '../../reference/risk-profiles';
import type { LocalizedText } from '../../reference/localized-text';
import { directRules, type DirectRuleId, type FiredRule, type HazardPlace } from './evaluate-direct';
import type { RiskEvaluation } from './risk-evaluation';
import { compareLevels, highestLevel, levelColour } from './risk-level';

/**
 * The facts seed 001 第七条 grades on, gathered from the records (areas, equipment, the accident
 * register) and, where the records are silent, from what the evaluators state.
 */
export type Art7Facts = {
  /** Past accidents with a death (count of accidents). */
  readonly deaths: number;
  readonly seriousInjuries: number;
  readonly majorPropertyLoss: boolean;
  readonly legalViolation: boolean;
  /** Past accidents with minor injuries only (count of accidents, not of people). */
  readonly minorInjuryAccidents: number;
  readonly majorHazardInstallation: boolean;
  /** 中毒、爆炸、火灾等危险因素 of the place (several allowed). */
  readonly hazardKinds: readonly HazardPlace[];
  /** 同一作业时间作业人员 in that place. */
  readonly peopleAtOnce: number;
};

export const noArt7Facts: Art7Facts = {
  deaths: 0,
  seriousInjuries: 0,
  majorPropertyLoss: false,
  legalViolation: false,
  minorInjuryAccidents: 0,
  majorHazardInstallation: false,
  hazardKinds: [],
  peopleAtOnce: 0,
};

const hazardKindOrder: readonly HazardPlace[] = ['poisoning', 'explosion', 'fire'];

/** 从严从高: two sources of facts combine to the stricter of each (larger count, any yes, all kinds). */
export function mergeArt7Facts(a: Art7Facts, b: Partial<Art7Facts>): Art7Facts {
  const kinds = new Set([...a.hazardKinds, ...(b.hazardKinds ?? [])]);
  return {
    deaths: Math.max(a.deaths, b.deaths ?? 0),
    seriousInjuries: Math.max(a.seriousInjuries, b.seriousInjuries ?? 0),
    majorPropertyLoss: a.majorPropertyLoss || Boolean(b.majorPropertyLoss),
    legalViolation: a.legalViolation || Boolean(b.legalViolation),
    minorInjuryAccidents: Math.max(a.minorInjuryAccidents, b.minorInjuryAccidents ?? 0),
    majorHazardInstallation: a.majorHazardInstallation || Boolean(b.majorHazardInstallation),
    hazardKinds: hazardKindOrder.filter((k) => kinds.has(k)),
    peopleAtOnce: Math.max(a.peopleAtOnce, b.peopleAtOnce ?? 0),
  };
}

function assertCount(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new DomainError('INVALID_COUNT', `${field} must be a whole number of 0 or more; got ${value}`, field, { value });
  }
}

function fires(id: DirectRuleId, f: Art7Facts): boolean {
  const isHazardPlace = f.hazardKinds.length > 0;
  switch (id) {
    case 'past-death':
      return f.deaths >= 1;
    case 'past-serious-injury':
      return f.seriousInjuries >= 1;
    case 'past-major-property-loss':
      return f.majorPropertyLoss;
    case 'legal-violation':
      return f.legalViolation;
    case 'minor-injuries-3-plus':
      return f.minorInjuryAccidents >= 3;
    case 'major-hazard-installation':
      return f.majorHazardInstallation;
    case 'hazard-place-3-plus':
      return isHazardPlace && f.peopleAtOnce >= 3;
    // "1次及以上不足3次" / "1人及以上不足3人": 1 and 2 (seed 001 Art. 2 note: 以上 includes, 不足 excludes).
    case 'minor-injuries-1-2':
      return f.minorInjuryAccidents >= 1 && f.minorInjuryAccidents < 3;
    case 'hazard-place-1-2':
      return isHazardPlace && f.peopleAtOnce >= 1 && f.peopleAtOnce < 3;
  }
}

export type FiredArt7Rule = FiredRule & { readonly clause: string };

/** The rules of seed 001 第七条 that the facts fire, in the order the article lists them. */
export function firedArt7Rules(facts: Art7Facts): FiredArt7Rule[] {
  assertCount('deaths', facts.deaths);
  assertCount('seriousInjuries', facts.seriousInjuries);
  assertCount('minorInjuryAccidents', facts.minorInjuryAccidents);
  assertCount('peopleAtOnce', facts.peopleAtOnce);
  return directRules
    .filter((rule) => fires(rule.id, facts))
    .map((rule) => ({ rule: rule.id, level: rule.level, clause: rule.clause, text: rule.text }));
}

export type FlooredEvaluation<E extends RiskEvaluation = RiskEvaluation> = E & {
  /** Every 第七条 rule the facts fire (also those below the method's level). */
  readonly firedRules: readonly FiredArt7Rule[];
  /** The level the method gave before the floor. */
  readonly methodLevel: E['level'];
  readonly isRaisedByArt7: boolean;
};

/**
 * Seed 001 第七条 is a floor under every evaluation, whatever the method (LEC, LS, judged): the level is
 * the higher of the method's level and the level the facts force ("应当确定为"), never lower (从严从高).
 */
export function applyArt7Floor<E extends RiskEvaluation>(evaluation: E, facts: Art7Facts): FlooredEvaluation<E> {
  const fired = firedArt7Rules(facts);
  const forced = highestLevel(fired.map((r) => r.level));
  const level = forced === null ? evaluation.level : highestLevel([evaluation.level, forced])!;
  const isRaised = compareLevels(level, evaluation.level) > 0;
  const known = new Set(evaluation.reasons.map((r) => r['zh-CN']));
  const reasons: LocalizedText[] = [...evaluation.reasons];
  for (const r of fired) {
    const reason = ruleReason(r);
    if (!known.has(reason['zh-CN'])) reasons.push(reason);
  }
  if (isRaised) {
    const decisive = fired.filter((r) => r.level === level);
    reasons.push({
      'zh-CN': `按从严从高原则，由${methodName(evaluation.method, 'zh-CN')}的${riskLevelLabels[evaluation.level]['zh-CN']}提高为${riskLevelLabels[level]['zh-CN']}（${decisive.map((r) => `第七条：${r.text['zh-CN']}`).join('；')}）`,
      'en-US': `Taking the stricter result, the ${methodName(evaluation.method, 'en-US')} level ${riskLevelLabels[evaluation.level]['en-US']} is raised to ${riskLevelLabels[level]['en-US']} (Art. 7: ${decisive.map((r) => r.text['en-US']).join('; ')})`,
    });
  }
  return { ...evaluation, level, colour: levelColour(level), reasons, firedRules: fired, methodLevel: evaluation.level, isRaisedByArt7: isRaised };
}

/** The same sentence evaluateDirect gives, so a direct judgement's own rules are not repeated. */
function ruleReason(r: FiredRule): LocalizedText {
  return {
    'zh-CN': `${r.text['zh-CN']}，直接判定为${riskLevelLabels[r.level]['zh-CN']}`,
    'en-US': `${r.text['en-US']}, so it is directly judged ${riskLevelLabels[r.level]['en-US']}`,
  };
}

function methodName(method: RiskEvaluation['method'], locale: 'zh-CN' | 'en-US'): string {
  if (method === 'DIRECT') return locale === 'zh-CN' ? '直接判定' : 'direct judgement';
  return locale === 'zh-CN' ? `${method}评价` : method;
}

/** One line for lists and cards: the level's rule in brief, e.g. "第七条（二）2". */
export function firedRuleClauses(fired: readonly { readonly clause: string; readonly level: string }[], level: string): string[] {
  return [...new Set(fired.filter((r) => r.level === level).map((r) => r.clause))];
}
