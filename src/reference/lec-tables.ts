import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// 作业条件危险性评价法 (Graham–Kinney), D = L × E × C (standards-facts §3, value tables CONFIRMED).
export const source: ReferenceSource = {
  standard: 'LEC (Graham–Kinney)',
  edition: 'classic tables',
  title: { 'zh-CN': '作业条件危险性评价法（LEC）', 'en-US': 'Job hazard evaluation (LEC) method' },
  status: 'confirmed',
  notes: [
    'L, E, C value tables identical in several sources.',
    'Some sources word C as 10人以上死亡 / 3～9人死亡 / 1～2人死亡 / 严重伤害 / 致残 / 轻伤 (see altLabel); site-specific money thresholds are not part of the classic table.',
    'D bands: boundary inclusivity differs between sources; the D → level mapping is a selectable profile (risk-profiles.ts).',
  ],
  urls: ['https://m.docduoduo.com/p-8489741.html', 'https://m.zixin.com.cn/doc/3134728.html'],
};

export type LecFactor = 'L' | 'E' | 'C';

export type LecTableEntry = {
  readonly value: number;
  readonly label: LocalizedText;
  readonly altLabel?: LocalizedText;
};

export const lecLikelihood: readonly LecTableEntry[] = [
  { value: 10, label: { 'zh-CN': '完全可以预料', 'en-US': 'Fully expected' } },
  { value: 6, label: { 'zh-CN': '相当可能', 'en-US': 'Quite possible' } },
  { value: 3, label: { 'zh-CN': '可能，但不经常', 'en-US': 'Possible but unusual' } },
  { value: 1, label: { 'zh-CN': '可能性小，完全意外', 'en-US': 'Unlikely, a pure accident' } },
  { value: 0.5, label: { 'zh-CN': '很不可能，可以设想', 'en-US': 'Very unlikely but conceivable' } },
  { value: 0.2, label: { 'zh-CN': '极不可能', 'en-US': 'Extremely unlikely' } },
  { value: 0.1, label: { 'zh-CN': '实际不可能', 'en-US': 'Practically impossible' } },
];

export const lecExposure: readonly LecTableEntry[] = [
  { value: 10, label: { 'zh-CN': '连续暴露', 'en-US': 'Continuous exposure' } },
  { value: 6, label: { 'zh-CN': '每天工作时间内暴露', 'en-US': 'Exposed daily during working hours' } },
  { value: 3, label: { 'zh-CN': '每周一次或偶然暴露', 'en-US': 'Weekly or occasional exposure' } },
  { value: 2, label: { 'zh-CN': '每月一次暴露', 'en-US': 'Monthly exposure' } },
  { value: 1, label: { 'zh-CN': '每年几次暴露', 'en-US': 'A few times a year' } },
  { value: 0.5, label: { 'zh-CN': '非常罕见地暴露', 'en-US': 'Very rare exposure' } },
];

export const lecConsequence: readonly LecTableEntry[] = [
  {
    value: 100,
    label: { 'zh-CN': '大灾难，许多人死亡', 'en-US': 'Catastrophe, many deaths' },
    altLabel: { 'zh-CN': '10人以上死亡', 'en-US': '10 or more deaths' },
  },
  {
    value: 40,
    label: { 'zh-CN': '灾难，数人死亡', 'en-US': 'Disaster, several deaths' },
    altLabel: { 'zh-CN': '3～9人死亡', 'en-US': '3 to 9 deaths' },
  },
  {
    value: 15,
    label: { 'zh-CN': '非常严重，一人死亡', 'en-US': 'Very serious, one death' },
    altLabel: { 'zh-CN': '1～2人死亡', 'en-US': '1 to 2 deaths' },
  },
  {
    value: 7,
    label: { 'zh-CN': '严重，重伤', 'en-US': 'Serious, serious injury' },
    altLabel: { 'zh-CN': '严重伤害', 'en-US': 'Serious harm' },
  },
  {
    value: 3,
    label: { 'zh-CN': '重大，伤残', 'en-US': 'Considerable, disability' },
    altLabel: { 'zh-CN': '致残', 'en-US': 'Disabling' },
  },
  {
    value: 1,
    label: { 'zh-CN': '引人注目，需要救护', 'en-US': 'Noticeable, needs first aid' },
    altLabel: { 'zh-CN': '轻伤', 'en-US': 'Minor injury' },
  },
];

export const lecTables: Readonly<Record<LecFactor, readonly LecTableEntry[]>> = {
  L: lecLikelihood,
  E: lecExposure,
  C: lecConsequence,
};

export const lecFactorLabels: Readonly<Record<LecFactor, LocalizedText>> = {
  L: { 'zh-CN': '事故发生的可能性', 'en-US': 'Likelihood of an accident' },
  E: { 'zh-CN': '暴露于危险环境的频繁程度', 'en-US': 'Frequency of exposure to the hazard' },
  C: { 'zh-CN': '发生事故可能造成的后果', 'en-US': 'Possible consequence of an accident' },
};

/** The classic five D bands (危险程度), CONFIRMED; the four-level mapping lives in risk-profiles.ts. */
export const lecDangerDescriptions: readonly { readonly range: string; readonly label: LocalizedText }[] = [
  { range: '> 320', label: { 'zh-CN': '极其危险，不能继续作业', 'en-US': 'Extremely dangerous, stop work' } },
  { range: '160–320', label: { 'zh-CN': '高度危险，要立即整改', 'en-US': 'Highly dangerous, rectify at once' } },
  { range: '70–160', label: { 'zh-CN': '显著危险，需要整改', 'en-US': 'Significantly dangerous, needs rectification' } },
  { range: '20–70', label: { 'zh-CN': '一般危险，需要注意', 'en-US': 'Moderately dangerous, needs attention' } },
  { range: '< 20', label: { 'zh-CN': '稍有危险，可以接受', 'en-US': 'Slightly dangerous, acceptable' } },
];

export function isLecTableValue(factor: LecFactor, value: number): boolean {
  return lecTables[factor].some((entry) => entry.value === value);
}

export function findLecTableEntry(factor: LecFactor, value: number): LecTableEntry | null {
  return lecTables[factor].find((entry) => entry.value === value) ?? null;
}
