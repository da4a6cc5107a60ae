/* From a feature's indicator figures to a proposed deduction with its reason (issue 16 §3: the
 * assessor confirms or overrides it with a note). Pure; the figures come from each feature's own
 * indicator function. How a rate short of 100 % becomes points ("每低于十个百分点扣 N 分", counted in
 * whole steps of ten) is the starter sheet's rule and NOT FROM THE SEED. */
import type { LocalizedText } from '../../reference/localized-text';
import { deductionFromRules } from './scoring';

export interface Proposal {
  evidence: LocalizedText[];
  /** null: the product holds no figure for this item; the assessor scores it. */
  proposedDeduction: number | null;
  reason: LocalizedText;
  isVetoFired: boolean;
}

export const listed = (names: readonly string[], max = 8) => (names.length > max ? `${names.slice(0, max).join('、')} 等 ${names.length} 个` : names.join('、'));
const listedEn = (names: readonly string[], max = 8) => (names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', '));
const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** "每缺一个…扣 N 分": one rule application per missing thing, capped at the item. */
export function proposePerMissing(
  item: { points: number },
  rulePoints: number,
  missing: readonly string[],
  what: LocalizedText,
  evidence: LocalizedText[],
): Proposal {
  if (missing.length === 0) {
    return { evidence, proposedDeduction: 0, reason: { 'zh-CN': `${what['zh-CN']}：无缺项`, 'en-US': `${what['en-US']}: none missing` }, isVetoFired: false };
  }
  const deduction = deductionFromRules(item.points, [{ points: rulePoints, times: missing.length }]);
  return {
    evidence,
    proposedDeduction: deduction,
    reason: {
      'zh-CN': `${what['zh-CN']}缺 ${missing.length} 个（${listed(missing)}），每个扣 ${rulePoints} 分，建议扣 ${deduction} 分`,
      'en-US': `${what['en-US']}: ${missing.length} missing (${listedEn(missing)}), ${rulePoints} each, proposed deduction ${deduction}`,
    },
    isVetoFired: false,
  };
}

/** Whole steps of ten percentage points below 100 %. 0.85 → 1; 0.8 → 2; 1 → 0; no figure → 0. */
export function tenPointStepsShort(rate: number | null): number {
  if (rate === null) return 0;
  const shortBy = Math.round((1 - Math.min(1, Math.max(0, rate))) * 1000); // in tenths of a percent
  return Math.floor(shortBy / 100);
}

/** "每低于 100% 十个百分点扣 N 分", plus "每一项 … 扣 M 分" for things counted one by one. */
export function proposeFromRate(
  item: { points: number },
  rate: number | null,
  stepPoints: number,
  what: LocalizedText,
  perEach: { count: number; points: number; what: LocalizedText } | null,
  evidence: LocalizedText[],
): Proposal {
  const steps = tenPointStepsShort(rate);
  const applied = [{ points: stepPoints, times: steps }, ...(perEach ? [{ points: perEach.points, times: perEach.count }] : [])];
  const deduction = deductionFromRules(item.points, applied);
  const zh: string[] = [];
  const en: string[] = [];
  if (rate === null) {
    zh.push(`评价期内无${what['zh-CN']}数据`);
    en.push(`no ${what['en-US']} figures in the period`);
  } else {
    zh.push(`${what['zh-CN']} ${pct(rate)}${steps ? `，低于 100% ${steps} 个十个百分点，扣 ${steps * stepPoints} 分` : ''}`);
    en.push(`${what['en-US']} ${pct(rate)}${steps ? `, ${steps} ten-point step(s) below 100%, ${steps * stepPoints} points` : ''}`);
  }
  if (perEach && perEach.count > 0) {
    zh.push(`${perEach.what['zh-CN']} ${perEach.count} 项，每项扣 ${perEach.points} 分`);
    en.push(`${perEach.count} ${perEach.what['en-US']}, ${perEach.points} each`);
  }
  return {
    evidence,
    proposedDeduction: deduction,
    reason: { 'zh-CN': `${zh.join('；')}；建议扣 ${deduction} 分`, 'en-US': `${en.join('; ')}; proposed deduction ${deduction}` },
    isVetoFired: false,
  };
}

/** A veto item fires when the product holds the condition (e.g. a major hazard not yet remediated). */
export function proposeVeto(count: number, what: LocalizedText, evidence: LocalizedText[]): Proposal {
  return {
    evidence,
    proposedDeduction: 0,
    reason:
      count > 0
        ? { 'zh-CN': `存在${what['zh-CN']} ${count} 项，否决项成立，不能评定等级`, 'en-US': `${count} ${what['en-US']}: the veto applies, no grade can be given` }
        : { 'zh-CN': `无${what['zh-CN']}`, 'en-US': `no ${what['en-US']}` },
    isVetoFired: count > 0,
  };
}
