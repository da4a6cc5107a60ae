/* The initial review's baseline and its gaps (初始评审, seed 000 一(三)1, 二(二); issue 14 §1). The
 * baseline is a snapshot of the figures the features compute in their indicator functions, stored
 * with the review so its report shows what was true then. `reviewGaps` turns a baseline into the
 * list of gaps, each with the area of the review it belongs to and, where a metric the product
 * computes measures it, a proposed objective. The thresholds (e.g. 90 % inspection completion) are
 * the product's proposals, NOT from the seed. */
import type { LocalizedText } from '../../reference/localized-text.js';
import type { ReviewAreaKey } from '../../reference/management/initial-review.js';
import type { ObjectiveComparison, ObjectiveMetric } from './objective-metrics.js';

export interface LevelCounts {
  major: number;
  significant: number;
  general: number;
  low: number;
}

export interface ReviewBaseline {
  /** When the snapshot was taken (ISO instant) and the enterprise-local year its figures cover. */
  takenAt: string;
  year: number;
  enterprise: { name: string; headcount: number; sizeClass: string };
  posts: { total: number; management: number; withoutDuties: string[]; withoutRisk: string[] };
  risks: { accepted: number; countsByLevel: LevelCounts; uncontrolled: number; missingSpecialPlan: number };
  hazards: { found: number; onTimeRectificationRate: number | null; openMajor: number; overdue: number };
  inspections: { completionRate: number | null; postsWithoutList: string[] };
  training: { people: number; peopleCompliant: number; complianceRate: number | null; certificates: number; certificatesValid: number };
  emergency: { plans: number; plansInForce: number; plansOverdueForReview: number; drillsHeld: number };
  /** Accidents of the three years before the review (near misses excluded). */
  accidents: { accidents: number; since: string };
  /** null: the feature records nothing yet (document control / legal register not in use). */
  documents: { inForce: number } | null;
  laws: { items: number } | null;
}

export const gapKeys = [
  'no_posts',
  'posts_without_duties',
  'posts_without_risk',
  'risks_uncontrolled',
  'major_risk_without_plan',
  'open_major_hazards',
  'overdue_hazards',
  'posts_without_inspection_list',
  'inspection_completion_low',
  'training_short',
  'certificates_invalid',
  'no_emergency_plan',
  'plans_overdue_for_review',
  'no_drill',
  'accidents_in_period',
  'documents_not_recorded',
  'laws_not_recorded',
] as const;
export type GapKey = (typeof gapKeys)[number];

export interface ProposedObjective {
  metric: ObjectiveMetric;
  comparison: ObjectiveComparison;
  target: number;
}

export interface BaselineGap {
  key: GapKey;
  area: ReviewAreaKey;
  /** The figure that shows the gap, and the names behind it (posts), for the sentence. */
  count: number;
  names: string[];
  proposal: ProposedObjective | null;
}

/** Inspection completion under this rate is a gap (the product's threshold, NOT from the seed). */
export const inspectionCompletionFloor = 0.9;

const gap = (key: GapKey, area: ReviewAreaKey, count: number, names: string[] = [], proposal: ProposedObjective | null = null): BaselineGap => ({ key, area, count, names, proposal });

/** The gaps a baseline shows, in the order of the review's areas. Pure. */
export function reviewGaps(b: ReviewBaseline): BaselineGap[] {
  const out: BaselineGap[] = [];
  if (b.laws === null || b.laws.items === 0) out.push(gap('laws_not_recorded', 'laws', 0));
  if (b.posts.total === 0) out.push(gap('no_posts', 'hazardsAndRisks', 0));
  if (b.posts.withoutRisk.length) out.push(gap('posts_without_risk', 'hazardsAndRisks', b.posts.withoutRisk.length, b.posts.withoutRisk));
  if (b.risks.uncontrolled > 0) out.push(gap('risks_uncontrolled', 'controls', b.risks.uncontrolled));
  if (b.risks.missingSpecialPlan > 0) out.push(gap('major_risk_without_plan', 'controls', b.risks.missingSpecialPlan));
  if (b.hazards.openMajor > 0) out.push(gap('open_major_hazards', 'controls', b.hazards.openMajor, [], { metric: 'open_major_hazards', comparison: 'lte', target: 0 }));
  if (b.hazards.overdue > 0) out.push(gap('overdue_hazards', 'controls', b.hazards.overdue, [], { metric: 'hazard_closure_on_time', comparison: 'gte', target: 100 }));
  if (b.inspections.postsWithoutList.length) out.push(gap('posts_without_inspection_list', 'controls', b.inspections.postsWithoutList.length, b.inspections.postsWithoutList));
  if (b.inspections.completionRate !== null && b.inspections.completionRate < inspectionCompletionFloor) {
    out.push(gap('inspection_completion_low', 'controls', Math.round(b.inspections.completionRate * 1000) / 10, [], { metric: 'inspection_completion', comparison: 'gte', target: inspectionCompletionFloor * 100 }));
  }
  if (b.documents === null || b.documents.inForce === 0) out.push(gap('documents_not_recorded', 'managementRules', 0));
  if (b.emergency.plansInForce === 0) out.push(gap('no_emergency_plan', 'managementRules', 0));
  if (b.emergency.plansOverdueForReview > 0) out.push(gap('plans_overdue_for_review', 'managementRules', b.emergency.plansOverdueForReview));
  if (b.emergency.drillsHeld === 0) out.push(gap('no_drill', 'managementRules', 0, [], { metric: 'drills_held', comparison: 'gte', target: 1 }));
  if (b.accidents.accidents > 0) out.push(gap('accidents_in_period', 'accidentsAndHealth', b.accidents.accidents, [], { metric: 'accidents', comparison: 'lte', target: 0 }));
  if (b.posts.withoutDuties.length) out.push(gap('posts_without_duties', 'organisation', b.posts.withoutDuties.length, b.posts.withoutDuties));
  if (b.training.people > 0 && b.training.peopleCompliant < b.training.people) {
    out.push(gap('training_short', 'organisation', b.training.people - b.training.peopleCompliant, [], { metric: 'training_compliance', comparison: 'gte', target: 100 }));
  }
  if (b.training.certificatesValid < b.training.certificates) {
    out.push(gap('certificates_invalid', 'organisation', b.training.certificates - b.training.certificatesValid, [], { metric: 'certificates_valid', comparison: 'gte', target: 100 }));
  }
  return out;
}

const listed = (names: string[]) => (names.length > 5 ? `${names.slice(0, 5).join('、')} 等` : names.join('、'));
const listedEn = (names: string[]) => (names.length > 5 ? `${names.slice(0, 5).join(', ')} …` : names.join(', '));

/** The gap as a sentence. */
export function gapText(g: Pick<BaselineGap, 'key' | 'count' | 'names'>): LocalizedText {
  const n = g.count;
  switch (g.key) {
    case 'no_posts':
      return { 'zh-CN': '尚未建立岗位，无法按岗位辨识危害', 'en-US': 'No posts yet: hazards cannot be identified by post' };
    case 'posts_without_duties':
      return { 'zh-CN': `${n} 个岗位未写明安全生产责任：${listed(g.names)}`, 'en-US': `${n} posts have no written safety duties: ${listedEn(g.names)}` };
    case 'posts_without_risk':
      return { 'zh-CN': `${n} 个岗位尚未辨识评价风险：${listed(g.names)}`, 'en-US': `${n} posts have no evaluated risk: ${listedEn(g.names)}` };
    case 'risks_uncontrolled':
      return { 'zh-CN': `${n} 条风险没有管控措施`, 'en-US': `${n} risks have no control measure` };
    case 'major_risk_without_plan':
      return { 'zh-CN': `${n} 条重大风险缺少专项管控方案`, 'en-US': `${n} major risks have no special control plan` };
    case 'open_major_hazards':
      return { 'zh-CN': `有 ${n} 项重大事故隐患未整改`, 'en-US': `${n} major hazards are open` };
    case 'overdue_hazards':
      return { 'zh-CN': `有 ${n} 项隐患超期未整改`, 'en-US': `${n} hazards are past their deadline` };
    case 'posts_without_inspection_list':
      return { 'zh-CN': `${n} 个岗位没有发布排查清单：${listed(g.names)}`, 'en-US': `${n} posts have no published inspection list: ${listedEn(g.names)}` };
    case 'inspection_completion_low':
      return { 'zh-CN': `本年排查任务完成率 ${n}%，低于 ${inspectionCompletionFloor * 100}%`, 'en-US': `Inspection tasks completed this year: ${n}%, under ${inspectionCompletionFloor * 100}%` };
    case 'training_short':
      return { 'zh-CN': `${n} 人本年培训学时未达标`, 'en-US': `${n} people are short of this year's training hours` };
    case 'certificates_invalid':
      return { 'zh-CN': `${n} 个证书已过期或未按期复审`, 'en-US': `${n} certificates are expired or overdue for review` };
    case 'no_emergency_plan':
      return { 'zh-CN': '没有现行有效的应急预案', 'en-US': 'No emergency plan is in force' };
    case 'plans_overdue_for_review':
      return { 'zh-CN': `${n} 个应急预案已到评审期未评审`, 'en-US': `${n} emergency plans are overdue for review` };
    case 'no_drill':
      return { 'zh-CN': '本年尚未举行应急演练', 'en-US': 'No emergency drill held this year' };
    case 'accidents_in_period':
      return { 'zh-CN': `近三年发生事故 ${n} 起`, 'en-US': `${n} accidents in the last three years` };
    case 'documents_not_recorded':
      return { 'zh-CN': '体系文件（管理制度、操作规程）尚未登记受控', 'en-US': 'No controlled documents (rules, procedures) recorded yet' };
    case 'laws_not_recorded':
      return { 'zh-CN': '适用的法律法规及其他要求尚未识别登记', 'en-US': 'Applicable laws and other requirements not identified yet' };
  }
}
