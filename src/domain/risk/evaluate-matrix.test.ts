import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import type { RiskLevel } from './risk-level';
import { evaluateLs } from './evaluate-matrix';

type Case = readonly [L: number, S: number, R: number, level: RiskLevel];

// Every threshold of every LS profile, with the products either side that a 5×5 matrix can give.
const lsCases: Record<string, readonly Case[]> = {
  'ls-common': [
    [1, 1, 1, 'low'],
    [2, 4, 8, 'low'],
    [3, 3, 9, 'general'],
    [3, 4, 12, 'general'],
    [3, 5, 15, 'significant'],
    [4, 4, 16, 'significant'],
    [4, 5, 20, 'major'],
    [5, 5, 25, 'major'],
  ],
  'ls-variant-a': [
    [1, 1, 1, 'low'],
    [1, 5, 5, 'low'],
    [2, 3, 6, 'general'],
    [4, 3, 12, 'general'],
    [5, 3, 15, 'significant'],
    [4, 4, 16, 'significant'],
    [5, 4, 20, 'major'],
    [5, 5, 25, 'major'],
  ],
  'ls-variant-b': [
    [1, 1, 1, 'low'],
    [1, 3, 3, 'low'],
    [2, 2, 4, 'general'],
    [4, 2, 8, 'general'],
    [3, 3, 9, 'significant'],
    [4, 4, 16, 'significant'],
    [4, 5, 20, 'major'],
    [5, 5, 25, 'major'],
  ],
};

describe('evaluateLs', () => {
  for (const [profileId, cases] of Object.entries(lsCases)) {
    describe(`with profile ${profileId}`, () => {
      it.each(cases)('grades L=%s S=%s (R=%s) as %s', (L, S, R, level) => {
        const result = evaluateLs({ L, S }, profileId);
        expect(result).toMatchObject({ method: 'LS', score: R, level, profile: profileId });
      });

      it('grades every cell of the 5×5 matrix', () => {
        for (let L = 1; L <= 5; L += 1) for (let S = 1; S <= 5; S += 1) {
          expect(() => evaluateLs({ L, S }, profileId)).not.toThrow();
        }
      });
    });
  }

  it('uses ls-common when no profile is given and reports the colour', () => {
    expect(evaluateLs({ L: 5, S: 4 })).toMatchObject({ profile: 'ls-common', level: 'major', colour: 'red' });
    expect(evaluateLs({ L: 2, S: 4 })).toMatchObject({ level: 'low', colour: 'blue' });
  });

  it('explains the result in both languages', () => {
    const [product, band] = evaluateLs({ L: 3, S: 4 }).reasons;
    expect(product).toEqual({ 'zh-CN': 'R = L × S = 3 × 4 = 12', 'en-US': 'R = L × S = 3 × 4 = 12' });
    expect(band?.['zh-CN']).toContain('一般风险');
    expect(band?.['en-US']).toContain('General risk');
  });

  it.each([
    ['L', { L: 0, S: 3 }],
    ['L', { L: 6, S: 3 }],
    ['S', { L: 3, S: 2.5 }],
    ['S', { L: 3, S: -1 }],
  ] as const)('rejects %s off the 1–5 scale as OUT_OF_TABLE', (field, input) => {
    try {
      evaluateLs(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('OUT_OF_TABLE');
      expect((error as DomainError).field).toBe(field);
    }
  });

  it('rejects an unknown profile, and an LEC profile, as UNKNOWN_PROFILE', () => {
    for (const id of ['ls-shandong', 'lec-common']) {
      expect(() => evaluateLs({ L: 3, S: 3 }, id)).toThrow(expect.objectContaining({ code: 'UNKNOWN_PROFILE', field: 'profile' }));
    }
  });
});
