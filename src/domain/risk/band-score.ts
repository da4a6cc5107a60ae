import { DomainError } from '../domain-error';
import { findBandForScore, findRiskProfile, type RiskProfile, type ScoredMethod, type ScoreBand } from '../../reference/risk-profiles';

/** The profile for an evaluation; throws UNKNOWN_PROFILE if the id is not one of `method`'s profiles. */
export function getRiskProfile(profileId: string, method: ScoredMethod): RiskProfile {
  const profile = findRiskProfile(profileId);
  if (profile === null || profile.method !== method) {
    throw new DomainError('UNKNOWN_PROFILE', `Unknown ${method} risk profile "${profileId}"`, 'profile', {
      profile: profileId,
      method,
    });
  }
  return profile;
}

/** The band a score falls in; a gap in the profile's data is a programming error, reported as OUT_OF_TABLE. */
export function bandScore(profile: RiskProfile, score: number): ScoreBand {
  const band = findBandForScore(profile, score);
  if (band === null) {
    throw new DomainError('OUT_OF_TABLE', `Score ${score} is outside every band of profile ${profile.id}`, 'score', {
      score,
      profile: profile.id,
    });
  }
  return band;
}

export function formatBand(band: ScoreBand, symbol: string): string {
  const lower = band.min === null ? '' : `${band.min} ${band.minInclusive ? '≤' : '<'} `;
  const upper = band.max === null ? '' : ` ${band.maxInclusive ? '≤' : '<'} ${band.max}`;
  return `${lower}${symbol}${upper}`;
}
