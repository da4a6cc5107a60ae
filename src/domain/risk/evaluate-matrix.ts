import { DomainError } from '../domain-error';
import type { LocalizedText } from '../../reference/localized-text';
import { isLsScaleValue } from '../../reference/ls-scales';
import { riskLevelLabels, type RiskProfileId } from '../../reference/risk-profiles';
import { bandScore, formatBand, getRiskProfile } from './band-score';
import type { RiskEvaluation } from './risk-evaluation';
import { levelColour } from './risk-level';

export type LsInput = { readonly L: number; readonly S: number };

export type LsEvaluation = RiskEvaluation & { readonly method: 'LS'; readonly score: number; readonly profile: RiskProfileId };

function assertOnScale(factor: 'L' | 'S', value: number): void {
  if (!isLsScaleValue(value)) {
    throw new DomainError('OUT_OF_TABLE', `${factor} must be an integer from 1 to 5; got ${value}`, factor, {
      value,
      allowed: '1, 2, 3, 4, 5',
    });
  }
}

// 风险矩阵法: R = L × S → level by the selected profile (reference/risk-profiles.ts).
export function evaluateLs(input: LsInput, profileId: string = 'ls-common'): LsEvaluation {
  const profile = getRiskProfile(profileId, 'LS');
  assertOnScale('L', input.L);
  assertOnScale('S', input.S);
  const score = input.L * input.S;
  const band = bandScore(profile, score);
  const levelLabel = riskLevelLabels[band.level];
  const bandText = formatBand(band, 'R');
  const reasons: LocalizedText[] = [
    {
      'zh-CN': `R = L × S = ${input.L} × ${input.S} = ${score}`,
      'en-US': `R = L × S = ${input.L} × ${input.S} = ${score}`,
    },
    {
      'zh-CN': `按“${profile.label['zh-CN']}”，${bandText}，判定为${levelLabel['zh-CN']}`,
      'en-US': `Under "${profile.label['en-US']}", ${bandText} gives ${levelLabel['en-US']}`,
    },
  ];
  return { method: 'LS', score, level: band.level, colour: levelColour(band.level), profile: profile.id, reasons };
}
