import { describe, expect, it } from 'vitest';
import { defaultSupervisionRules as rules } from '../../reference/supervision-grade-rules.js';
import { gradeEnterprise, isOnPriorityList, type SupervisionFacts } from './supervision-grade.js';

const clean: SupervisionFacts = {
  openMajorHazards: 0,
  deathsLast3Years: 0,
  accidentsLast3Years: 0,
  overdueHazards: 0,
  unpublishedListShare: 0,
  taskCompletion: 100,
  onTimeRectification: 100,
  selfAssessmentScore: 900,
};
const grade = (patch: Partial<SupervisionFacts>) => gradeEnterprise({ ...clean, ...patch }, rules);

describe('supervision grade (default rules, not from any seed)', () => {
  it('is A with no reason when nothing fires', () => {
    expect(grade({})).toEqual({ grade: 'A', reasons: [] });
  });

  it.each([
    [{ openMajorHazards: 1 }, 'D'],
    [{ openMajorHazards: 0 }, 'A'],
    [{ deathsLast3Years: 1 }, 'D'],
    [{ accidentsLast3Years: 1 }, 'C'],
    [{ overdueHazards: 1 }, 'C'],
    [{ unpublishedListShare: 50 }, 'C'],
    [{ unpublishedListShare: 49 }, 'B'],
    [{ unpublishedListShare: 1 }, 'B'],
    [{ taskCompletion: 59 }, 'C'],
    [{ taskCompletion: 60 }, 'B'],
    [{ taskCompletion: 89 }, 'B'],
    [{ taskCompletion: 90 }, 'A'],
    [{ onTimeRectification: 79 }, 'C'],
    [{ onTimeRectification: 80 }, 'B'],
    [{ onTimeRectification: 95 }, 'A'],
    [{ selfAssessmentScore: 599.9 }, 'C'],
    [{ selfAssessmentScore: 600 }, 'B'],
    [{ selfAssessmentScore: 749.9 }, 'B'],
    [{ selfAssessmentScore: 750 }, 'A'],
  ] as [Partial<SupervisionFacts>, string][])('%j → %s', (patch, expected) => {
    expect(grade(patch).grade).toBe(expected);
  });

  it('treats a missing fact as not firing, except where the rule says so (no self-assessment → B)', () => {
    expect(grade({ taskCompletion: null, onTimeRectification: null, unpublishedListShare: null }).grade).toBe('A');
    const r = grade({ selfAssessmentScore: null });
    expect(r.grade).toBe('B');
    expect(r.reasons.map((x) => x.rule)).toEqual(['score']);
    expect(r.reasons[0]?.text['zh-CN']).toBe('最近一次自评得分：无记录（< 750 → B）');
  });

  it('takes the worst grade and lists every reason, worst first', () => {
    const r = grade({ overdueHazards: 2, openMajorHazards: 1, taskCompletion: 80 });
    expect(r.grade).toBe('D');
    expect(r.reasons.map((x) => [x.rule, x.grade])).toEqual([
      ['open-major-hazard', 'D'],
      ['overdue-hazard', 'C'],
      ['tasks', 'B'],
    ]);
  });
});

describe('inspection priority list of the month', () => {
  const months = (input: { enterpriseId: string; grade: 'A' | 'B' | 'C' | 'D'; isDemonstration: boolean }) =>
    Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => isOnPriorityList(input, m, rules));
  it('follows the grade: D monthly, C quarterly, B half-yearly, A yearly', () => {
    for (const id of ['e1', 'e2', 'enterprise-xyz']) {
      expect(months({ enterpriseId: id, grade: 'D', isDemonstration: false })).toHaveLength(12);
      expect(months({ enterpriseId: id, grade: 'C', isDemonstration: false })).toHaveLength(4);
      expect(months({ enterpriseId: id, grade: 'B', isDemonstration: false })).toHaveLength(2);
      expect(months({ enterpriseId: id, grade: 'A', isDemonstration: false })).toHaveLength(1);
    }
  });
  it('leaves a demonstration enterprise graded A or B off, but not one graded C', () => {
    expect(months({ enterpriseId: 'e1', grade: 'B', isDemonstration: true })).toEqual([]);
    expect(months({ enterpriseId: 'e1', grade: 'C', isDemonstration: true })).toHaveLength(4);
  });
});
