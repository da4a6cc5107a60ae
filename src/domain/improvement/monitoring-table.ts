/*
 * Performance monitoring (绩效测量和监测, seed 000 四(一)): a plan of what is monitored, how, how
 * often and by whom, and the "职业安全健康管理体系测量和监测表" of a period, each line's result read from
 * the features' figures. Seed 000 says "监测至少包括：" but its list was lost in extraction; the
 * subjects below follow the issue (objectives, legal compliance, training, drills, equipment,
 * occupational-health readings) plus inspections and hazards — NOT FROM THE SEED. The 90 % / 100 %
 * thresholds that mark a line for attention are product defaults, not from the seed. Pure.
 */
import type { Locale } from '../../i18n/locale.js';
import type { ReviewSources } from './review-inputs.js';

export const monitoringSubjects = ['objectives', 'legal_compliance', 'training', 'drills', 'equipment', 'occupational_health', 'inspections', 'hazards', 'other'] as const;
export type MonitoringSubject = (typeof monitoringSubjects)[number];
export const monitoringFrequencies = ['month', 'quarter', 'half_year', 'year'] as const;

export interface OccupationalHealthFigures {
  readings: number;
  readingsOverLimit: number;
  readingsWithinLimitRate: number | null;
  examsOverdue: number;
}

export interface MonitoringSources {
  review: ReviewSources;
  occupationalHealth: OccupationalHealthFigures | null;
  /** Special equipment: inspections overdue / registered (null: not recorded). */
  equipment: { registered: number; inspectionOverdue: number } | null;
}

export type MonitoringStatus = 'ok' | 'attention' | 'not_recorded' | 'manual';

export interface MonitoringResult {
  result: string;
  status: MonitoringStatus;
}

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

/** The result of one plan line for the period, from the figures of its subject. */
export function monitoringResult(subject: MonitoringSubject, s: MonitoringSources, locale: Locale): MonitoringResult {
  const zh = locale === 'zh-CN';
  const none: MonitoringResult = { result: zh ? '未记录' : 'Not recorded', status: 'not_recorded' };
  const r = s.review;
  switch (subject) {
    case 'objectives': {
      if (!r.objectives) return none;
      const slipping = r.objectives.filter((o) => o.state === 'slipping').length;
      const met = r.objectives.filter((o) => o.state === 'met').length;
      return { result: zh ? `目标 ${r.objectives.length} 项，已达成 ${met}，进度落后 ${slipping}` : `${r.objectives.length} objectives, ${met} met, ${slipping} slipping`, status: slipping ? 'attention' : 'ok' };
    }
    case 'legal_compliance':
      if (!r.compliance) return none;
      return {
        result: zh ? `法律法规 ${r.compliance.lawsRegistered} 项，已评价 ${r.compliance.complianceEvaluated}，不符合 ${r.compliance.complianceNonCompliant}，未评价 ${r.compliance.complianceNotEvaluated}` : `${r.compliance.lawsRegistered} laws, ${r.compliance.complianceEvaluated} evaluated, ${r.compliance.complianceNonCompliant} non-compliant, ${r.compliance.complianceNotEvaluated} not evaluated`,
        status: r.compliance.complianceNonCompliant || r.compliance.complianceNotEvaluated ? 'attention' : 'ok',
      };
    case 'training':
      if (!r.training || !r.training.people) return none;
      return {
        result: zh ? `学时达标 ${r.training.peopleCompliant}/${r.training.people}（${pct(r.training.complianceRate)}），有效证书 ${r.training.certificatesValid}/${r.training.certificates}` : `Hours met ${r.training.peopleCompliant}/${r.training.people} (${pct(r.training.complianceRate)}), valid certificates ${r.training.certificatesValid}/${r.training.certificates}`,
        status: r.training.peopleCompliant < r.training.people || r.training.certificatesValid < r.training.certificates ? 'attention' : 'ok',
      };
    case 'drills':
      if (!r.drills) return none;
      return { result: zh ? `演练 ${r.drills.drillsHeld} 次，已评估 ${r.drills.drillsReviewed} 次` : `${r.drills.drillsHeld} drills held, ${r.drills.drillsReviewed} reviewed`, status: r.drills.drillsHeld === 0 || r.drills.drillsReviewed < r.drills.drillsHeld ? 'attention' : 'ok' };
    case 'equipment':
      if (!s.equipment) return none;
      return { result: zh ? `特种设备 ${s.equipment.registered} 台，检验逾期 ${s.equipment.inspectionOverdue}` : `${s.equipment.registered} special equipment, ${s.equipment.inspectionOverdue} inspections overdue`, status: s.equipment.inspectionOverdue ? 'attention' : 'ok' };
    case 'occupational_health': {
      const o = s.occupationalHealth;
      if (!o || !o.readings) return none;
      return {
        result: zh ? `检测 ${o.readings} 次，超标 ${o.readingsOverLimit}（达标率 ${o.readingsWithinLimitRate ?? '—'}%），体检逾期 ${o.examsOverdue} 人` : `${o.readings} readings, ${o.readingsOverLimit} over the limit (${o.readingsWithinLimitRate ?? '—'}% within), ${o.examsOverdue} exams overdue`,
        status: o.readingsOverLimit || o.examsOverdue ? 'attention' : 'ok',
      };
    }
    case 'inspections':
      if (!r.inspections || !r.inspections.tasks) return none;
      return { result: zh ? `排查任务 ${r.inspections.tasks} 个，完成率 ${pct(r.inspections.completionRate)}` : `${r.inspections.tasks} tasks, completion ${pct(r.inspections.completionRate)}`, status: (r.inspections.completionRate ?? 0) < 0.9 ? 'attention' : 'ok' };
    case 'hazards':
      if (!r.hazards) return none;
      return {
        result: zh ? `发现 ${r.hazards.found}，整改 ${r.hazards.fixed}，按期率 ${pct(r.hazards.onTimeRectificationRate)}，逾期 ${r.hazards.overdue}` : `${r.hazards.found} found, ${r.hazards.fixed} rectified, ${pct(r.hazards.onTimeRectificationRate)} on time, ${r.hazards.overdue} overdue`,
        status: r.hazards.overdue || r.hazards.openMajor || (r.hazards.onTimeRectificationRate !== null && r.hazards.onTimeRectificationRate < 1) ? 'attention' : 'ok',
      };
    case 'other':
      return { result: zh ? '按计划人工检查' : 'Checked by hand as planned', status: 'manual' };
  }
}
