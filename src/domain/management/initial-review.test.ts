import { describe, expect, it } from 'vitest';
import { gapText, type ReviewBaseline, reviewGaps } from './initial-review.js';

/** A known data set: an enterprise that has done most things right. */
const healthy: ReviewBaseline = {
  takenAt: '2026-11-23T02:00:00.000Z',
  year: 2026,
  enterprise: { name: '齐鲁配件厂', headcount: 35, sizeClass: 'small' },
  posts: { total: 4, management: 1, withoutDuties: [], withoutRisk: [] },
  risks: { accepted: 12, countsByLevel: { major: 1, significant: 2, general: 4, low: 5 }, uncontrolled: 0, missingSpecialPlan: 0 },
  hazards: { found: 10, onTimeRectificationRate: 1, openMajor: 0, overdue: 0 },
  inspections: { completionRate: 0.9, postsWithoutList: [] },
  training: { people: 30, peopleCompliant: 30, complianceRate: 1, certificates: 3, certificatesValid: 3 },
  emergency: { plans: 2, plansInForce: 2, plansOverdueForReview: 0, drillsHeld: 1 },
  accidents: { accidents: 0, since: '2023-11-23' },
  documents: { inForce: 12 },
  laws: { items: 20 },
};
const keys = (b: ReviewBaseline) => reviewGaps(b).map((g) => g.key);

describe('initial review gaps from the baseline', () => {
  it('a healthy baseline shows no gap (90 % completion is at the floor, not under it)', () => {
    expect(reviewGaps(healthy)).toEqual([]);
  });

  it('documents and laws not recorded (their features absent) are gaps, not errors', () => {
    const g = reviewGaps({ ...healthy, documents: null, laws: null });
    expect(g.map((x) => [x.key, x.area])).toEqual([
      ['laws_not_recorded', 'laws'],
      ['documents_not_recorded', 'managementRules'],
    ]);
    expect(keys({ ...healthy, documents: { inForce: 0 }, laws: { items: 0 } })).toEqual(['laws_not_recorded', 'documents_not_recorded']);
  });

  it('each figure past its boundary gives its gap, with the names and a proposed objective where a metric measures it', () => {
    const bad: ReviewBaseline = {
      ...healthy,
      posts: { total: 4, management: 1, withoutDuties: ['仓管员'], withoutRisk: ['叉车工', '焊工'] },
      risks: { ...healthy.risks, uncontrolled: 3, missingSpecialPlan: 1 },
      hazards: { found: 10, onTimeRectificationRate: 0.5, openMajor: 2, overdue: 1 },
      inspections: { completionRate: 0.899, postsWithoutList: ['焊工'] },
      training: { people: 30, peopleCompliant: 27, complianceRate: 0.9, certificates: 3, certificatesValid: 2 },
      emergency: { plans: 1, plansInForce: 1, plansOverdueForReview: 1, drillsHeld: 0 },
      accidents: { accidents: 2, since: '2023-11-23' },
    };
    const g = reviewGaps(bad);
    expect(g.map((x) => x.key)).toEqual([
      'posts_without_risk',
      'risks_uncontrolled',
      'major_risk_without_plan',
      'open_major_hazards',
      'overdue_hazards',
      'posts_without_inspection_list',
      'inspection_completion_low',
      'plans_overdue_for_review',
      'no_drill',
      'accidents_in_period',
      'posts_without_duties',
      'training_short',
      'certificates_invalid',
    ]);
    const byKey = Object.fromEntries(g.map((x) => [x.key, x]));
    expect(byKey.posts_without_risk).toMatchObject({ count: 2, names: ['叉车工', '焊工'], proposal: null });
    expect(byKey.open_major_hazards!.proposal).toEqual({ metric: 'open_major_hazards', comparison: 'lte', target: 0 });
    expect(byKey.inspection_completion_low).toMatchObject({ count: 89.9, proposal: { metric: 'inspection_completion', comparison: 'gte', target: 90 } });
    expect(byKey.training_short).toMatchObject({ count: 3, proposal: { metric: 'training_compliance', target: 100 } });
    expect(byKey.certificates_invalid!.count).toBe(1);
    expect(gapText(byKey.posts_without_risk!)['zh-CN']).toBe('2 个岗位尚未辨识评价风险：叉车工、焊工');
    expect(gapText(byKey.accidents_in_period!)['en-US']).toBe('2 accidents in the last three years');
  });

  it('an enterprise without posts, plans or people: the first gaps, and nothing claimed about training nobody owes', () => {
    const empty: ReviewBaseline = {
      ...healthy,
      posts: { total: 0, management: 0, withoutDuties: [], withoutRisk: [] },
      risks: { accepted: 0, countsByLevel: { major: 0, significant: 0, general: 0, low: 0 }, uncontrolled: 0, missingSpecialPlan: 0 },
      inspections: { completionRate: null, postsWithoutList: [] },
      training: { people: 0, peopleCompliant: 0, complianceRate: null, certificates: 0, certificatesValid: 0 },
      emergency: { plans: 0, plansInForce: 0, plansOverdueForReview: 0, drillsHeld: 0 },
    };
    expect(keys(empty)).toEqual(['no_posts', 'no_emergency_plan', 'no_drill']);
  });

  it('long name lists are cut after five', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(gapText({ key: 'posts_without_duties', count: 6, names })['zh-CN']).toBe('6 个岗位未写明安全生产责任：a、b、c、d、e 等');
  });
});
