import { describe, expect, it } from 'vitest';
import { articleFields, findMajorHazardCriterion, listAutoJudgementCriteria, listCriteriaForFields, majorHazardCriteria } from './major-hazard-criteria';

describe('major hazard criteria (应急管理部令第10号)', () => {
  it('gives every criterion an article, seq, text in both languages, verified flag and field', () => {
    for (const c of majorHazardCriteria) {
      expect(c.article).toBeGreaterThanOrEqual(3);
      expect(c.article).toBeLessThanOrEqual(13);
      expect(Number.isInteger(c.seq) && c.seq >= 1).toBe(true);
      expect(c.text['zh-CN'].length).toBeGreaterThan(4);
      expect(c.text['en-US'].length).toBeGreaterThan(4);
      expect(typeof c.verified).toBe('boolean');
      expect(c.field).toBe(articleFields[c.article]?.field);
    }
  });

  it('has unique ids and unique article/seq pairs', () => {
    expect(new Set(majorHazardCriteria.map((c) => c.id)).size).toBe(majorHazardCriteria.length);
    expect(new Set(majorHazardCriteria.map((c) => `${c.article}-${c.seq}`)).size).toBe(majorHazardCriteria.length);
  });

  it('cites a source for every verified criterion from a dated article excerpt, except 第五条 whose excerpt has no URL', () => {
    for (const c of listAutoJudgementCriteria()) {
      if (c.article !== 5) expect(c.sourceUrl).toMatch(/^https?:\/\//);
    }
  });

  it('lists only verified criteria for automatic judgement', () => {
    const auto = listAutoJudgementCriteria();
    expect(auto.length).toBeGreaterThan(0);
    expect(auto.every((c) => c.verified)).toBe(true);
    expect(auto.map((c) => c.id)).not.toContain('a11-9');
    expect(auto.map((c) => c.id)).not.toContain('a12-1');
    expect(auto.map((c) => c.id)).not.toContain('a13-2');
  });

  it('holds the three management items of 第三条, all verified', () => {
    const a3 = majorHazardCriteria.filter((c) => c.article === 3);
    expect(a3).toHaveLength(3);
    expect(a3.every((c) => c.verified && c.field === 'general')).toBe(true);
  });

  it('holds the 8 items of 第六条 建材 and 10 of 第十一条 粉尘爆炸 (8 verified)', () => {
    expect(majorHazardCriteria.filter((c) => c.article === 6)).toHaveLength(8);
    const a11 = majorHazardCriteria.filter((c) => c.article === 11);
    expect(a11).toHaveLength(10);
    expect(a11.filter((c) => c.verified)).toHaveLength(8);
  });

  it('offers 管理类 items to every enterprise plus those of its fields', () => {
    const forTobacco = listCriteriaForFields(['tobacco']);
    expect(new Set(forTobacco.map((c) => c.field))).toEqual(new Set(['general', 'tobacco']));
    expect(listCriteriaForFields(['commerce']).every((c) => c.field === 'general')).toBe(true);
  });

  it('finds a criterion by id', () => {
    expect(findMajorHazardCriterion('a10-1')?.article).toBe(10);
    expect(findMajorHazardCriterion('a99-1')).toBeNull();
  });
});
