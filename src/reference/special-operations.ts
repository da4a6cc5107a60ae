import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// 《特种作业人员安全技术培训考核管理规定》(国家安监总局令第30号, as amended) and its 特种作业目录
// (standards-facts §10).
export const source: ReferenceSource = {
  standard: '国家安监总局令第30号',
  edition: 'as amended',
  title: {
    'zh-CN': '特种作业人员安全技术培训考核管理规定（特种作业目录）',
    'en-US': 'Rules on safety training and assessment of special-operation workers (catalogue)',
  },
  status: 'partly-confirmed',
  notes: [
    'The 11 categories are CONFIRMED; sub-types are listed only where seen (status per sub-type).',
    'Forklift, crane, boiler and pressure-vessel operators hold 特种设备作业人员证 under market regulation, not this certificate.',
    '复审 training hours (commonly ≥ 8 学时) are UNCONFIRMED.',
  ],
  urls: ['https://shdqb.com/jingyan/9j40kz.html', 'http://www.hjuga.com/20241204/1/296392'],
};

export type SpecialOperationSubType = {
  readonly label: LocalizedText;
  readonly status: 'confirmed' | 'unconfirmed';
};

export type SpecialOperationCategory = {
  readonly no: number;
  readonly code: string;
  readonly label: LocalizedText;
  readonly subTypes: readonly SpecialOperationSubType[];
  readonly definition: LocalizedText | null;
};

const sub = (zh: string, en: string, status: SpecialOperationSubType['status'] = 'confirmed'): SpecialOperationSubType => ({
  label: { 'zh-CN': zh, 'en-US': en },
  status,
});

export const specialOperationCategories: readonly SpecialOperationCategory[] = [
  {
    no: 1,
    code: 'electrical',
    label: { 'zh-CN': '电工作业', 'en-US': 'Electrical work' },
    subTypes: [
      sub('高压电工作业', 'High-voltage electrical work'),
      sub('低压电工作业', 'Low-voltage electrical work'),
      sub('防爆电气作业', 'Explosion-proof electrical work', 'unconfirmed'),
    ],
    definition: { 'zh-CN': '不含电力系统进网作业', 'en-US': 'Excludes grid-access work in the power system' },
  },
  {
    no: 2,
    code: 'welding_cutting',
    label: { 'zh-CN': '焊接与热切割作业', 'en-US': 'Welding and thermal cutting' },
    subTypes: [
      sub('熔化焊接与热切割作业', 'Fusion welding and thermal cutting'),
      sub('压力焊作业', 'Pressure welding', 'unconfirmed'),
      sub('钎焊作业', 'Brazing and soldering', 'unconfirmed'),
    ],
    definition: {
      'zh-CN': '不含《特种设备安全监察条例》规定的有关作业',
      'en-US': 'Excludes work governed by the Special Equipment Safety Supervision Regulations',
    },
  },
  {
    no: 3,
    code: 'work_at_height',
    label: { 'zh-CN': '高处作业', 'en-US': 'Work at height' },
    subTypes: [
      sub('登高架设作业', 'Scaffolding and erection at height'),
      sub('高处安装、维护、拆除作业', 'Installation, maintenance and dismantling at height'),
    ],
    definition: {
      'zh-CN': '专门或经常在坠落高度基准面2米及以上有可能坠落的高处进行的作业',
      'en-US': 'Work done regularly at 2 m or more above the fall reference level where a fall is possible',
    },
  },
  {
    no: 4,
    code: 'refrigeration',
    label: { 'zh-CN': '制冷与空调作业', 'en-US': 'Refrigeration and air-conditioning work' },
    subTypes: [
      sub('制冷与空调设备运行操作作业', 'Operating refrigeration and air-conditioning equipment'),
      sub('制冷与空调设备安装修理作业', 'Installing and repairing refrigeration and air-conditioning equipment'),
    ],
    definition: { 'zh-CN': '大中型制冷与空调设备', 'en-US': 'Large and medium refrigeration and air-conditioning equipment' },
  },
  { no: 5, code: 'coal_mine', label: { 'zh-CN': '煤矿安全作业', 'en-US': 'Coal mine safety work' }, subTypes: [], definition: null },
  {
    no: 6,
    code: 'metal_nonmetal_mine',
    label: { 'zh-CN': '金属非金属矿山安全作业', 'en-US': 'Metal and non-metal mine safety work' },
    subTypes: [],
    definition: null,
  },
  {
    no: 7,
    code: 'oil_gas',
    label: { 'zh-CN': '石油天然气安全作业', 'en-US': 'Oil and gas safety work' },
    subTypes: [],
    definition: null,
  },
  {
    no: 8,
    code: 'metallurgy',
    label: { 'zh-CN': '冶金（有色）生产安全作业', 'en-US': 'Metallurgy (non-ferrous) production safety work' },
    subTypes: [sub('煤气作业', 'Coal-gas work')],
    definition: null,
  },
  {
    no: 9,
    code: 'hazardous_chemicals',
    label: { 'zh-CN': '危险化学品安全作业', 'en-US': 'Hazardous chemicals safety work' },
    subTypes: [sub('危险化工工艺操作', 'Hazardous chemical process operation'), sub('化工自动化控制仪表', 'Chemical automation and control instruments')],
    definition: null,
  },
  {
    no: 10,
    code: 'fireworks',
    label: { 'zh-CN': '烟花爆竹安全作业', 'en-US': 'Fireworks safety work' },
    subTypes: [],
    definition: null,
  },
  {
    no: 11,
    code: 'other_designated',
    label: {
      'zh-CN': '安全监管总局（现应急管理部）认定的其他作业',
      'en-US': 'Other work designated by SAWS (now the Ministry of Emergency Management)',
    },
    subTypes: [],
    definition: null,
  },
];

/** 特种作业操作证 rules (CONFIRMED). */
export const specialOperationCertificateRules = {
  validityYears: 6,
  reviewIntervalYears: 3,
  /** 10+ years continuous work in the trade, law-abiding → review may be every 6 years (with consent). */
  extendedReviewIntervalYears: 6,
  extendedReviewAfterContinuousYears: 10,
  /** Away from the post ≥ 6 months → re-take the practical exam before returning. */
  reExamAfterAwayMonths: 6,
  minimumAge: 18,
  /** UNCONFIRMED (commonly ≥ 8 学时). */
  reviewTrainingHours: null,
  description: {
    'zh-CN': '特种作业操作证有效期6年，全国通用，每3年复审1次；有效期内连续从事本工种10年以上且遵守法规的，经同意复审时间可延长至每6年1次；离开特种作业岗位6个月以上的，应重新进行实际操作考试。',
    'en-US': 'The certificate is valid 6 years nationwide and reviewed every 3 years; after 10+ years of continuous law-abiding work in the trade the review may be every 6 years; after 6 months or more away from the post the practical exam must be retaken.',
  },
} as const;
