import type { ReferenceSource } from './reference-source';

// Differentiated supervision (差异化执法, issue 17 item 6): the default rules by which a county grades
// its enterprises A/B/C/D from their records. NOT FROM ANY SEED: the seeds ask for differentiated
// supervision but give no thresholds; these defaults are the product's starting point, and each county
// tunes them (PUT /api/v1/oversight/supervision-rules). The grade is the worst grade of the rules
// that fire; with none firing it is A.
export const source: ReferenceSource = {
  standard: 'Not from any seed — product defaults, tuned per county',
  edition: '2026-12',
  title: { 'zh-CN': '差异化监管分级规则（默认，非种子内容）', 'en-US': 'Differentiated supervision grading rules (defaults, not from any seed)' },
  status: 'partly-confirmed',
  notes: ['UNCONFIRMED: no regulation cited here fixes these thresholds; every threshold is a default a county replaces.'],
  urls: [],
};

export const supervisionFactKeys = [
  'openMajorHazards',
  'deathsLast3Years',
  'accidentsLast3Years',
  'overdueHazards',
  /** Percent of live posts without a published inspection list (seed 001 第十三条). */
  'unpublishedListShare',
  /** Percent of inspection tasks done in the last 30 days. */
  'taskCompletion',
  /** Percent of hazards of the year closed by their deadline. */
  'onTimeRectification',
  /** Latest concluded self-assessment, 1000-point scale. */
  'selfAssessmentScore',
] as const;
export type SupervisionFactKey = (typeof supervisionFactKeys)[number];

export interface SupervisionRule {
  id: string;
  fact: SupervisionFactKey;
  /** 'atLeast': fires when fact ≥ threshold; 'below': fires when fact < threshold. */
  op: 'atLeast' | 'below';
  threshold: number;
  /** The grade this rule caps the enterprise at. */
  grade: 'B' | 'C' | 'D';
  /** Fires also when the fact is unknown (e.g. no self-assessment concluded yet). */
  whenMissing?: boolean;
}

export interface SupervisionRules {
  rules: SupervisionRule[];
  /** Months between the county's inspections by grade: the month's priority list follows it. */
  inspectEveryMonths: { A: number; B: number; C: number; D: number };
  /** 示范 enterprises graded A or B are left off the routine priority list. */
  demonstrationSkipsRoutine: boolean;
}

export const defaultSupervisionRules: SupervisionRules = {
  rules: [
    { id: 'open-major-hazard', fact: 'openMajorHazards', op: 'atLeast', threshold: 1, grade: 'D' },
    { id: 'death', fact: 'deathsLast3Years', op: 'atLeast', threshold: 1, grade: 'D' },
    { id: 'accident', fact: 'accidentsLast3Years', op: 'atLeast', threshold: 1, grade: 'C' },
    { id: 'overdue-hazard', fact: 'overdueHazards', op: 'atLeast', threshold: 1, grade: 'C' },
    { id: 'lists-unpublished-half', fact: 'unpublishedListShare', op: 'atLeast', threshold: 50, grade: 'C' },
    { id: 'lists-unpublished', fact: 'unpublishedListShare', op: 'atLeast', threshold: 1, grade: 'B' },
    { id: 'tasks-low', fact: 'taskCompletion', op: 'below', threshold: 60, grade: 'C' },
    { id: 'tasks', fact: 'taskCompletion', op: 'below', threshold: 90, grade: 'B' },
    { id: 'on-time-low', fact: 'onTimeRectification', op: 'below', threshold: 80, grade: 'C' },
    { id: 'on-time', fact: 'onTimeRectification', op: 'below', threshold: 95, grade: 'B' },
    { id: 'score-low', fact: 'selfAssessmentScore', op: 'below', threshold: 600, grade: 'C' },
    { id: 'score', fact: 'selfAssessmentScore', op: 'below', threshold: 750, grade: 'B', whenMissing: true },
  ],
  inspectEveryMonths: { A: 12, B: 6, C: 3, D: 1 },
  demonstrationSkipsRoutine: true,
};

export const supervisionFactLabels: Record<SupervisionFactKey, { 'zh-CN': string; 'en-US': string; unit: string }> = {
  openMajorHazards: { 'zh-CN': '未闭环重大事故隐患', 'en-US': 'open major hazards', unit: '' },
  deathsLast3Years: { 'zh-CN': '近三年事故死亡人数', 'en-US': 'deaths in accidents, last 3 years', unit: '' },
  accidentsLast3Years: { 'zh-CN': '近三年事故起数', 'en-US': 'accidents, last 3 years', unit: '' },
  overdueHazards: { 'zh-CN': '超期未整改隐患', 'en-US': 'overdue hazards', unit: '' },
  unpublishedListShare: { 'zh-CN': '未发布排查清单的岗位占比', 'en-US': 'posts without a published inspection list', unit: '%' },
  taskCompletion: { 'zh-CN': '近30天排查任务完成率', 'en-US': 'inspection tasks done, last 30 days', unit: '%' },
  onTimeRectification: { 'zh-CN': '本年隐患按期整改率', 'en-US': 'hazards closed on time this year', unit: '%' },
  selfAssessmentScore: { 'zh-CN': '最近一次自评得分', 'en-US': 'latest self-assessment score', unit: '' },
};
