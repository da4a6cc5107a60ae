/*
 * The management review's inputs (管理评审, seed 000 四(二)) and the periodic evaluation of the dual
 * prevention mechanism (seed 001 第三条（五）), pre-filled from the figures other features compute
 * (their indicator functions) and stored as a snapshot. A source the product does not record yet is
 * null and shows as "not recorded" — never as zero. Pure.
 */
import type { Locale } from '../../i18n/locale.js';

export const reviewKinds = ['management', 'dual_prevention'] as const;
export type ReviewKind = (typeof reviewKinds)[number];
export const reviewTriggers = ['yearly', 'event'] as const;

type Rate = number | null;

export interface ReviewSources {
  period: { from: string; to: string };
  objectives: { name: string; comparison: 'gte' | 'lte'; target: number; value: number | null; unit: string; state: string }[] | null;
  audits: { audits: number; reported: number; conformity: number; nonconformity: number; observation: number; lastConclusion: string | null } | null;
  compliance: { lawsRegistered: number; complianceEvaluated: number; complianceNonCompliant: number; complianceNotEvaluated: number } | null;
  hazards: { found: number; fixed: number; onTimeRectificationRate: Rate; open: number; openMajor: number; overdue: number } | null;
  inspections: { tasks: number; completionRate: Rate; postsWithoutList: number } | null;
  accidents: { accidents: number; nearMisses: number; deaths: number; seriousInjuries: number; minorInjuries: number } | null;
  capa: { raised: number; open: number; effective: number; ineffective: number; overdueActions: number } | null;
  training: { people: number; peopleCompliant: number; complianceRate: Rate; certificates: number; certificatesValid: number } | null;
  drills: { drillsHeld: number; drillsReviewed: number; plansInForce: number } | null;
  changes: { requested: number; implemented: number; open: number } | null;
  /** Workers' suggestions as the product records them: consultations (员工协商) held, the measures decided there and those done. */
  suggestions: { consultations: number; actions: number; actionsDone: number } | null;
  risks: { posts: number; postsWithoutRisk: number; acceptedRisks: number; dueForReview: number; uncontrolled: number } | null;
}

export interface InputLine {
  label: string;
  value: string;
}
export interface InputSection {
  key: string;
  title: string;
  /** null: the product holds no such records (yet) — shown as "not recorded". */
  lines: InputLine[] | null;
}

const pct = (r: Rate) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const tr = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);

export const notRecorded = { 'zh-CN': '未记录（系统中尚无此类记录）', 'en-US': 'Not recorded (the product holds no such records yet)' } as const;

/** The management review's input sections, in the order of the list. */
export function managementReviewSections(s: ReviewSources, locale: Locale): InputSection[] {
  const L = (zh: string, en: string, value: string | number): InputLine => ({ label: tr(locale, zh, en), value: String(value) });
  const section = <T>(key: string, zh: string, en: string, src: T | null, lines: (v: T) => InputLine[]): InputSection => ({ key, title: tr(locale, zh, en), lines: src === null ? null : lines(src) });
  const stateText: Record<string, [string, string]> = { met: ['已达成', 'met'], on_track: ['进度正常', 'on track'], slipping: ['进度落后', 'slipping'], no_data: ['暂无数据', 'no data'] };
  return [
    section('objectives', '目标完成情况', 'Objectives against target', s.objectives, (o) =>
      o.map((x) => L(x.name, x.name, `${x.value ?? '—'} / ${x.comparison === 'gte' ? '≥' : '≤'} ${x.target} ${x.unit}（${tr(locale, ...(stateText[x.state] ?? [x.state, x.state]))}）`)),
    ),
    section('audits', '内部审核结果', 'Internal audit results', s.audits, (a) => [
      L('审核次数（已发布报告）', 'Audits (reported)', `${a.audits}（${a.reported}）`),
      L('符合 / 不符合 / 观察项', 'Conformities / nonconformities / observations', `${a.conformity} / ${a.nonconformity} / ${a.observation}`),
      L('最近一次结论', 'Last conclusion', a.lastConclusion ?? '—'),
    ]),
    section('compliance', '合规性评价', 'Compliance evaluation', s.compliance, (c) => [
      L('登记的法律法规', 'Laws registered', c.lawsRegistered),
      L('已评价 / 不符合 / 未评价', 'Evaluated / non-compliant / not evaluated', `${c.complianceEvaluated} / ${c.complianceNonCompliant} / ${c.complianceNotEvaluated}`),
    ]),
    section('hazards', '隐患排查治理', 'Hazards', s.hazards, (h) => [
      L('发现 / 整改', 'Found / rectified', `${h.found} / ${h.fixed}`),
      L('按期整改率', 'Rectified on time', pct(h.onTimeRectificationRate)),
      L('未整改（其中重大）/ 逾期', 'Open (major) / overdue', `${h.open}（${h.openMajor}）/ ${h.overdue}`),
    ]),
    section('inspections', '排查任务', 'Inspections', s.inspections, (i) => [L('任务数', 'Tasks', i.tasks), L('完成率', 'Completion', pct(i.completionRate))]),
    section('accidents', '事故和未遂事件', 'Accidents and near misses', s.accidents, (a) => [
      L('事故 / 未遂事件', 'Accidents / near misses', `${a.accidents} / ${a.nearMisses}`),
      L('死亡 / 重伤 / 轻伤', 'Deaths / serious / minor injuries', `${a.deaths} / ${a.seriousInjuries} / ${a.minorInjuries}`),
    ]),
    section('capa', '纠正预防措施状态', 'Corrective actions', s.capa, (c) => [
      L('期间登记 / 有效关闭', 'Raised / closed effective', `${c.raised} / ${c.effective}`),
      L('未关闭 / 验证无效 / 逾期措施', 'Open / ineffective / overdue actions', `${c.open} / ${c.ineffective} / ${c.overdueActions}`),
    ]),
    section('training', '教育培训', 'Training', s.training, (t) => [
      L('学时达标人数', 'People meeting their hours', `${t.peopleCompliant} / ${t.people}（${pct(t.complianceRate)}）`),
      L('有效证书', 'Valid certificates', `${t.certificatesValid} / ${t.certificates}`),
    ]),
    section('drills', '应急演练', 'Drills', s.drills, (d) => [L('演练 / 已评估', 'Held / reviewed', `${d.drillsHeld} / ${d.drillsReviewed}`), L('现行预案', 'Plans in force', d.plansInForce)]),
    section('changes', '变更', 'Changes', s.changes, (c) => [L('申请 / 已实施 / 未关闭', 'Requested / implemented / open', `${c.requested} / ${c.implemented} / ${c.open}`)]),
    section('suggestions', '员工建议', "Workers' suggestions", s.suggestions, (c) => [
      L('员工协商次数', 'Consultations with workers', c.consultations),
      L('形成的措施 / 已落实', 'Measures decided / done', `${c.actions} / ${c.actionsDone}`),
    ]),
  ];
}

/** The dual prevention mechanism's evaluation (seed 001 第三条（五）): coverage, lists, tasks, hazards, risks re-evaluated. */
export function dualPreventionSections(s: ReviewSources, locale: Locale): InputSection[] {
  const L = (zh: string, en: string, value: string | number): InputLine => ({ label: tr(locale, zh, en), value: String(value) });
  const r = s.risks;
  return [
    { key: 'coverage', title: tr(locale, '岗位覆盖', 'Coverage of posts'), lines: r ? [L('已辨识风险的岗位', 'Posts with identified risks', `${r.posts - r.postsWithoutRisk} / ${r.posts}`), L('在控风险 / 失控风险', 'Risks / not controlled', `${r.acceptedRisks} / ${r.uncontrolled}`)] : null },
    { key: 'lists', title: tr(locale, '清单发布', 'Lists published'), lines: r && s.inspections ? [L('已发布排查清单的岗位', 'Posts with a published list', `${r.posts - s.inspections.postsWithoutList} / ${r.posts}`)] : null },
    { key: 'tasks', title: tr(locale, '排查任务完成', 'Task completion'), lines: s.inspections ? [L('任务数 / 完成率', 'Tasks / completion', `${s.inspections.tasks} / ${pct(s.inspections.completionRate)}`)] : null },
    { key: 'hazards', title: tr(locale, '隐患闭环', 'Hazards closed'), lines: s.hazards ? [L('发现 / 整改 / 按期率', 'Found / rectified / on time', `${s.hazards.found} / ${s.hazards.fixed} / ${pct(s.hazards.onTimeRectificationRate)}`), L('未整改重大隐患', 'Open major hazards', s.hazards.openMajor)] : null },
    { key: 'reevaluation', title: tr(locale, '风险再评价', 'Risks re-evaluated'), lines: r ? [L('待重新评价的风险', 'Risks awaiting re-evaluation', r.dueForReview)] : null },
  ];
}

/** Findings the figures suggest for the dual prevention evaluation (the evaluators confirm or add). */
export function suggestedDualPreventionFindings(s: ReviewSources, locale: Locale): string[] {
  const out: string[] = [];
  const r = s.risks;
  if (r && r.postsWithoutRisk > 0) out.push(tr(locale, `${r.postsWithoutRisk} 个岗位尚未辨识风险`, `${r.postsWithoutRisk} post(s) have no identified risk`));
  if (r && r.uncontrolled > 0) out.push(tr(locale, `${r.uncontrolled} 项风险管控措施不全`, `${r.uncontrolled} risk(s) not fully controlled`));
  if (s.inspections && s.inspections.postsWithoutList > 0) out.push(tr(locale, `${s.inspections.postsWithoutList} 个岗位排查清单未发布`, `${s.inspections.postsWithoutList} post(s) without a published list`));
  if (s.inspections?.completionRate != null && s.inspections.completionRate < 0.9) out.push(tr(locale, `排查任务完成率 ${pct(s.inspections.completionRate)}，低于 90%`, `Task completion ${pct(s.inspections.completionRate)}, below 90%`));
  if (s.hazards && s.hazards.openMajor > 0) out.push(tr(locale, `${s.hazards.openMajor} 项重大隐患未整改`, `${s.hazards.openMajor} major hazard(s) open`));
  if (s.hazards?.onTimeRectificationRate != null && s.hazards.onTimeRectificationRate < 1) out.push(tr(locale, `隐患按期整改率 ${pct(s.hazards.onTimeRectificationRate)}`, `Hazards rectified on time ${pct(s.hazards.onTimeRectificationRate)}`));
  if (r && r.dueForReview > 0) out.push(tr(locale, `${r.dueForReview} 项风险待重新评价`, `${r.dueForReview} risk(s) await re-evaluation`));
  return out;
}
