import { DomainError } from '../domain-error';
import type { LocalizedText } from '../../reference/localized-text';
import { isLecTableValue, lecTables, type LecFactor } from '../../reference/lec-tables';
import { riskLevelLabels, type RiskProfileId } from '../../reference/risk-profiles';
import { bandScore, formatBand, getRiskProfile } from './band-score';
import type { RiskEvaluation } from './risk-evaluation';
import { levelColour } from './risk-level';

export type LecInput = { readonly L: number; readonly E: number; readonly C: number };

export type LecEvaluation = RiskEvaluation & { readonly method: 'LEC'; readonly score: number; readonly profile: RiskProfileId };

/**
 * D = L × E × C. L and E have one decimal at most, so D is computed in tenths to avoid float
 * artefacts (0.1 × 3 × 7 must be 2.1, not 2.1000000000000005).
 */
export function lecScore(input: LecInput): number {
  return (Math.round(input.L * 10) * Math.round(input.E * 10) * input.C) / 100;
}

function assertInTable(factor: LecFactor, value: number): void {
  if (!isLecTableValue(factor, value)) {
    const allowed = lecTables[factor].map((e) => e.value).join(', ');
    throw new DomainError('OUT_OF_TABLE', `${factor} must be one of ${allowed}; got ${value}`, factor, {
      value,
      allowed,
    });
  }
}

// 作业条件危险性评价法: D → level by the selected profile (reference/risk-profiles.ts).
export function evaluateLec(input: LecInput, profileId: string = 'lec-common'): LecEvaluation {
  const profile = getRiskProfile(profileId, 'LEC');
  assertInTable('L', input.L);
  assertInTable('E', input.E);
  assertInTable('C', input.C);
  const score = lecScore(input);
  const band = bandScore(profile, score);
  const levelLabel = riskLevelLabels[band.level];
  const bandText = formatBand(band, 'D');
  const reasons: LocalizedText[] = [
    {
      'zh-CN': `D = L × E × C = ${input.L} × ${input.E} × ${input.C} = ${score}`,
      'en-US': `D = L × E × C = ${input.L} × ${input.E} × ${input.C} = ${score}`,
    },
    {
      'zh-CN': `按“${profile.label['zh-CN']}”，${bandText}，判定为${levelLabel['zh-CN']}${band.label ? `（${band.label['zh-CN']}）` : ''}`,
      'en-US': `Under "${profile.label['en-US']}", ${bandText} gives ${levelLabel['en-US']}${band.label ? ` (${band.label['en-US']})` : ''}`,
    },
  ];
  return { method: 'LEC', score, level: band.level, colour: levelColour(band.level), profile: profile.id, reasons };
}
