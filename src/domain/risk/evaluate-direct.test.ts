import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import { evaluateDirect, type DirectInput } from './evaluate-direct';

const none: DirectInput = {
  deaths: 0,
  seriousInjuries: 0,
  majorPropertyLoss: false,
  legalViolation: false,
  minorInjuryAccidents: 0,
  majorHazardInstallation: false,
  hazardPlace: null,
  peopleAtOnce: 0,
};

const direct = (patch: Partial<DirectInput>) => evaluateDirect({ ...none, ...patch });
const ruleIds = (patch: Partial<DirectInput>) => direct(patch).firedRules.map((r) => r.rule);

describe('evaluateDirect (seed 001 第七条)', () => {
  describe('each rule on its own', () => {
    it.each([
      ['a past death', { deaths: 1 }, 'past-death'],
      ['a past serious injury', { seriousInjuries: 1 }, 'past-serious-injury'],
      ['a past major property loss', { majorPropertyLoss: true }, 'past-major-property-loss'],
      ['a legal violation', { legalViolation: true }, 'legal-violation'],
      ['three past minor-injury accidents', { minorInjuryAccidents: 3 }, 'minor-injuries-3-plus'],
      ['a major hazard installation', { majorHazardInstallation: true }, 'major-hazard-installation'],
      ['a poisoning place with 3 people at once', { hazardPlace: 'poisoning', peopleAtOnce: 3 }, 'hazard-place-3-plus'],
      ['an explosion place with 10 people at once', { hazardPlace: 'explosion', peopleAtOnce: 10 }, 'hazard-place-3-plus'],
    ] as const)('grades %s as major (red)', (_name, patch, rule) => {
      const result = direct(patch);
      expect(result).toMatchObject({ method: 'DIRECT', level: 'major', colour: 'red', score: null, profile: null });
      expect(result.firedRules.map((r) => r.rule)).toEqual([rule]);
      expect(result.firedRules[0]?.level).toBe('major');
    });

    it.each([
      ['one past minor-injury accident', { minorInjuryAccidents: 1 }, 'minor-injuries-1-2'],
      ['two past minor-injury accidents', { minorInjuryAccidents: 2 }, 'minor-injuries-1-2'],
      ['a fire place with 1 person at once', { hazardPlace: 'fire', peopleAtOnce: 1 }, 'hazard-place-1-2'],
      ['a fire place with 2 people at once', { hazardPlace: 'fire', peopleAtOnce: 2 }, 'hazard-place-1-2'],
    ] as const)('grades %s as significant (orange)', (_name, patch, rule) => {
      const result = direct(patch);
      expect(result).toMatchObject({ level: 'significant', colour: 'orange' });
      expect(result.firedRules.map((r) => r.rule)).toEqual([rule]);
    });
  });

  describe('thresholds', () => {
    it('moves from significant to major between 2 and 3 minor-injury accidents', () => {
      expect(direct({ minorInjuryAccidents: 2 }).level).toBe('significant');
      expect(direct({ minorInjuryAccidents: 3 }).level).toBe('major');
    });

    it('moves from significant to major between 2 and 3 people at once in a hazard place', () => {
      expect(direct({ hazardPlace: 'poisoning', peopleAtOnce: 2 }).level).toBe('significant');
      expect(direct({ hazardPlace: 'poisoning', peopleAtOnce: 3 }).level).toBe('major');
    });

    it('fires no hazard-place rule when nobody works there at once', () => {
      expect(() => direct({ hazardPlace: 'explosion', peopleAtOnce: 0 })).toThrow(
        expect.objectContaining({ code: 'NO_RULE_FIRED' }),
      );
    });

    it('fires no hazard-place rule for people in a place without poisoning, explosion or fire hazards', () => {
      expect(() => direct({ hazardPlace: null, peopleAtOnce: 8 })).toThrow(expect.objectContaining({ code: 'NO_RULE_FIRED' }));
    });
  });

  describe('combined rules', () => {
    it('takes the highest level and lists every fired rule', () => {
      const result = direct({ minorInjuryAccidents: 1, hazardPlace: 'fire', peopleAtOnce: 4, legalViolation: true });
      expect(result.level).toBe('major');
      expect(result.firedRules.map((r) => r.rule)).toEqual(['legal-violation', 'hazard-place-3-plus', 'minor-injuries-1-2']);
      expect(result.reasons).toHaveLength(3);
    });

    it('stays significant when only significant rules fire', () => {
      const result = direct({ minorInjuryAccidents: 2, hazardPlace: 'poisoning', peopleAtOnce: 1 });
      expect(result.level).toBe('significant');
      expect(ruleIds({ minorInjuryAccidents: 2, hazardPlace: 'poisoning', peopleAtOnce: 1 })).toEqual([
        'minor-injuries-1-2',
        'hazard-place-1-2',
      ]);
    });

    it('fires all seven major rules together', () => {
      const ids = ruleIds({
        deaths: 1,
        seriousInjuries: 2,
        majorPropertyLoss: true,
        legalViolation: true,
        minorInjuryAccidents: 5,
        majorHazardInstallation: true,
        hazardPlace: 'explosion',
        peopleAtOnce: 3,
      });
      expect(ids).toHaveLength(7);
    });
  });

  describe('only raises, never lowers (从严从高)', () => {
    it('raises a low LEC result to major when a major rule fires, keeping the LEC score and profile', () => {
      const result = direct({ majorHazardInstallation: true, base: { method: 'LEC', L: 1, E: 1, C: 1 } });
      expect(result).toMatchObject({ level: 'major', score: 1, profile: 'lec-common' });
      expect(result.reasons.some((r) => r['zh-CN'].includes('从严从高'))).toBe(true);
    });

    it('keeps a major LS result when only a significant rule fires', () => {
      const result = direct({ minorInjuryAccidents: 1, base: { method: 'LS', L: 5, S: 5 } });
      expect(result).toMatchObject({ level: 'major', score: 25, profile: 'ls-common' });
    });

    it('keeps a major LEC result when the judged level is low', () => {
      const result = direct({ judgedLevel: 'low', base: { method: 'LEC', L: 3, E: 3, C: 40 } });
      expect(result.level).toBe('major');
    });

    it('raises a base result to the judged level', () => {
      const result = direct({ judgedLevel: 'significant', base: { method: 'LS', L: 1, S: 2 } });
      expect(result).toMatchObject({ level: 'significant', score: 2 });
    });

    it('evaluates the base with the profile it names', () => {
      const result = direct({ base: { method: 'LEC', L: 10, E: 6, C: 3, profile: 'lec-variant-b' } });
      expect(result).toMatchObject({ level: 'major', score: 180, profile: 'lec-variant-b' });
    });

    it('returns the base level when no rule fires', () => {
      const result = direct({ base: { method: 'LS', L: 2, S: 4 } });
      expect(result).toMatchObject({ level: 'low', colour: 'blue', firedRules: [] });
    });

    it('returns the judged level when no rule fires and there is no base', () => {
      expect(direct({ judgedLevel: 'general' })).toMatchObject({ level: 'general', colour: 'yellow', score: null });
    });
  });

  it('throws NO_RULE_FIRED when no rule fires and neither a judged level nor a base is given', () => {
    try {
      direct({});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('NO_RULE_FIRED');
    }
  });

  it('gives each reason and fired rule in both languages', () => {
    const result = direct({ deaths: 1 });
    expect(result.firedRules[0]?.text).toEqual({ 'zh-CN': '发生过死亡事故', 'en-US': 'A fatal accident has happened here before' });
    expect(result.reasons[0]?.['zh-CN']).toContain('重大风险');
    expect(result.reasons[0]?.['en-US']).toContain('Major risk');
  });

  it.each([
    ['deaths', { deaths: -1 }],
    ['minorInjuryAccidents', { minorInjuryAccidents: 1.5 }],
    ['peopleAtOnce', { peopleAtOnce: Number.NaN }],
  ] as const)('rejects a negative or fractional %s', (field, patch) => {
    expect(() => direct(patch)).toThrow(expect.objectContaining({ code: 'INVALID_COUNT', field }));
  });

  it('passes base errors through: an out-of-table LEC value and an unknown profile', () => {
    expect(() => direct({ deaths: 1, base: { method: 'LEC', L: 4, E: 3, C: 7 } })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_TABLE', field: 'L' }),
    );
    expect(() => direct({ deaths: 1, base: { method: 'LS', L: 4, S: 3, profile: 'nope' } })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PROFILE' }),
    );
  });
});
