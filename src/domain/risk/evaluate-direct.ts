import { DomainError } from '../domain-error';
import type { LocalizedText } from '../../reference/localized-text';
import { riskLevelLabels, type RiskProfileId } from '../../reference/risk-profiles';
import { evaluateLec, type LecInput } from './evaluate-lec';
import { evaluateLs, type LsInput } from './evaluate-matrix';
import type { RiskEvaluation } from './risk-evaluation';
import { highestLevel, isRiskLevel, levelColour, type RiskLevel } from './risk-level';

export type HazardPlace = 'poisoning' | 'explosion' | 'fire';

export type DirectBase =
  | ({ readonly method: 'LEC'; readonly profile?: string } & LecInput)
  | ({ readonly method: 'LS'; readonly profile?: string } & LsInput);

export type DirectInput = {
  /** Past accidents with deaths (count of accidents). */
  readonly deaths: number;
  readonly seriousInjuries: number;
  readonly majorPropertyLoss: boolean;
  readonly legalViolation: boolean;
  readonly minorInjuryAccidents: number;
  readonly majorHazardInstallation: boolean;
  readonly hazardPlace: HazardPlace | null;
  /** People working in the place at the same time (同一作业时间作业人员). */
  readonly peopleAtOnce: number;
  readonly base?: DirectBase;
  /** A level the evaluators judged directly (第七条（一）4 / （二）3 "经评价或直接判定法确定"). */
  readonly judgedLevel?: RiskLevel;
};

export type DirectRuleId =
  | 'past-death'
  | 'past-serious-injury'
  | 'past-major-property-loss'
  | 'legal-violation'
  | 'minor-injuries-3-plus'
  | 'major-hazard-installation'
  | 'hazard-place-3-plus'
  | 'minor-injuries-1-2'
  | 'hazard-place-1-2';

export type DirectRule = {
  readonly id: DirectRuleId;
  readonly level: RiskLevel;
  readonly clause: string;
  readonly text: LocalizedText;
};

export type FiredRule = { readonly rule: DirectRuleId; readonly level: RiskLevel; readonly text: LocalizedText };

export type DirectEvaluation = RiskEvaluation & {
  readonly method: 'DIRECT';
  readonly profile: RiskProfileId | null;
  readonly firedRules: readonly FiredRule[];
};

// 鲁应急 seed 001 第七条: the rules of direct judgement, in the order the article lists them.
export const directRules: readonly DirectRule[] = [
  {
    id: 'past-death',
    level: 'major',
    clause: '第七条（一）1',
    text: { 'zh-CN': '发生过死亡事故', 'en-US': 'A fatal accident has happened here before' },
  },
  {
    id: 'past-serious-injury',
    level: 'major',
    clause: '第七条（一）1',
    text: { 'zh-CN': '发生过重伤事故', 'en-US': 'An accident with serious injury has happened here before' },
  },
  {
    id: 'past-major-property-loss',
    level: 'major',
    clause: '第七条（一）1',
    text: { 'zh-CN': '发生过重大财产损失事故', 'en-US': 'An accident with major property loss has happened here before' },
  },
  {
    id: 'legal-violation',
    level: 'major',
    clause: '第七条（一）1',
    text: { 'zh-CN': '违反法律、法规', 'en-US': 'It violates laws or regulations' },
  },
  {
    id: 'minor-injuries-3-plus',
    level: 'major',
    clause: '第七条（一）1',
    text: { 'zh-CN': '发生过3次及以上轻伤事故', 'en-US': 'Three or more accidents with minor injuries have happened here' },
  },
  {
    id: 'major-hazard-installation',
    level: 'major',
    clause: '第七条（一）2',
    text: { 'zh-CN': '涉及重大危险源', 'en-US': 'It involves a major hazard installation' },
  },
  {
    id: 'hazard-place-3-plus',
    level: 'major',
    clause: '第七条（一）3',
    text: {
      'zh-CN': '具有中毒、爆炸、火灾等危险因素的场所，且同一作业时间作业人员在3人及以上',
      'en-US': 'A place with poisoning, explosion or fire hazards where 3 or more people work at the same time',
    },
  },
  {
    id: 'minor-injuries-1-2',
    level: 'significant',
    clause: '第七条（二）1',
    text: { 'zh-CN': '发生过1次及以上不足3次的轻伤事故', 'en-US': 'One or two accidents with minor injuries have happened here' },
  },
  {
    id: 'hazard-place-1-2',
    level: 'significant',
    clause: '第七条（二）2',
    text: {
      'zh-CN': '具有中毒、爆炸、火灾等危险因素的场所，且同一作业时间作业人员在1人及以上不足3人',
      'en-US': 'A place with poisoning, explosion or fire hazards where 1 or 2 people work at the same time',
    },
  },
];

function assertCount(field: keyof DirectInput, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new DomainError('INVALID_COUNT', `${field} must be a whole number of 0 or more; got ${value}`, field, {
      value,
    });
  }
}

function firesRule(id: DirectRuleId, input: DirectInput): boolean {
  const inHazardPlace = input.hazardPlace !== null;
  switch (id) {
    case 'past-death':
      return input.deaths >= 1;
    case 'past-serious-injury':
      return input.seriousInjuries >= 1;
    case 'past-major-property-loss':
      return input.majorPropertyLoss;
    case 'legal-violation':
      return input.legalViolation;
    case 'minor-injuries-3-plus':
      return input.minorInjuryAccidents >= 3;
    case 'major-hazard-installation':
      return input.majorHazardInstallation;
    case 'hazard-place-3-plus':
      return inHazardPlace && input.peopleAtOnce >= 3;
    case 'minor-injuries-1-2':
      return input.minorInjuryAccidents >= 1 && input.minorInjuryAccidents < 3;
    case 'hazard-place-1-2':
      return inHazardPlace && input.peopleAtOnce >= 1 && input.peopleAtOnce < 3;
  }
}

/**
 * 直接判定法 (seed 001 第七条). The result is the highest of the fired rules, the judged level and
 * the evaluated base: a direct judgement only raises a computed level, never lowers it (从严从高).
 */
export function evaluateDirect(input: DirectInput): DirectEvaluation {
  assertCount('deaths', input.deaths);
  assertCount('seriousInjuries', input.seriousInjuries);
  assertCount('minorInjuryAccidents', input.minorInjuryAccidents);
  assertCount('peopleAtOnce', input.peopleAtOnce);
  if (input.judgedLevel !== undefined && !isRiskLevel(input.judgedLevel)) {
    throw new DomainError('INVALID_LEVEL', `Unknown risk level "${String(input.judgedLevel)}"`, 'judgedLevel');
  }

  const base = input.base === undefined ? null : evaluateBase(input.base);
  const firedRules: FiredRule[] = directRules
    .filter((rule) => firesRule(rule.id, input))
    .map((rule) => ({ rule: rule.id, level: rule.level, text: rule.text }));

  const candidates: RiskLevel[] = firedRules.map((r) => r.level);
  if (input.judgedLevel !== undefined) candidates.push(input.judgedLevel);
  if (base !== null) candidates.push(base.level);
  const level = highestLevel(candidates);
  if (level === null) {
    throw new DomainError(
      'NO_RULE_FIRED',
      'No direct-judgement rule applies; give a judged level or an LEC/LS evaluation',
      'directJudgement',
    );
  }

  const levelLabel = riskLevelLabels[level];
  const reasons: LocalizedText[] = firedRules.map((r) => ({
    'zh-CN': `${r.text['zh-CN']}，直接判定为${riskLevelLabels[r.level]['zh-CN']}`,
    'en-US': `${r.text['en-US']}, so it is directly judged ${riskLevelLabels[r.level]['en-US']}`,
  }));
  if (input.judgedLevel !== undefined) {
    reasons.push({
      'zh-CN': `评价人员直接判定为${riskLevelLabels[input.judgedLevel]['zh-CN']}`,
      'en-US': `The assessors judged it ${riskLevelLabels[input.judgedLevel]['en-US']}`,
    });
  }
  if (base !== null) {
    reasons.push(...base.reasons);
    if (level !== base.level) {
      reasons.push({
        'zh-CN': `按从严从高原则，由${base.method}评价的${riskLevelLabels[base.level]['zh-CN']}提高为${levelLabel['zh-CN']}`,
        'en-US': `Taking the stricter result, the ${base.method} level ${riskLevelLabels[base.level]['en-US']} is raised to ${levelLabel['en-US']}`,
      });
    }
  }

  return {
    method: 'DIRECT',
    score: base?.score ?? null,
    level,
    colour: levelColour(level),
    profile: base?.profile ?? null,
    reasons,
    firedRules,
  };
}

function evaluateBase(base: DirectBase): RiskEvaluation & { readonly score: number; readonly profile: RiskProfileId } {
  return base.method === 'LEC'
    ? evaluateLec({ L: base.L, E: base.E, C: base.C }, base.profile ?? 'lec-common')
    : evaluateLs({ L: base.L, S: base.S }, base.profile ?? 'ls-common');
}
