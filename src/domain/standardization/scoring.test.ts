import { describe, expect, it } from 'vitest';
import { findGradeProfile, type GradeProfile } from '../../reference/standardization/grade-profiles';
import { starterSheet } from '../../reference/standardization/gbt33000-starter-sheet';
import { deductionFromRules, scoreSheet, type ScoringItem } from './scoring';

const seed004 = findGradeProfile('seed004-1000') as GradeProfile;
const hundred = findGradeProfile('aqjg2011-100') as GradeProfile;
const one = (points: number, extra: Partial<ScoringItem> = {}): ScoringItem[] => [{ code: 'A', elementCode: 'E1', points, isVeto: false, canBeNotApplicable: false, ...extra }];

describe('scoreSheet on the seed 004 profile (1,000 points, 900/800/600)', () => {
  it.each([
    [100, 900, 'grade1'],
    [100.1, 899.9, 'grade2'],
    [200, 800, 'grade2'],
    [200.1, 799.9, 'grade3'],
    [400, 600, 'grade3'],
    [400.1, 599.9, null],
    [0, 1000, 'grade1'],
  ] as const)('a deduction of %s gives %s and %s (boundaries inclusive)', (deduction, score, grade) => {
    const r = scoreSheet(one(1000), [{ code: 'A', deduction }], seed004);
    expect(r.score1000).toBe(score);
    expect(r.grade).toBe(grade);
  });

  it('rounds half up to one decimal before grading: 899.95 is 900.0 (grade 1), 899.94 is 899.9 (grade 2)', () => {
    expect(scoreSheet(one(1000), [{ code: 'A', deduction: 100.05 }], seed004)).toMatchObject({ score1000: 900, grade: 'grade1', earned: 899.95 });
    expect(scoreSheet(one(1000), [{ code: 'A', deduction: 100.06 }], seed004)).toMatchObject({ score1000: 899.9, grade: 'grade2' });
  });

  it('shows the 100 scale with one decimal more', () => {
    expect(scoreSheet(one(1000), [{ code: 'A', deduction: 123.4 }], seed004)).toMatchObject({ score1000: 876.6, score100: 87.66 });
  });
});

describe('scoreSheet on the 100-point profile (90/75/60)', () => {
  it.each([
    [10, 90, 'grade1'],
    [10.1, 89.9, 'grade2'],
    [25, 75, 'grade2'],
    [25.1, 74.9, 'grade3'],
    [40, 60, 'grade3'],
    [40.1, 59.9, null],
  ] as const)('a deduction of %s on a 100-point sheet gives %s and %s', (deduction, score, grade) => {
    const r = scoreSheet(one(100), [{ code: 'A', deduction }], hundred);
    expect(r.score100).toBe(score);
    expect(r.grade).toBe(grade);
  });

  it('converts a 1,000-point sheet to the 100 scale (得分/1000×100) and grades on it', () => {
    expect(scoreSheet(one(1000), [{ code: 'A', deduction: 101 }], hundred)).toMatchObject({ score100: 89.9, score1000: 899, grade: 'grade2' });
    expect(scoreSheet(one(1000), [{ code: 'A', deduction: 100 }], hundred)).toMatchObject({ score100: 90, grade: 'grade1' });
  });
});

describe('not-applicable items', () => {
  const items: ScoringItem[] = [
    { code: 'A', elementCode: 'E1', points: 600, isVeto: false, canBeNotApplicable: true },
    { code: 'B', elementCode: 'E2', points: 400, isVeto: false, canBeNotApplicable: false },
  ];
  it('leave both earned and applicable, and the score is rescaled to 1,000', () => {
    const r = scoreSheet(items, [{ code: 'A', isNotApplicable: true }, { code: 'B', deduction: 40 }], seed004);
    expect(r).toMatchObject({ totalPoints: 1000, applicable: 400, earned: 360, score1000: 900, grade: 'grade1' });
    expect(r.elements).toEqual([
      { code: 'E1', points: 600, applicable: 0, deduction: 0, earned: 0 },
      { code: 'E2', points: 400, applicable: 400, deduction: 40, earned: 360 },
    ]);
  });
  it('are refused where the item may not be not-applicable, naming the decision', () => {
    expect(() => scoreSheet(items, [{ code: 'B', isNotApplicable: true }], seed004)).toThrow(expect.objectContaining({ code: 'NOT_APPLICABLE_REFUSED', field: 'decisions.0.isNotApplicable' }));
  });
  it('give no score and no grade when nothing is applicable', () => {
    const r = scoreSheet([items[0] as ScoringItem], [{ code: 'A', isNotApplicable: true }], seed004);
    expect(r).toMatchObject({ applicable: 0, score1000: null, score100: null, grade: null });
  });
});

describe('deductions', () => {
  it('never take an item below 0', () => {
    const items: ScoringItem[] = [
      { code: 'A', elementCode: 'E1', points: 10, isVeto: false, canBeNotApplicable: false },
      { code: 'B', elementCode: 'E1', points: 990, isVeto: false, canBeNotApplicable: false },
    ];
    const r = scoreSheet(items, [{ code: 'A', deduction: 25 }], seed004);
    expect(r).toMatchObject({ deduction: 10, earned: 990, score1000: 990 });
  });
  it('from rules: Σ rule points × times, capped at the item ("缺一项扣 2 分")', () => {
    expect(deductionFromRules(40, [{ points: 2, times: 3 }])).toBe(6);
    expect(deductionFromRules(40, [{ points: 2, times: 19 }, { points: 5, times: 1 }])).toBe(40);
    expect(deductionFromRules(40, [{ points: 2, times: 20 }])).toBe(40);
    expect(deductionFromRules(10, [{ points: 0.5, times: 3 }, { points: 2, times: 0 }])).toBe(1.5);
  });
  it('refuse a negative deduction, an unknown item and a second decision on one item', () => {
    expect(() => scoreSheet(one(10), [{ code: 'A', deduction: -1 }], seed004)).toThrow(expect.objectContaining({ code: 'BAD_DEDUCTION', field: 'decisions.0.deduction' }));
    expect(() => scoreSheet(one(10), [{ code: 'Z' }], seed004)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ITEM' }));
    expect(() => scoreSheet(one(10), [{ code: 'A' }, { code: 'A' }], seed004)).toThrow(expect.objectContaining({ code: 'DUPLICATE_ITEM', field: 'decisions.1.code' }));
  });
});

describe('veto items', () => {
  const items: ScoringItem[] = [...one(1000), { code: 'V', elementCode: 'E1', points: 0, isVeto: true, canBeNotApplicable: false }];
  it('a fired veto gives no grade whatever the score', () => {
    const r = scoreSheet(items, [{ code: 'V', isVetoFired: true }], seed004);
    expect(r).toMatchObject({ score1000: 1000, grade: null, vetoes: ['V'] });
  });
  it('an unfired veto changes nothing', () => {
    expect(scoreSheet(items, [{ code: 'V', isVetoFired: false }], seed004)).toMatchObject({ grade: 'grade1', vetoes: [] });
  });
  it('only a veto item can fire', () => {
    expect(() => scoreSheet(items, [{ code: 'A', isVetoFired: true }], seed004)).toThrow(expect.objectContaining({ code: 'NOT_A_VETO' }));
  });
});

describe('the GB/T 33000-2016 starter sheet', () => {
  it('has the eight first-level elements, 1,000 points, unique item numbers, and all three parts of seed 004', () => {
    expect(starterSheet.elements.map((e) => e.name)).toEqual(['目标职责', '制度化管理', '教育培训', '现场管理', '安全风险管控及隐患排查治理', '应急管理', '事故管理', '持续改进']);
    expect(starterSheet.items.reduce((s, i) => s + i.points, 0)).toBe(1000);
    expect(starterSheet.totalPoints).toBe(1000);
    expect(new Set(starterSheet.items.map((i) => i.code)).size).toBe(starterSheet.items.length);
    expect(new Set(starterSheet.items.map((i) => i.part))).toEqual(new Set(['basic_management', 'equipment_facilities', 'environment_health']));
    expect(starterSheet.items.every((i) => starterSheet.elements.some((e) => e.code === i.elementCode))).toBe(true);
    // Second-level content is not confirmed and says so.
    expect(starterSheet.items.every((i) => !i.isConfirmed)).toBe(true);
  });
  it('scores a clean sheet at 1,000, grade 1', () => {
    expect(scoreSheet(starterSheet.items, [], seed004)).toMatchObject({ score1000: 1000, grade: 'grade1' });
  });
});
