import { describe, expect, it } from 'vitest';
import { accidentTypes, gbCodeForHenanAccidentType, henanAccidentTypes, isAccidentTypeCode, normalizeAccidentTypeCode, findAccidentType } from './accident-types';
import { controlTiers, defaultControlTierProfile } from './control-tiers';
import { findHazardFactor, hazardFactors, listHazardFactorChildren } from './hazard-factors';
import { hazardousWorkTypes, findHazardousWorkType } from './hazardous-work-types';
import { isLecTableValue, lecConsequence, lecExposure, lecLikelihood } from './lec-tables';
import { lsPossibleProducts } from './ls-scales';
import { measureTypes, workPhases } from './measure-types';
import { findBandForScore, levelColours, riskProfileIds, riskProfiles } from './risk-profiles';
import { specialOperationCategories, specialOperationCertificateRules } from './special-operations';
import { trainingHoursRules } from './training-hours';

describe('accident types (GB 6441-1986)', () => {
  it('lists 20 types coded 01–20 in order', () => {
    expect(accidentTypes.map((t) => t.code)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(findAccidentType('17')?.label['zh-CN']).toBe('容器爆炸');
  });

  it('normalises printed three-digit codes and guards the union', () => {
    expect(normalizeAccidentTypeCode('010')).toBe('10');
    expect(normalizeAccidentTypeCode('020')).toBe('20');
    expect(normalizeAccidentTypeCode('9')).toBe('09');
    expect(normalizeAccidentTypeCode('21')).toBeNull();
    expect(normalizeAccidentTypeCode('abc')).toBeNull();
    expect(isAccidentTypeCode('05')).toBe(true);
    expect(isAccidentTypeCode('5')).toBe(false);
    expect(accidentTypes[9]?.printedCode).toBe('010');
  });

  it('keeps the Henan form list apart: 17 压力容器爆炸 maps to GB 17, 20 山洪地质灾害 maps to none', () => {
    expect(henanAccidentTypes).toHaveLength(20);
    expect(henanAccidentTypes[16]).toMatchObject({ seq: 17, gbCode: '17', match: 'narrower' });
    expect(henanAccidentTypes[16]?.label['zh-CN']).toBe('压力容器爆炸');
    expect(henanAccidentTypes[19]).toMatchObject({ seq: 20, gbCode: null, match: 'none' });
    expect(henanAccidentTypes[19]?.label['zh-CN']).toBe('山洪地质灾害');
    expect(gbCodeForHenanAccidentType(19)).toBe('19');
    expect(henanAccidentTypes.filter((t) => t.match === 'same')).toHaveLength(18);
  });
});

describe('hazard factors (GB/T 13861-2009)', () => {
  it('has the four top classes, confirmed', () => {
    expect(listHazardFactorChildren(null).map((f) => [f.code, f.status])).toEqual([
      ['1', 'confirmed'], ['2', 'confirmed'], ['3', 'confirmed'], ['4', 'confirmed'],
    ]);
  });

  it('links every factor to an existing parent one level up', () => {
    for (const f of hazardFactors) {
      if (f.parentCode === null) continue;
      expect(findHazardFactor(f.parentCode)?.level).toBe(f.level - 1);
    }
  });

  it('marks codes deduced from sequence as inferred', () => {
    expect(findHazardFactor('22')?.status).toBe('inferred');
    expect(findHazardFactor('49')?.status).toBe('inferred');
    expect(findHazardFactor('110403')?.status).toBe('inferred');
    expect(findHazardFactor('120202')).toMatchObject({ status: 'confirmed', level: 4 });
    expect(findHazardFactor('2103')).toBeNull();
  });
});

describe('LEC and LS tables', () => {
  it('holds the classic L, E and C values', () => {
    expect(lecLikelihood.map((e) => e.value)).toEqual([10, 6, 3, 1, 0.5, 0.2, 0.1]);
    expect(lecExposure.map((e) => e.value)).toEqual([10, 6, 3, 2, 1, 0.5]);
    expect(lecConsequence.map((e) => e.value)).toEqual([100, 40, 15, 7, 3, 1]);
    expect(isLecTableValue('E', 2)).toBe(true);
    expect(isLecTableValue('L', 2)).toBe(false);
  });

  it('lists the 14 products a 5×5 matrix can give', () => {
    expect(lsPossibleProducts).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
  });
});

describe('risk profiles', () => {
  const lecScores = [...new Set(lecLikelihood.flatMap((l) => lecExposure.flatMap((e) => lecConsequence.map(
    (c) => (Math.round(l.value * 10) * Math.round(e.value * 10) * c.value) / 100,
  ))))];

  it.each(riskProfileIds)('%s puts every score its method can produce in exactly one band', (id) => {
    const profile = riskProfiles[id];
    const scores = profile.method === 'LEC' ? lecScores : lsPossibleProducts;
    for (const score of scores) {
      const matching = profile.bands.filter((b) => findBandForScore({ ...profile, bands: [b] }, score) !== null);
      expect(matching, `score ${score}`).toHaveLength(1);
    }
  });

  it.each(riskProfileIds)('%s lists its bands from the highest level down and names its source', (id) => {
    const levels = riskProfiles[id].bands.map((b) => b.level);
    expect([...new Set(levels)]).toEqual(['major', 'significant', 'general', 'low']);
    expect(riskProfiles[id].sourceNote.length).toBeGreaterThan(10);
  });

  it('has exactly one default per method and colours levels red, orange, yellow, blue', () => {
    expect(riskProfileIds.filter((id) => riskProfiles[id].isDefault)).toEqual(['lec-common', 'ls-common']);
    expect(levelColours).toEqual({ major: 'red', significant: 'orange', general: 'yellow', low: 'blue' });
  });
});

describe('control tiers, measures, hazardous work, special operations, training', () => {
  it('orders tiers company → post with the default level mapping', () => {
    expect(controlTiers).toEqual(['company', 'department', 'team', 'post']);
    expect(defaultControlTierProfile.mapping).toEqual({ major: 'company', significant: 'department', general: 'team', low: 'post' });
  });

  it('orders measure types as seed 001 第八条 and phases before/during/after', () => {
    expect(measureTypes.map((m) => m.code)).toEqual(['eliminate', 'substitute', 'engineering', 'administrative', 'ppe', 'emergency']);
    // Seed 001 第八条 names the six types exactly so (issue 9 §5).
    expect(measureTypes.map((m) => m.label['zh-CN'])).toEqual(['消除', '替代', '控制', '管理', '个体防护', '应急处置']);
    expect(workPhases.map((p) => p.code)).toEqual(['before', 'during', 'after']);
  });

  it('holds the eight GB 30871-2022 hazardous work types with confirmed validity only', () => {
    expect(hazardousWorkTypes).toHaveLength(8);
    const hot = findHazardousWorkType('hot_work');
    expect(hot?.grades.map((g) => [g.code, g.permitValidityHours])).toEqual([['special', 8], ['grade1', 8], ['grade2', 72]]);
    expect(findHazardousWorkType('confined_space')?.permitValidityHours).toBe(24);
    expect(findHazardousWorkType('work_at_height')?.permitValidityHours).toBe(168);
    expect(findHazardousWorkType('temporary_electricity')).toMatchObject({ permitValidityHours: 360, extendedValidityHours: 720 });
    expect(findHazardousWorkType('lifting')?.permitValidityHours).toBeNull();
    expect(findHazardousWorkType('lifting')?.grades[1]?.range).toMatchObject({ min: 40, minInclusive: true, max: 100, maxInclusive: true });
  });

  it('holds the 11 special-operation categories and the certificate rules', () => {
    expect(specialOperationCategories.map((c) => c.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(specialOperationCertificateRules).toMatchObject({
      validityYears: 6,
      reviewIntervalYears: 3,
      extendedReviewIntervalYears: 6,
      extendedReviewAfterContinuousYears: 10,
      reExamAfterAwayMonths: 6,
    });
  });

  it('holds 3号令 training hours: 32/12 for managers, 24 for new workers, 8 yearly for all staff', () => {
    expect(trainingHoursRules.find((r) => r.id === 'o3-a9-general')).toMatchObject({ initialHours: 32, yearlyHours: 12, article: '第九条' });
    expect(trainingHoursRules.find((r) => r.id === 'o3-a13-general')).toMatchObject({ initialHours: 24, article: '第十三条' });
    expect(trainingHoursRules.find((r) => r.audience === 'all_staff')?.yearlyHours).toBe(8);
  });
});
