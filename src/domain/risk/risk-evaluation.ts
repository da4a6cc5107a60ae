import type { LocalizedText } from '../../reference/localized-text';
import type { RiskColour, RiskProfileId } from '../../reference/risk-profiles';
import type { RiskLevel } from './risk-level';

export type RiskMethod = 'LEC' | 'LS' | 'DIRECT';

/** What every evaluator returns; the profile is recorded so a stored result can be explained later. */
export type RiskEvaluation = {
  readonly method: RiskMethod;
  readonly score: number | null;
  readonly level: RiskLevel;
  readonly colour: RiskColour;
  readonly profile: RiskProfileId | null;
  /** Plain-language reasons in both UI languages. */
  readonly reasons: readonly LocalizedText[];
};
