import { describe, expect, it } from 'vitest';
import { applyArt7Floor, firedArt7Rules, mergeArt7Facts, noArt7Facts, type Art7Facts } from './art7-floor';
import { evaluateRisk, type RiskEvaluationInput } from './evaluate';
import { evaluateLec } from './evaluate-lec';

const facts = (patch: Partial<Art7Facts>): Art7Facts => ({ ...noArt7Facts, ...patch });
const levelFor = (patch: Partial<Art7Facts>) => {
  const fired = firedArt7Rules(facts(patch));
  return fired.length ? fired.map((r) => r.level).sort()[0] : null; // 'major' < 'significant' alphabetically
};

// LEC 1×1×1 = 1 → 低 (lec-common); LEC 6×6×15 = 540 → 重大; LS 3×3 = 9 → 一般.
const low: RiskEvaluationInput = { method: 'LEC', L: 1, E: 1, C: 1 };
const methods: [string, RiskEvaluationInput, string][] = [
  ['LEC 低', low, 'low'],
  ['LS 一般', { method: 'LS', L: 3, S: 3 }, 'general'],
  [
    'judged 低',
    {
      method: 'DIRECT',
      deaths: 0,
      seriousInjuries: 0,
      majorPropertyLoss: false,
      legalViolation: false,
      minorInjuryAccidents: 0,
      majorHazardInstallation: false,
      hazardPlace: null,
      peopleAtOnce: 0,
      judgedLevel: 'low',
    },
    'low',
  ],
];

describe('seed 001 第七条 as a floor', () => {
  describe('people working at the same time in a poisoning / explosion / fire place', () => {
    it.each([
      [0, null],
      [1, 'significant'],
      [2, 'significant'],
      [3, 'major'],
      [40, 'major'],
    ] as const)('%i people → %s', (people, level) => {
      expect(levelFor({ hazardKinds: ['fire'], peopleAtOnce: people })).toBe(level);
    });

    it('fires nothing for people in a place without those hazards', () => {
      expect(levelFor({ hazardKinds: [], peopleAtOnce: 10 })).toBeNull();
    });

    it.each(['poisoning', 'explosion', 'fire'] as const)('each kind counts alone (%s)', (kind) => {
      expect(levelFor({ hazardKinds: [kind], peopleAtOnce: 3 })).toBe('major');
    });
  });

  describe('past minor-injury accidents', () => {
    it.each([
      [0, null],
      [1, 'significant'],
      [2, 'significant'],
      [3, 'major'],
      [7, 'major'],
    ] as const)('%i accidents → %s', (n, level) => {
      expect(levelFor({ minorInjuryAccidents: n })).toBe(level);
    });
  });

  it.each([
    ['a death', { deaths: 1 }, 'past-death'],
    ['a serious injury', { seriousInjuries: 1 }, 'past-serious-injury'],
    ['a major property loss', { majorPropertyLoss: true }, 'past-major-property-loss'],
    ['a legal violation', { legalViolation: true }, 'legal-violation'],
    ['a major hazard installation', { majorHazardInstallation: true }, 'major-hazard-installation'],
  ] as const)('%s alone forces 重大', (_name, patch, rule) => {
    const fired = firedArt7Rules(facts(patch));
    expect(fired.map((r) => r.rule)).toEqual([rule]);
    expect(fired[0]).toMatchObject({ level: 'major', clause: expect.stringMatching(/^第七条（一）/) });
  });

  it('no facts fire nothing and leave the method alone', () => {
    const base = evaluateLec({ L: 1, E: 1, C: 1 }, 'lec-common');
    const floored = applyArt7Floor(base, noArt7Facts);
    expect(floored).toMatchObject({ level: 'low', colour: 'blue', firedRules: [], isRaisedByArt7: false, methodLevel: 'low' });
    expect(floored.reasons).toEqual(base.reasons);
  });

  it('all facts together fire every rule in the order of the article, and the level is 重大', () => {
    const all = facts({
      deaths: 1,
      seriousInjuries: 1,
      majorPropertyLoss: true,
      legalViolation: true,
      minorInjuryAccidents: 2,
      majorHazardInstallation: true,
      hazardKinds: ['poisoning', 'fire'],
      peopleAtOnce: 2,
    });
    expect(firedArt7Rules(all).map((r) => r.rule)).toEqual([
      'past-death',
      'past-serious-injury',
      'past-major-property-loss',
      'legal-violation',
      'major-hazard-installation',
      'minor-injuries-1-2',
      'hazard-place-1-2',
    ]);
    expect(evaluateRisk(low, all).level).toBe('major');
  });

  it('refuses negative or fractional counts, naming the field', () => {
    expect(() => firedArt7Rules(facts({ peopleAtOnce: -1 }))).toThrow(expect.objectContaining({ code: 'INVALID_COUNT', field: 'peopleAtOnce' }));
    expect(() => firedArt7Rules(facts({ minorInjuryAccidents: 1.5 }))).toThrow(expect.objectContaining({ field: 'minorInjuryAccidents' }));
  });

  describe.each(methods)('under %s', (_name, input, methodLevel) => {
    it('keeps the method level when no rule fires', () => {
      expect(evaluateRisk(input, noArt7Facts)).toMatchObject({ level: methodLevel, isRaisedByArt7: false });
    });

    it('is raised to 较大 by 2 people in a fire place, naming the rule', () => {
      const r = evaluateRisk(input, facts({ hazardKinds: ['fire'], peopleAtOnce: 2 }));
      expect(r).toMatchObject({ level: 'significant', colour: 'orange' });
      expect(r.firedRules.map((f) => f.rule)).toEqual(['hazard-place-1-2']);
      expect(r.reasons.some((t) => t['zh-CN'].includes('同一作业时间作业人员在1人及以上不足3人'))).toBe(true);
      if (input.method !== 'DIRECT') {
        // A method's own level is raised by the floor with the rule named; a direct judgement already includes the facts.
        expect(r).toMatchObject({ isRaisedByArt7: true, methodLevel });
        expect(r.reasons.at(-1)?.['zh-CN']).toMatch(/^按从严从高原则.*提高为较大风险.*同一作业时间作业人员在1人及以上不足3人/);
        expect(r.reasons.at(-1)?.['en-US']).toMatch(/raised to Significant risk/);
      }
    });

    it('is raised to 重大 by 3 minor-injury accidents', () => {
      expect(evaluateRisk(input, facts({ minorInjuryAccidents: 3 })).level).toBe('major');
    });
  });

  it('never lowers a higher method level: LEC 重大 stays 重大 with a 较大 fact, the rule still listed', () => {
    const r = evaluateRisk({ method: 'LEC', L: 6, E: 6, C: 15 }, facts({ minorInjuryAccidents: 1 }));
    expect(r).toMatchObject({ level: 'major', methodLevel: 'major', isRaisedByArt7: false });
    expect(r.firedRules.map((f) => f.rule)).toEqual(['minor-injuries-1-2']);
    expect(r.reasons.some((t) => t['zh-CN'].startsWith('按从严从高原则'))).toBe(false);
  });

  it('stated facts add to the records, the stricter of each winning', () => {
    const r = evaluateRisk({ method: 'LS', L: 1, S: 1, facts: { minorInjuryAccidents: 3 } }, facts({ minorInjuryAccidents: 1 }));
    expect(r.level).toBe('major');
    expect(mergeArt7Facts(facts({ hazardKinds: ['fire'], peopleAtOnce: 1 }), { hazardKinds: ['poisoning'], peopleAtOnce: 0 })).toMatchObject({
      hazardKinds: ['poisoning', 'fire'],
      peopleAtOnce: 1,
    });
  });

  it('a direct judgement without facts of its own still sees the records (no "no rule" error)', () => {
    const r = evaluateRisk(
      { method: 'DIRECT', deaths: 0, seriousInjuries: 0, majorPropertyLoss: false, legalViolation: false, minorInjuryAccidents: 0, majorHazardInstallation: false, hazardPlace: null, peopleAtOnce: 0 },
      facts({ majorHazardInstallation: true }),
    );
    expect(r).toMatchObject({ method: 'DIRECT', level: 'major' });
    // The rule's sentence appears once, not once from the judgement and again from the floor.
    expect(r.reasons.filter((t) => t['zh-CN'].startsWith('涉及重大危险源'))).toHaveLength(1);
  });
});
