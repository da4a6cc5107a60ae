import { DomainError } from '../domain-error';
import { evaluateDirect, type DirectEvaluation, type DirectInput } from './evaluate-direct';
import { evaluateLec, type LecEvaluation, type LecInput } from './evaluate-lec';
import { evaluateLs, type LsEvaluation, type LsInput } from './evaluate-matrix';

export type RiskEvaluationInput =
  | ({ readonly method: 'LEC'; readonly profile?: string } & LecInput)
  | ({ readonly method: 'LS'; readonly profile?: string } & LsInput)
  | ({ readonly method: 'DIRECT' } & DirectInput);

export type AnyRiskEvaluation = LecEvaluation | LsEvaluation | DirectEvaluation;

/** One entry point for every evaluation method. */
export function evaluateRisk(input: RiskEvaluationInput): AnyRiskEvaluation {
  switch (input.method) {
    case 'LEC':
      return evaluateLec({ L: input.L, E: input.E, C: input.C }, input.profile ?? 'lec-common');
    case 'LS':
      return evaluateLs({ L: input.L, S: input.S }, input.profile ?? 'ls-common');
    case 'DIRECT':
      return evaluateDirect(input);
    default: {
      const method: unknown = (input as { method?: unknown }).method;
      throw new DomainError('UNKNOWN_METHOD', `Unknown evaluation method "${String(method)}"`, 'method', {
        method: String(method),
      });
    }
  }
}
