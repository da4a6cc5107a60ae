import type { RiskLevel } from '../domain/risk/risk-level';
import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// Score → level mappings. Sources disagree (standards-facts §3, §4: VARIANT), so the product ships
// named profiles and records which one produced every evaluation (/work/shared/reference/README.md).
export const source: ReferenceSource = {
  standard: 'LEC / LS score-to-level mappings (DB37/T 2882-2016, DB37/T 2974-2017 tables not retrieved)',
  edition: 'profiles v1',
  title: { 'zh-CN': '风险分级判定准则（可选方案）', 'en-US': 'Risk level banding profiles (selectable)' },
  status: 'variant',
  notes: [
    'Defaults: lec-common and ls-common, as decided in reference/README.md.',
    'The Shandong DB37 工贸 tables are UNCONFIRMED; verify against the official text before relying on a profile.',
  ],
  urls: [],
};

export type RiskColour = 'red' | 'orange' | 'yellow' | 'blue';

export const levelColours: Readonly<Record<RiskLevel, RiskColour>> = {
  major: 'red',
  significant: 'orange',
  general: 'yellow',
  low: 'blue',
};

export const riskLevelLabels: Readonly<Record<RiskLevel, LocalizedText>> = {
  major: { 'zh-CN': '重大风险', 'en-US': 'Major risk' },
  significant: { 'zh-CN': '较大风险', 'en-US': 'Significant risk' },
  general: { 'zh-CN': '一般风险', 'en-US': 'General risk' },
  low: { 'zh-CN': '低风险', 'en-US': 'Low risk' },
};

export const riskColourLabels: Readonly<Record<RiskColour, LocalizedText>> = {
  red: { 'zh-CN': '红', 'en-US': 'Red' },
  orange: { 'zh-CN': '橙', 'en-US': 'Orange' },
  yellow: { 'zh-CN': '黄', 'en-US': 'Yellow' },
  blue: { 'zh-CN': '蓝', 'en-US': 'Blue' },
};

export type ScoredMethod = 'LEC' | 'LS';

/** A half-open or closed score interval; null min/max means unbounded on that side. */
export type ScoreBand = {
  readonly level: RiskLevel;
  readonly min: number | null;
  readonly minInclusive: boolean;
  readonly max: number | null;
  readonly maxInclusive: boolean;
  /** Descriptor shown beside the level, e.g. the classic LEC 危险程度. */
  readonly label?: LocalizedText;
};

export const riskProfileIds = [
  'lec-common',
  'lec-variant-a',
  'lec-variant-b',
  'ls-common',
  'ls-variant-a',
  'ls-variant-b',
] as const;

export type RiskProfileId = (typeof riskProfileIds)[number];

export type RiskProfile = {
  readonly id: RiskProfileId;
  readonly method: ScoredMethod;
  readonly isDefault: boolean;
  readonly label: LocalizedText;
  /** Ordered from the highest level to the lowest; together they cover every score the tables produce. */
  readonly bands: readonly ScoreBand[];
  readonly sourceNote: string;
};

const band = (
  level: RiskLevel,
  min: number | null,
  minInclusive: boolean,
  max: number | null,
  maxInclusive: boolean,
  label?: LocalizedText,
): ScoreBand => (label === undefined
  ? { level, min, minInclusive, max, maxInclusive }
  : { level, min, minInclusive, max, maxInclusive, label });

const lecLabels = {
  extreme: { 'zh-CN': '极其危险，不能继续作业', 'en-US': 'Extremely dangerous, stop work' },
  high: { 'zh-CN': '高度危险，要立即整改', 'en-US': 'Highly dangerous, rectify at once' },
  notable: { 'zh-CN': '显著危险，需要整改', 'en-US': 'Significantly dangerous, needs rectification' },
  moderate: { 'zh-CN': '一般危险，需要注意', 'en-US': 'Moderately dangerous, needs attention' },
  slight: { 'zh-CN': '稍有危险，可以接受', 'en-US': 'Slightly dangerous, acceptable' },
  lowOrSlight: { 'zh-CN': '一般危险或稍有危险', 'en-US': 'Moderately or slightly dangerous' },
} as const satisfies Record<string, LocalizedText>;

export const riskProfiles: Readonly<Record<RiskProfileId, RiskProfile>> = {
  'lec-common': {
    id: 'lec-common',
    method: 'LEC',
    isDefault: true,
    label: { 'zh-CN': 'LEC 通用（默认）', 'en-US': 'LEC common (default)' },
    bands: [
      band('major', 320, false, null, false, lecLabels.extreme),
      band('significant', 160, true, 320, true, lecLabels.high),
      band('general', 70, true, 160, false, lecLabels.notable),
      band('low', null, false, 70, false, lecLabels.lowOrSlight),
    ],
    sourceNote:
      'reference/README.md default: D > 320 重大; 160 ≤ D ≤ 320 较大; 70 ≤ D < 160 一般; D < 70 低 (standards-facts §3 variant C, not found in a retrieved source).',
  },
  'lec-variant-a': {
    id: 'lec-variant-a',
    method: 'LEC',
    isDefault: false,
    label: { 'zh-CN': 'LEC 方案A（稍有危险单列）', 'en-US': 'LEC variant A (slight danger shown apart)' },
    bands: [
      band('major', 320, false, null, false, lecLabels.extreme),
      band('significant', 160, true, 320, true, lecLabels.high),
      // Source writes 70–159 and 20–69; no L×E×C product lies in (159,160) or (69,70).
      band('general', 70, true, 160, false, lecLabels.notable),
      band('low', 20, true, 70, false, lecLabels.moderate),
      // Source: < 20 稍有危险 "不定级"; README decides it is still graded 低.
      band('low', null, false, 20, false, lecLabels.slight),
    ],
    sourceNote:
      'standards-facts §3 variant A (https://m.001doc.com/doc/150567.html): >320 一级, 160–320 二级, 70–159 三级, 20–69 四级; < 20 稍有危险 graded 低 per reference/README.md.',
  },
  'lec-variant-b': {
    id: 'lec-variant-b',
    method: 'LEC',
    isDefault: false,
    label: { 'zh-CN': 'LEC 方案B（D≥160 为重大）', 'en-US': 'LEC variant B (D ≥ 160 is major)' },
    bands: [
      band('major', 160, true, null, false),
      band('significant', 70, true, 160, false),
      band('general', 20, true, 70, false),
      band('low', null, false, 20, false),
    ],
    sourceNote:
      'standards-facts §3 variant B (two public GitHub implementations): 160 and above 重大, 70–160 较大, 20–70 一般, < 20 低; 160 inclusive per reference/README.md ("D ≥ 160").',
  },
  'ls-common': {
    id: 'ls-common',
    method: 'LS',
    isDefault: true,
    label: { 'zh-CN': 'LS 通用（默认）', 'en-US': 'LS common (default)' },
    bands: [
      band('major', 20, true, 25, true),
      band('significant', 15, true, 16, true),
      band('general', 9, true, 12, true),
      band('low', 1, true, 8, true),
    ],
    sourceNote:
      'reference/README.md default: 20–25 重大; 15–16 较大; 9–12 一般; 1–8 低 (standards-facts §4 variant C, commonly cited for Shandong, not found in a retrieved source).',
  },
  'ls-variant-a': {
    id: 'ls-variant-a',
    method: 'LS',
    isDefault: false,
    label: { 'zh-CN': 'LS 方案A', 'en-US': 'LS variant A' },
    bands: [
      band('major', 20, true, 25, true),
      band('significant', 15, true, 16, true),
      band('general', 6, true, 12, true),
      band('low', 1, true, 5, true),
    ],
    sourceNote: 'standards-facts §4 variant A (public GitHub code): 20–25 / 15–16 / 6–12 / 1–5.',
  },
  'ls-variant-b': {
    id: 'ls-variant-b',
    method: 'LS',
    isDefault: false,
    label: { 'zh-CN': 'LS 方案B', 'en-US': 'LS variant B' },
    bands: [
      band('major', 20, true, 25, true),
      band('significant', 9, true, 16, true),
      band('general', 4, true, 8, true),
      band('low', 1, true, 3, true),
    ],
    sourceNote:
      'standards-facts §4 variant B (coal-mine style table, http://zgmkw.com/doc-30900.html): 20–25 / 9–16 / 4–8 / 1–3.',
  },
};

export const defaultRiskProfileIds: Readonly<Record<ScoredMethod, RiskProfileId>> = {
  LEC: 'lec-common',
  LS: 'ls-common',
};

export function isRiskProfileId(value: unknown): value is RiskProfileId {
  return typeof value === 'string' && (riskProfileIds as readonly string[]).includes(value);
}

export function findRiskProfile(id: string): RiskProfile | null {
  return isRiskProfileId(id) ? riskProfiles[id] : null;
}

export function isScoreInBand(score: number, b: ScoreBand): boolean {
  const aboveMin = b.min === null || (b.minInclusive ? score >= b.min : score > b.min);
  const belowMax = b.max === null || (b.maxInclusive ? score <= b.max : score < b.max);
  return aboveMin && belowMax;
}

/** The first band (highest level first) containing the score, or null if the profile has a gap there. */
export function findBandForScore(profile: RiskProfile, score: number): ScoreBand | null {
  return profile.bands.find((b) => isScoreInBand(score, b)) ?? null;
}
