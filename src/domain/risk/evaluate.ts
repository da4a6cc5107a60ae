import { DomainError } from '../domain-error';
import { applyArt7Floor, mergeArt7Facts, noArt7Facts, type Art7Facts, type FlooredEvaluation } from './art7-floor';
import { evaluateDirect, type DirectEvaluation, type DirectInput } from './evaluate-direct';
import { evaluateLec, type LecEvaluation, type LecInput } from './evaluate-lec';
import { evaluateLs, type LsEvaluation, type LsInput } from './evaluate-matrix';

/** Facts the evaluators state beside a method (the records supply the rest). */
type StatedFacts = { readonly facts?: Partial<Art7Facts> };

export type RiskEvaluationInput =
  | ({ readonly method: 'LEC'; readonly profile?: string } & LecInput & StatedFacts)
  | ({ readonly method: 'LS'; readonly profile?: string } & LsInput & StatedFacts)
  | ({ readonly method: 'DIRECT' } & DirectInput);

export type AnyRiskEvaluation = LecEvaluation | LsEvaluation | DirectEvaluation;

function directFacts(input: DirectInput): Art7Facts {
  return {
    deaths: input.deaths,
    seriousInjuries: input.seriousInjuries,
    majorPropertyLoss: input.majorPropertyLoss,
    legalViolation: input.legalViolation,
    minorInjuryAccidents: input.minorInjuryAccidents,
    majorHazardInstallation: input.majorHazardInstallation,
    hazardKinds: input.hazardPlace ? [input.hazardPlace] : [],
    peopleAtOnce: input.peopleAtOnce,
  };
}

/**
 * One entry point for every evaluation method. Seed 001 第七条 is applied as a floor under every
 * method: `recordFacts` are what the records say about the risk's place, equipment and past
 * accidents; stated facts (LEC/LS `facts`, the DIRECT fields) add to them, the stricter winning.
 */
export function evaluateRisk(input: RiskEvaluationInput, recordFacts: Art7Facts = noArt7Facts): FlooredEvaluation<AnyRiskEvaluation> {
  switch (input.method) {
    case 'LEC':
      return applyArt7Floor(
        evaluateLec({ L: input.L, E: input.E, C: input.C }, input.profile ?? 'lec-common'),
        mergeArt7Facts(recordFacts, input.facts ?? {}),
      );
    case 'LS':
      return applyArt7Floor(evaluateLs({ L: input.L, S: input.S }, input.profile ?? 'ls-common'), mergeArt7Facts(recordFacts, input.facts ?? {}));
    case 'DIRECT': {
      const facts = mergeArt7Facts(recordFacts, directFacts(input));
      // The direct judgement sees the records' facts too, so a judgement of "no rule" cannot hide them.
      const direct = evaluateDirect({ ...input, ...facts, hazardPlace: facts.hazardKinds[0] ?? null });
      return applyArt7Floor(direct, facts);
    }
    default: {
      const method: unknown = (input as { method?: unknown }).method;
      throw new DomainError('UNKNOWN_METHOD', `Unknown evaluation method "${String(method)}"`, 'method', {
        method: String(method),
      });
    }
  }
}
