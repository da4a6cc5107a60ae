import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import { lecConsequence, lecExposure, lecLikelihood } from '../../reference/lec-tables';
import { findBandForScore, riskProfiles, type RiskProfileId } from '../../reference/risk-profiles';
import type { RiskLevel } from './risk-level';
import { evaluateLec, lecScore } from './evaluate-lec';

type Case = readonly [L: number, E: number, C: number, D: number, level: RiskLevel];

// Real L×E×C combinations at and either side of every threshold. 160 and 320 cannot be produced by
// the tables (nearest: 150 / 180 and 300 / 360), so those thresholds are checked on the band data.
const lecCases: Record<'lec-common' | 'lec-variant-a' | 'lec-variant-b', readonly Case[]> = {
  'lec-common': [
    [6, 3, 1, 18, 'low'],
    [10, 2, 1, 20, 'low'],
    [3, 1, 7, 21, 'low'],
    [3, 3, 7, 63, 'low'],
    [10, 1, 7, 70, 'general'],
    [10, 0.5, 15, 75, 'general'],
    [10, 1, 15, 150, 'general'],
    [10, 6, 3, 180, 'significant'],
    [10, 10, 3, 300, 'significant'],
    [3, 3, 40, 360, 'major'],
  ],
  'lec-variant-a': [
    [6, 3, 1, 18, 'low'],
    [10, 2, 1, 20, 'low'],
    [3, 3, 7, 63, 'low'],
    [10, 1, 7, 70, 'general'],
    [10, 1, 15, 150, 'general'],
    [10, 6, 3, 180, 'significant'],
    [10, 10, 3, 300, 'significant'],
    [3, 3, 40, 360, 'major'],
  ],
  'lec-variant-b': [
    [6, 3, 1, 18, 'low'],
    [10, 2, 1, 20, 'general'],
    [3, 3, 7, 63, 'general'],
    [10, 1, 7, 70, 'significant'],
    [10, 1, 15, 150, 'significant'],
    [10, 6, 3, 180, 'major'],
    [10, 10, 3, 300, 'major'],
    [3, 3, 40, 360, 'major'],
  ],
};

const thresholdCases: Record<'lec-common' | 'lec-variant-a' | 'lec-variant-b', readonly (readonly [number, RiskLevel])[]> = {
  'lec-common': [[19.99, 'low'], [20, 'low'], [69.99, 'low'], [70, 'general'], [159.99, 'general'], [160, 'significant'], [320, 'significant'], [320.01, 'major']],
  'lec-variant-a': [[19.99, 'low'], [20, 'low'], [69.99, 'low'], [70, 'general'], [159.99, 'general'], [160, 'significant'], [320, 'significant'], [320.01, 'major']],
  'lec-variant-b': [[19.99, 'low'], [20, 'general'], [69.99, 'general'], [70, 'significant'], [159.99, 'significant'], [160, 'major'], [320, 'major'], [320.01, 'major']],
};

describe('evaluateLec', () => {
  for (const [profileId, cases] of Object.entries(lecCases)) {
    describe(`with profile ${profileId}`, () => {
      it.each(cases)('grades L=%s E=%s C=%s (D=%s) as %s', (L, E, C, D, level) => {
        const result = evaluateLec({ L, E, C }, profileId);
        expect(result.score).toBe(D);
        expect(result.level).toBe(level);
        expect(result.profile).toBe(profileId);
        expect(result.method).toBe('LEC');
      });

      it.each(thresholdCases[profileId as RiskProfileId & keyof typeof thresholdCases])(
        'puts a D of %s in the %s band (threshold checked on the profile data)',
        (score, level) => {
          expect(findBandForScore(riskProfiles[profileId as RiskProfileId], score)?.level).toBe(level);
        },
      );
    });
  }

  it('uses lec-common when no profile is given', () => {
    expect(evaluateLec({ L: 10, E: 6, C: 3 }).profile).toBe('lec-common');
  });

  it('colours the level: major red, significant orange, general yellow, low blue', () => {
    expect(evaluateLec({ L: 3, E: 3, C: 40 }).colour).toBe('red');
    expect(evaluateLec({ L: 10, E: 6, C: 3 }).colour).toBe('orange');
    expect(evaluateLec({ L: 10, E: 1, C: 7 }).colour).toBe('yellow');
    expect(evaluateLec({ L: 10, E: 2, C: 1 }).colour).toBe('blue');
  });

  it('computes D without floating-point artefacts for 0.1, 0.2 and 0.5', () => {
    expect(lecScore({ L: 0.1, E: 3, C: 7 })).toBe(2.1);
    expect(lecScore({ L: 0.2, E: 0.5, C: 3 })).toBe(0.3);
    expect(lecScore({ L: 0.1, E: 0.5, C: 1 })).toBe(0.05);
    expect(lecScore({ L: 0.2, E: 6, C: 15 })).toBe(18);
    expect(evaluateLec({ L: 0.1, E: 6, C: 7 }).score).toBe(4.2);
  });

  it('grades every L×E×C combination of the tables in every LEC profile', () => {
    for (const id of ['lec-common', 'lec-variant-a', 'lec-variant-b']) {
      for (const l of lecLikelihood) for (const e of lecExposure) for (const c of lecConsequence) {
        expect(() => evaluateLec({ L: l.value, E: e.value, C: c.value }, id)).not.toThrow();
      }
    }
  });

  it('labels a D below 20 as 稍有危险 under variant A while still grading it low', () => {
    const result = evaluateLec({ L: 6, E: 3, C: 1 }, 'lec-variant-a');
    expect(result.level).toBe('low');
    expect(result.reasons[1]?.['zh-CN']).toContain('稍有危险');
  });

  it('explains the score and the band in both languages', () => {
    const result = evaluateLec({ L: 6, E: 3, C: 7 });
    expect(result.score).toBe(126);
    expect(result.level).toBe('general');
    expect(result.reasons[0]).toEqual({ 'zh-CN': 'D = L × E × C = 6 × 3 × 7 = 126', 'en-US': 'D = L × E × C = 6 × 3 × 7 = 126' });
    expect(result.reasons[1]?.['zh-CN']).toContain('一般风险');
    expect(result.reasons[1]?.['en-US']).toContain('General risk');
  });

  it.each([
    ['L', { L: 5, E: 3, C: 7 }],
    ['E', { L: 6, E: 4, C: 7 }],
    ['C', { L: 6, E: 3, C: 10 }],
    ['L', { L: Number.NaN, E: 3, C: 7 }],
  ] as const)('rejects a %s value that is not in the table', (field, input) => {
    try {
      evaluateLec(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('OUT_OF_TABLE');
      expect((error as DomainError).field).toBe(field);
    }
  });

  it('rejects an unknown profile, and an LS profile, as UNKNOWN_PROFILE on field profile', () => {
    for (const id of ['lec-shandong', 'ls-common']) {
      try {
        evaluateLec({ L: 6, E: 3, C: 7 }, id);
        expect.unreachable();
      } catch (error) {
        expect((error as DomainError).code).toBe('UNKNOWN_PROFILE');
        expect((error as DomainError).field).toBe('profile');
      }
    }
  });
});
