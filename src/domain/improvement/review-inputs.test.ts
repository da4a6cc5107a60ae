import { describe, expect, it } from 'vitest';
import { dualPreventionSections, managementReviewSections, type ReviewSources, suggestedDualPreventionFindings } from './review-inputs.js';

const known: ReviewSources = {
  period: { from: '2026-01-01', to: '2026-12-31' },
  objectives: [{ name: '全年零事故', comparison: 'lte', target: 0, value: 1, unit: '次/项', state: 'slipping' }],
  audits: { audits: 1, reported: 1, conformity: 12, nonconformity: 2, observation: 1, lastConclusion: 'partly_conforming' },
  compliance: null,
  hazards: { found: 20, fixed: 18, onTimeRectificationRate: 0.85, open: 2, openMajor: 1, overdue: 1 },
  inspections: { tasks: 100, completionRate: 0.876, postsWithoutList: 1 },
  accidents: { accidents: 1, nearMisses: 3, deaths: 0, seriousInjuries: 0, minorInjuries: 1 },
  capa: { raised: 5, open: 2, effective: 3, ineffective: 1, overdueActions: 1 },
  training: { people: 10, peopleCompliant: 9, complianceRate: 0.9, certificates: 4, certificatesValid: 4 },
  drills: { drillsHeld: 2, drillsReviewed: 2, plansInForce: 3 },
  changes: null,
  suggestions: null,
  risks: { posts: 6, postsWithoutRisk: 1, acceptedRisks: 30, dueForReview: 2, uncontrolled: 0 },
};

const valueOf = (sections: ReturnType<typeof managementReviewSections>, key: string, label: string) => sections.find((s) => s.key === key)?.lines?.find((l) => l.label === label)?.value;

describe('management review inputs', () => {
  it('fills every section from the known figures, in the issue’s order', () => {
    const s = managementReviewSections(known, 'zh-CN');
    expect(s.map((x) => x.key)).toEqual(['objectives', 'audits', 'compliance', 'hazards', 'inspections', 'accidents', 'capa', 'training', 'drills', 'changes', 'suggestions']);
    expect(valueOf(s, 'objectives', '全年零事故')).toBe('1 / ≤ 0 次/项（进度落后）');
    expect(valueOf(s, 'audits', '符合 / 不符合 / 观察项')).toBe('12 / 2 / 1');
    expect(valueOf(s, 'hazards', '按期整改率')).toBe('85%');
    expect(valueOf(s, 'hazards', '未整改（其中重大）/ 逾期')).toBe('2（1）/ 1');
    expect(valueOf(s, 'inspections', '完成率')).toBe('87.6%');
    expect(valueOf(s, 'accidents', '事故 / 未遂事件')).toBe('1 / 3');
    expect(valueOf(s, 'capa', '未关闭 / 验证无效 / 逾期措施')).toBe('2 / 1 / 1');
    expect(valueOf(s, 'training', '学时达标人数')).toBe('9 / 10（90%）');
    expect(valueOf(s, 'drills', '演练 / 已评估')).toBe('2 / 2');
  });

  it('a source the product does not record is "not recorded", never zero', () => {
    const s = managementReviewSections(known, 'en-US');
    expect(s.find((x) => x.key === 'compliance')!.lines).toBeNull();
    expect(s.find((x) => x.key === 'changes')!.lines).toBeNull();
    expect(s.find((x) => x.key === 'suggestions')!.lines).toBeNull();
    expect(valueOf(s, 'hazards', 'Rectified on time')).toBe('85%');
    const empty = managementReviewSections({ ...known, hazards: { ...known.hazards!, onTimeRectificationRate: null } }, 'en-US');
    expect(valueOf(empty, 'hazards', 'Rectified on time')).toBe('—');
  });

  it('the dual prevention evaluation: coverage, lists, tasks, hazards, re-evaluation, and the findings they suggest', () => {
    const s = dualPreventionSections(known, 'zh-CN');
    expect(s.map((x) => [x.key, x.lines?.map((l) => l.value)])).toEqual([
      ['coverage', ['5 / 6', '30 / 0']],
      ['lists', ['5 / 6']],
      ['tasks', ['100 / 87.6%']],
      ['hazards', ['20 / 18 / 85%', '1']],
      ['reevaluation', ['2']],
    ]);
    expect(suggestedDualPreventionFindings(known, 'zh-CN')).toEqual([
      '1 个岗位尚未辨识风险',
      '1 个岗位排查清单未发布',
      '排查任务完成率 87.6%，低于 90%',
      '1 项重大隐患未整改',
      '隐患按期整改率 85%',
      '2 项风险待重新评价',
    ]);
    expect(dualPreventionSections({ ...known, risks: null }, 'zh-CN')[0]!.lines).toBeNull();
    expect(suggestedDualPreventionFindings({ ...known, risks: { ...known.risks!, postsWithoutRisk: 0, dueForReview: 0 }, inspections: { tasks: 10, completionRate: 1, postsWithoutList: 0 }, hazards: { ...known.hazards!, openMajor: 0, onTimeRectificationRate: 1 } }, 'zh-CN')).toEqual([]);
  });
});
