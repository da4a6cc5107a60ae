import type { LocalizedText } from '../localized-text';
import type { ReferenceSource } from '../reference-source';

// Grading regimes vary (standards-facts §8: VARIANT), so they are named, selectable profiles and every
// assessment records the one it used (reference/README.md "Defaults where sources vary").
export const source: ReferenceSource = {
  standard: 'Seed 004; 安监总管四〔2011〕84号《全国冶金等工贸企业安全生产标准化考评办法》',
  edition: 'profiles v1',
  title: { 'zh-CN': '安全生产标准化等级判定方案', 'en-US': 'Standardization grading profiles' },
  status: 'variant',
  notes: [
    'seed004-1000 (default): seed 004 — 1,000 points, grade 1 ≥ 900, grade 2 ≥ 800, grade 3 ≥ 600, below 600 no grade.',
    'aqjg2011-100: 100-point scale, ≥ 90 / ≥ 75 / ≥ 60 (CONFIRMED from a garbled copy; document number UNCONFIRMED).',
    'Rounding (half up, one decimal on the profile scale) is not from the seed: the seed and the sources are silent.',
    'The 2021 定级办法 thresholds are UNCONFIRMED and not shipped.',
  ],
  urls: ['https://wenku.docs.qq.com/detail?docId=GmyzOVkxSL'],
};

export const grades = ['grade1', 'grade2', 'grade3'] as const;
export type Grade = (typeof grades)[number];

export const gradeLabels: Readonly<Record<Grade, LocalizedText>> = {
  grade1: { 'zh-CN': '一级', 'en-US': 'Grade 1' },
  grade2: { 'zh-CN': '二级', 'en-US': 'Grade 2' },
  grade3: { 'zh-CN': '三级', 'en-US': 'Grade 3' },
};

export interface GradeProfile {
  readonly code: string;
  readonly label: LocalizedText;
  /** The scale the thresholds are on. */
  readonly scale: 1000 | 100;
  /** Decimals the score on `scale` is rounded to (half up); the other scale shows one decimal more or less. */
  readonly decimals: number;
  /** Highest grade first; a score equal to a threshold reaches it (boundaries inclusive). */
  readonly thresholds: readonly { readonly grade: Grade; readonly min: number }[];
}

export const gradeProfiles: readonly GradeProfile[] = [
  {
    code: 'seed004-1000',
    label: { 'zh-CN': '千分制（一级≥900，二级≥800，三级≥600）', 'en-US': '1,000 points (grade 1 ≥ 900, 2 ≥ 800, 3 ≥ 600)' },
    scale: 1000,
    decimals: 1,
    thresholds: [
      { grade: 'grade1', min: 900 },
      { grade: 'grade2', min: 800 },
      { grade: 'grade3', min: 600 },
    ],
  },
  {
    code: 'aqjg2011-100',
    label: { 'zh-CN': '百分制（一级≥90，二级≥75，三级≥60）', 'en-US': '100 points (grade 1 ≥ 90, 2 ≥ 75, 3 ≥ 60)' },
    scale: 100,
    decimals: 1,
    thresholds: [
      { grade: 'grade1', min: 90 },
      { grade: 'grade2', min: 75 },
      { grade: 'grade3', min: 60 },
    ],
  },
];

export const defaultGradeProfileCode = 'seed004-1000';
export const gradeProfileCodes = gradeProfiles.map((p) => p.code) as [string, ...string[]];

export function findGradeProfile(code: string): GradeProfile | undefined {
  return gradeProfiles.find((p) => p.code === code);
}
