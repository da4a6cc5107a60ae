/* Differentiated supervision (issue 17 item 6): the grade A/B/C/D of an enterprise from its facts and
 * the county's rules (src/reference/supervision-grade-rules.ts), with the reasons; and whether it is on
 * the county's inspection priority list of a month. Pure. */
import { supervisionFactLabels, type SupervisionFactKey, type SupervisionRule, type SupervisionRules } from '../../reference/supervision-grade-rules.js';

export type Grade = 'A' | 'B' | 'C' | 'D';
export type SupervisionFacts = Record<SupervisionFactKey, number | null>;
export interface GradeReason {
  rule: string;
  grade: Grade;
  text: { 'zh-CN': string; 'en-US': string };
}

const order: Grade[] = ['A', 'B', 'C', 'D'];
const worse = (a: Grade, b: Grade): Grade => (order.indexOf(a) >= order.indexOf(b) ? a : b);

function fires(rule: SupervisionRule, value: number | null): boolean {
  if (value === null) return rule.whenMissing === true;
  return rule.op === 'atLeast' ? value >= rule.threshold : value < rule.threshold;
}

function reasonOf(rule: SupervisionRule, value: number | null): GradeReason {
  const label = supervisionFactLabels[rule.fact];
  const shown = value === null ? { zh: '无记录', en: 'none on record' } : { zh: `${value}${label.unit}`, en: `${value}${label.unit}` };
  const cmpZh = rule.op === 'atLeast' ? '≥' : '<';
  return {
    rule: rule.id,
    grade: rule.grade,
    text: {
      'zh-CN': `${label['zh-CN']}：${shown.zh}（${cmpZh} ${rule.threshold}${label.unit} → ${rule.grade}）`,
      'en-US': `${label['en-US']}: ${shown.en} (${cmpZh} ${rule.threshold}${label.unit} → ${rule.grade})`,
    },
  };
}

/** The worst grade of the rules that fire (A when none fires), with one reason per fired rule, worst first. */
export function gradeEnterprise(facts: SupervisionFacts, rules: SupervisionRules): { grade: Grade; reasons: GradeReason[] } {
  let grade: Grade = 'A';
  const reasons: GradeReason[] = [];
  for (const rule of rules.rules) {
    const value = facts[rule.fact];
    if (!fires(rule, value)) continue;
    grade = worse(grade, rule.grade);
    reasons.push(reasonOf(rule, value));
  }
  reasons.sort((a, b) => order.indexOf(b.grade) - order.indexOf(a.grade));
  return { grade, reasons };
}

/** A stable number 0..n-1 from the enterprise id, so the yearly round spreads over the months. */
function slot(id: string, n: number): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % n;
}

/**
 * Is the enterprise due on the county's inspection list of `month` (1–12)? Every `inspectEveryMonths[grade]`
 * months, at a month fixed by its id; 示范 enterprises graded A or B are left off when the rules say so.
 */
export function isOnPriorityList(input: { enterpriseId: string; grade: Grade; isDemonstration: boolean }, month: number, rules: SupervisionRules): boolean {
  if (input.isDemonstration && rules.demonstrationSkipsRoutine && (input.grade === 'A' || input.grade === 'B')) return false;
  const every = Math.max(1, Math.round(rules.inspectEveryMonths[input.grade]));
  return (month - 1) % every === slot(input.enterpriseId, every);
}
