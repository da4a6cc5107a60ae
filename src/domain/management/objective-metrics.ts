/* Objectives measured from the enterprise's own records (seed 000 三(四): objectives "可实现、可测量和具体的
 *时间安排"; issue 14 §4). Each metric is a pure function of the figures the features already compute in
 * their one indicator function (hazardIndicators, inspectionIndicators, trainingIndicators,
 * accidentIndicators, emergencyIndicators) — nothing is recounted here. The list of metrics is the
 * issue's; seed 000 lost its list of objective areas in extraction, so the choice is NOT from the seed. */
import type { LocalizedText } from '../../reference/localized-text.js';

export const objectiveMetrics = [
  'hazard_closure_on_time',
  'inspection_completion',
  'training_compliance',
  'open_major_hazards',
  'accidents',
  'drills_held',
  'certificates_valid',
] as const;
export type ObjectiveMetric = (typeof objectiveMetrics)[number];
export const objectiveComparisons = ['gte', 'lte'] as const;
export type ObjectiveComparison = (typeof objectiveComparisons)[number];
export const objectiveStates = ['met', 'on_track', 'slipping', 'no_data'] as const;
export type ObjectiveState = (typeof objectiveStates)[number];

/** The figures of one period, as the features' indicator functions return them (rates 0–1). */
export interface IndicatorFigures {
  hazards: { onTimeRectificationRate: number | null; openMajor: number };
  inspections: { completionRate: number | null };
  training: { complianceRate: number | null; certificates: number; certificatesValid: number };
  accidents: { accidents: number };
  emergency: { drillsHeld: number };
}

export interface MetricDefinition {
  unit: 'percent' | 'count';
  /** A count that only grows during the period (drills held): judged against the share of the period elapsed. */
  cumulative: boolean;
  /** A snapshot of now rather than a tally of the period (open major hazards). */
  snapshot: boolean;
  label: LocalizedText;
  source: LocalizedText;
}

export const metricDefinitions: Record<ObjectiveMetric, MetricDefinition> = {
  hazard_closure_on_time: {
    unit: 'percent', cumulative: false, snapshot: false,
    label: { 'zh-CN': '隐患按期整改率', 'en-US': 'Hazards closed on time' },
    source: { 'zh-CN': '隐患排查治理：本期到期隐患中按期整改的比例', 'en-US': 'Hazard register: share of hazards due in the period closed by their deadline' },
  },
  inspection_completion: {
    unit: 'percent', cumulative: false, snapshot: false,
    label: { 'zh-CN': '排查任务完成率', 'en-US': 'Inspection tasks completed' },
    source: { 'zh-CN': '排查任务：本期已结束的任务中完成的比例', 'en-US': 'Inspection tasks: share of the period’s ended tasks that were done' },
  },
  training_compliance: {
    unit: 'percent', cumulative: false, snapshot: false,
    label: { 'zh-CN': '培训学时达标率', 'en-US': 'People meeting training hours' },
    source: { 'zh-CN': '教育培训：本年学时达标（绿色）人员比例', 'en-US': 'Training records: share of people meeting the year’s required hours' },
  },
  open_major_hazards: {
    unit: 'count', cumulative: false, snapshot: true,
    label: { 'zh-CN': '未整改重大隐患', 'en-US': 'Open major hazards' },
    source: { 'zh-CN': '隐患排查治理：当前未整改的重大隐患数', 'en-US': 'Hazard register: major hazards open now' },
  },
  accidents: {
    unit: 'count', cumulative: true, snapshot: false,
    label: { 'zh-CN': '事故起数', 'en-US': 'Accidents' },
    source: { 'zh-CN': '事故登记：本期事故起数（不含未遂）', 'en-US': 'Accident register: accidents in the period (near misses excluded)' },
  },
  drills_held: {
    unit: 'count', cumulative: true, snapshot: false,
    label: { 'zh-CN': '应急演练次数', 'en-US': 'Drills held' },
    source: { 'zh-CN': '应急管理：本期已举行的演练次数', 'en-US': 'Emergency readiness: drills held in the period' },
  },
  certificates_valid: {
    unit: 'percent', cumulative: false, snapshot: true,
    label: { 'zh-CN': '持证有效率', 'en-US': 'Certificates valid' },
    source: { 'zh-CN': '教育培训：证书中在有效期且已按期复审的比例', 'en-US': 'Training records: share of certificates in date and reviewed on time' },
  },
};

const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The metric's current value: percent (one decimal) or a count; null when there is nothing to measure yet. */
export function metricValue(metric: ObjectiveMetric, f: IndicatorFigures): number | null {
  switch (metric) {
    case 'hazard_closure_on_time':
      return percent(f.hazards.onTimeRectificationRate);
    case 'inspection_completion':
      return percent(f.inspections.completionRate);
    case 'training_compliance':
      return percent(f.training.complianceRate);
    case 'open_major_hazards':
      return f.hazards.openMajor;
    case 'accidents':
      return f.accidents.accidents;
    case 'drills_held':
      return f.emergency.drillsHeld;
    case 'certificates_valid':
      return f.training.certificates ? percent(f.training.certificatesValid / f.training.certificates) : null;
  }
}

/** Share of [from, to] (local dates, inclusive) elapsed on `today`, 0–1. */
export function elapsedShare(from: string, to: string, today: string): number {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const total = day(to) - day(from) + 1;
  const done = Math.min(Math.max(day(today) - day(from) + 1, 0), total);
  return total > 0 ? done / total : 1;
}

/**
 * Where an objective stands. `gte`: met once the value reaches the target; a cumulative count (drills)
 * is on track while it keeps pace with the elapsed share of the period, a rate must hold the target
 * now. `lte`: slipping as soon as the value exceeds the target, met when the period ended within it.
 */
export function objectiveState(input: { comparison: ObjectiveComparison; target: number; value: number | null; cumulative: boolean; elapsed: number }): ObjectiveState {
  const { comparison, target, value, cumulative, elapsed } = input;
  if (value === null) return 'no_data';
  if (comparison === 'lte') {
    if (value > target) return 'slipping';
    return elapsed >= 1 ? 'met' : 'on_track';
  }
  if (value >= target) return 'met';
  if (cumulative && elapsed < 1) return value >= Math.floor(target * elapsed) ? 'on_track' : 'slipping';
  return 'slipping';
}
