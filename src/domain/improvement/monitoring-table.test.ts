import { describe, expect, it } from 'vitest';
import { type MonitoringSources, monitoringResult, monitoringSubjects } from './monitoring-table.js';
import type { ReviewSources } from './review-inputs.js';

const review: ReviewSources = {
  period: { from: '2026-10-01', to: '2026-12-31' },
  objectives: [
    { name: 'a', comparison: 'lte', target: 0, value: 1, unit: '', state: 'slipping' },
    { name: 'b', comparison: 'gte', target: 90, value: 95, unit: '%', state: 'met' },
  ],
  audits: null,
  compliance: null,
  hazards: { found: 4, fixed: 4, onTimeRectificationRate: 1, open: 0, openMajor: 0, overdue: 0 },
  inspections: { tasks: 20, completionRate: 0.85, postsWithoutList: 0 },
  accidents: null,
  capa: null,
  training: { people: 5, peopleCompliant: 5, complianceRate: 1, certificates: 2, certificatesValid: 2 },
  drills: { drillsHeld: 0, drillsReviewed: 0, plansInForce: 1 },
  changes: null,
  suggestions: null,
  risks: null,
};
const sources: MonitoringSources = { review, occupationalHealth: { readings: 6, readingsOverLimit: 1, readingsWithinLimitRate: 83.3, examsOverdue: 0 }, equipment: null };

describe('measurement and monitoring table', () => {
  it('each subject reads its figures and flags what needs attention', () => {
    const got = Object.fromEntries(monitoringSubjects.map((s) => [s, monitoringResult(s, sources, 'zh-CN')]));
    expect(got.objectives).toEqual({ result: '目标 2 项，已达成 1，进度落后 1', status: 'attention' });
    expect(got.legal_compliance!.status).toBe('not_recorded');
    expect(got.training).toEqual({ result: '学时达标 5/5（100%），有效证书 2/2', status: 'ok' });
    expect(got.drills!.status).toBe('attention');
    expect(got.equipment).toEqual({ result: '未记录', status: 'not_recorded' });
    expect(got.occupational_health).toEqual({ result: '检测 6 次，超标 1（达标率 83.3%），体检逾期 0 人', status: 'attention' });
    expect(got.inspections).toEqual({ result: '排查任务 20 个，完成率 85%', status: 'attention' });
    expect(got.hazards!.status).toBe('ok');
    expect(got.other!.status).toBe('manual');
  });

  it('no readings, no tasks: not recorded rather than fine', () => {
    const empty = { ...sources, occupationalHealth: { readings: 0, readingsOverLimit: 0, readingsWithinLimitRate: null, examsOverdue: 0 }, review: { ...review, inspections: { tasks: 0, completionRate: null, postsWithoutList: 0 } } };
    expect(monitoringResult('occupational_health', empty, 'en-US')).toEqual({ result: 'Not recorded', status: 'not_recorded' });
    expect(monitoringResult('inspections', empty, 'en-US').status).toBe('not_recorded');
  });
});
