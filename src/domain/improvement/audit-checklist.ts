/* Internal audit (内部审核, seed 000 四(二)): the checklist generated from the system's elements, the
 * audit's focus (high-risk work, equipment, qualifications) and the enterprise's own major and
 * significant risks; findings and the report's tallies. Pure. */
import { auditFocus, ohsmsElements } from '../../reference/management/ohsms-elements.js';
import type { Locale } from '../../i18n/locale.js';

export const findingKinds = ['conformity', 'nonconformity', 'observation'] as const;
export type FindingKind = (typeof findingKinds)[number];

export const auditConclusions = ['conforming', 'partly_conforming', 'nonconforming'] as const;
export type AuditConclusion = (typeof auditConclusions)[number];

export interface ChecklistItem {
  key: string;
  element: string;
  question: string;
}

export interface HighRiskWork {
  riskId: string;
  postName: string;
  objectName: string;
  level: 'major' | 'significant';
}

/** Elements, the three focus items, then one item per major/significant risk (major first). */
export function generateChecklist(highRisk: readonly HighRiskWork[], locale: Locale): ChecklistItem[] {
  const base = [...ohsmsElements, ...auditFocus].map((e) => ({ key: e.key, element: locale === 'zh-CN' ? `${e.label[locale]}（${e.section}）` : `${e.label[locale]} (${e.section})`, question: e.question[locale] }));
  const levelText = { major: { 'zh-CN': '重大风险', 'en-US': 'major risk' }, significant: { 'zh-CN': '较大风险', 'en-US': 'significant risk' } };
  const risks = [...highRisk]
    .sort((a, b) => (a.level === b.level ? a.postName.localeCompare(b.postName) : a.level === 'major' ? -1 : 1))
    .map((r) => ({
      key: `risk.${r.riskId}`,
      element: `${levelText[r.level][locale]}：${r.postName} · ${r.objectName}`,
      question: locale === 'zh-CN' ? '管控措施和专项管控方案是否落实，排查是否按期进行？' : 'Are its controls and special control plan in place and its inspections done on time?',
    }));
  return [...base, ...risks];
}

export interface FindingTally {
  conformity: number;
  nonconformity: number;
  observation: number;
  /** Checklist items with no finding yet. */
  unchecked: number;
}

export function tallyFindings(checklist: readonly Pick<ChecklistItem, 'key'>[], findings: readonly { kind: FindingKind; checklistKey: string | null }[]): FindingTally {
  const t = { conformity: 0, nonconformity: 0, observation: 0 };
  for (const f of findings) t[f.kind] += 1;
  const covered = new Set(findings.map((f) => f.checklistKey).filter(Boolean));
  return { ...t, unchecked: checklist.filter((c) => !covered.has(c.key)).length };
}

/** The conclusion the findings suggest (the auditor decides): no nonconformity → conforming; any → partly; half or more of the judged items → nonconforming. */
export function suggestedConclusion(t: FindingTally): AuditConclusion {
  if (t.nonconformity === 0) return 'conforming';
  const judged = t.conformity + t.nonconformity;
  return t.nonconformity * 2 >= judged ? 'nonconforming' : 'partly_conforming';
}
