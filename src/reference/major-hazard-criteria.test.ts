import { describe, expect, it } from 'vitest';
import { articleFields, findMajorHazardCriterion, listAutoJudgementCriteria, listCriteriaForFields, majorHazardCriteria } from './major-hazard-criteria';

describe('major hazard criteria (应急管理部令第10号)', () => {
  it('gives every criterion an article, seq, text in both languages, verified flag and field', () => {
    for (const c of majorHazardCriteria) {
      expect(c.article).toBeGreaterThanOrEqual(3);
      expect(c.article).toBeLessThanOrEqual(14);
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

  it('offers 管理类 items to every enterprise plus those of its fields, and 第十四条 to those with an industry or special article', () => {
    const forTobacco = listCriteriaForFields(['tobacco']);
    expect(new Set(forTobacco.map((c) => c.field))).toEqual(new Set(['general', 'tobacco', 'safety_facilities']));
    expect(listCriteriaForFields(['commerce']).every((c) => c.field === 'general')).toBe(true);
  });

  it('completes the articles of our templates: 机械 第七条 7 items, 轻工 第八条 7, 纺织 第九条 2, plus 第十四条', () => {
    const of = (article: number) => majorHazardCriteria.filter((c) => c.article === article);
    expect(of(7).map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(of(8).map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(of(9).map((c) => c.seq)).toEqual([1, 2]);
    expect(of(14)).toHaveLength(1);
    expect(of(14)[0]?.field).toBe('safety_facilities');
    for (const field of ['machinery', 'light_industry', 'textile'] as const) {
      const own = listCriteriaForFields([field]).filter((c) => c.field === field);
      expect(own.length).toBeGreaterThan(0);
      expect(listCriteriaForFields([field]).some((c) => c.article === 14)).toBe(true);
    }
  });

  it('marks every item it could not verify: unverified items say UNCONFIRMED (or why) and are never auto-judged', () => {
    const unverified = majorHazardCriteria.filter((c) => !c.verified);
    for (const c of unverified) expect(c.note ?? '').toMatch(/UNCONFIRMED|truncated/);
    for (const id of ['a7-3', 'a7-7', 'a8-1', 'a8-7', 'a9-1', 'a9-2', 'a14-1']) {
      expect(findMajorHazardCriterion(id)?.verified).toBe(false);
      expect(listAutoJudgementCriteria().map((c) => c.id)).not.toContain(id);
    }
    // Items confirmed before stay verified.
    expect(findMajorHazardCriterion('a7-1')?.verified).toBe(true);
  });

  it('finds a criterion by id', () => {
    expect(findMajorHazardCriterion('a10-1')?.article).toBe(10);
    expect(findMajorHazardCriterion('a99-1')).toBeNull();
  });
});
