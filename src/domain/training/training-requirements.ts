/* Who must be trained, how much and by when (issue 12 §1): pure rules over a described person.
 * Sources: 3号令 (training-hours.ts), standards-facts §9/§10 (training-rules.ts), seed 000 三(二). */
import { addMonths, differenceInCalendarDays, formatISO, parseISO } from 'date-fns';
import type { LocalizedText } from '../../reference/localized-text.js';
import { trainingHoursRules, principalAssessmentWithinMonths, type TrainingHoursRule } from '../../reference/training-hours.js';
import {
  type RuleBasis,
  reassignmentRule,
  returnAfterAbsenceDays,
  seedGroupRule,
  specialCertificateRule,
  threeLevelRule,
  type ThreeLevel,
} from '../../reference/training-rules.js';

export const trainingKinds = [
  'management_initial',
  'management_yearly',
  'three_level_company',
  'three_level_workshop',
  'three_level_team',
  'yearly',
  'reassignment',
  'targeted',
] as const;
export type TrainingKind = (typeof trainingKinds)[number];

export type IndustryScope = 'general' | 'high_risk';

export interface PostChange {
  /** ISO date the person took the new post or came back. */
  date: string;
  kind: 'transfer' | 'return_after_absence';
  /** For a return: how long the person was away. */
  absenceDays?: number;
}

export interface PersonTrainingFacts {
  isManagement: boolean; // 主要负责人 or 安全生产管理人员
  industryScope: IndustryScope;
  /** ISO date; null when unknown (treated as hired before the year). */
  hireDate: string | null;
  postChanges: PostChange[];
  /** Special-operation category codes the person's posts need (special-operations.ts). */
  specialOperations: string[];
  isOnKeyRiskPost: boolean;
  hasNewProcessOrEquipment: boolean;
  isContractorManager: boolean;
  year: number;
}

export type RequirementId =
  | 'management_initial'
  | 'management_yearly'
  | 'three_level'
  | 'yearly'
  | `reassignment:${string}`
  | `certificate:${string}`
  | 'targeted:key_risk_post'
  | 'targeted:new_process'
  | 'targeted:contractor_manager';

export interface TrainingRequirement {
  id: RequirementId;
  title: LocalizedText;
  /** Minimum 学时; null when no rule sets hours (certificates, seed groups). */
  hours: number | null;
  /** ISO date by which it must be done; null: during the year. */
  dueBy: string | null;
  /** Which session kinds count toward it. */
  countedKinds: readonly TrainingKind[];
  /** For the three-level induction: every level must be attended. */
  levels?: readonly ThreeLevel[];
  /** For a certificate: the special-operation category code. */
  certificateCode?: string;
  basis: RuleBasis;
}

const isoDate = (d: Date) => formatISO(d, { representation: 'date' });

function hoursRule(audience: TrainingHoursRule['audience'], scope: IndustryScope): TrainingHoursRule {
  const rule = trainingHoursRules.find((r) => r.audience === audience && r.industryScope === scope);
  if (!rule) throw new Error(`no training-hours rule for ${audience}/${scope}`);
  return rule;
}

const basisOf = (rule: TrainingHoursRule): RuleBasis => ({ document: rule.document, article: rule.article, status: rule.article === '—' ? 'unconfirmed' : 'confirmed' });

/** Hired before 1 January of the year (or unknown): yearly re-training applies that year. */
function isInPostBeforeYear(facts: PersonTrainingFacts): boolean {
  return facts.hireDate === null || facts.hireDate < `${facts.year}-01-01`;
}

export function trainingRequirements(facts: PersonTrainingFacts): TrainingRequirement[] {
  const out: TrainingRequirement[] = [];
  const scope = facts.industryScope;
  if (facts.isManagement) {
    const rule = hoursRule('principal_and_safety_manager', scope);
    // 3号令 第九条 hours; the assessment within 6 months of taking the post (非高危 大纲).
    out.push({
      id: 'management_initial',
      title: { 'zh-CN': `主要负责人、安全生产管理人员初次安全培训（不少于${rule.initialHours}学时）`, 'en-US': `Initial training of principal / safety manager (≥ ${rule.initialHours} h)` },
      hours: rule.initialHours,
      dueBy: facts.hireDate ? isoDate(addMonths(parseISO(facts.hireDate), principalAssessmentWithinMonths)) : null,
      countedKinds: ['management_initial'],
      basis: basisOf(rule),
    });
    if (isInPostBeforeYear(facts)) {
      out.push({
        id: 'management_yearly',
        title: { 'zh-CN': `主要负责人、安全生产管理人员每年再培训（不少于${rule.yearlyHours}学时）`, 'en-US': `Yearly re-training of principal / safety manager (≥ ${rule.yearlyHours} h)` },
        hours: rule.yearlyHours,
        dueBy: `${facts.year}-12-31`,
        countedKinds: trainingKinds,
        basis: basisOf(rule),
      });
    }
  } else {
    const rule = hoursRule('new_worker', scope);
    out.push({
      id: 'three_level',
      title: { 'zh-CN': `新上岗从业人员三级安全教育（厂、车间、班组，合计不少于${rule.initialHours}学时）`, 'en-US': `Three-level induction of a new worker (company, workshop, team; ≥ ${rule.initialHours} h in all)` },
      hours: rule.initialHours,
      dueBy: facts.hireDate,
      countedKinds: ['three_level_company', 'three_level_workshop', 'three_level_team'],
      levels: ['company', 'workshop', 'team'],
      basis: { ...threeLevelRule, article: `${threeLevelRule.article}` },
    });
    if (isInPostBeforeYear(facts)) {
      // High-risk: 3号令 第十三条 20 h a year; general: the 安委 decision's 8 h (its number unconfirmed).
      const yearly = scope === 'high_risk' ? rule : hoursRule('all_staff', 'general');
      out.push({
        id: 'yearly',
        title: { 'zh-CN': `从业人员每年再培训（不少于${yearly.yearlyHours}学时）`, 'en-US': `Yearly re-training of staff (≥ ${yearly.yearlyHours} h)` },
        hours: yearly.yearlyHours,
        dueBy: `${facts.year}-12-31`,
        countedKinds: trainingKinds,
        basis: basisOf(yearly),
      });
    }
  }
  for (const change of facts.postChanges) {
    if (!change.date.startsWith(String(facts.year))) continue;
    const isReturnAfterLongAbsence = change.kind === 'return_after_absence' && (change.absenceDays ?? 0) >= returnAfterAbsenceDays;
    if (change.kind !== 'transfer' && !isReturnAfterLongAbsence) continue;
    out.push({
      id: `reassignment:${change.date}`,
      title:
        change.kind === 'transfer'
          ? { 'zh-CN': '调整工作岗位：重新接受车间级和班组级安全教育', 'en-US': 'Moved to another post: workshop and team induction again' }
          : { 'zh-CN': '离岗一年以上重新上岗：重新接受车间级和班组级安全教育', 'en-US': 'Back after a year or more away: workshop and team induction again' },
      hours: null,
      dueBy: change.date,
      countedKinds: ['reassignment', 'three_level_workshop', 'three_level_team'],
      levels: ['workshop', 'team'],
      basis: reassignmentRule,
    });
  }
  for (const code of facts.specialOperations) {
    out.push({
      id: `certificate:${code}`,
      title: { 'zh-CN': '特种作业操作证（持证上岗）', 'en-US': 'Special-operation certificate (work only with it)' },
      hours: null,
      dueBy: null,
      countedKinds: [],
      certificateCode: code,
      basis: specialCertificateRule,
    });
  }
  const groups: [boolean, RequirementId, LocalizedText][] = [
    [facts.isOnKeyRiskPost, 'targeted:key_risk_post', { 'zh-CN': '关键风险岗位针对性培训', 'en-US': 'Targeted training for a key-risk post' }],
    [facts.hasNewProcessOrEquipment, 'targeted:new_process', { 'zh-CN': '新工艺、新技术、新材料、新设备针对性培训', 'en-US': 'Targeted training on a new process, technology, material or equipment' }],
    [facts.isContractorManager, 'targeted:contractor_manager', { 'zh-CN': '相关方（承包商）管理人员培训', 'en-US': 'Training of contractor managers' }],
  ];
  for (const [applies, id, title] of groups) {
    if (applies) out.push({ id, title, hours: null, dueBy: null, countedKinds: ['targeted'], basis: seedGroupRule });
  }
  return out;
}

/** Whether a return to work counts as "离岗一年以上" (inclusive). */
export function isLongAbsence(awayFrom: string, backOn: string): boolean {
  return differenceInCalendarDays(parseISO(backOn), parseISO(awayFrom)) >= returnAfterAbsenceDays;
}

