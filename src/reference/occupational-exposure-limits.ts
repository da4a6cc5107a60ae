import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// Workplace exposure limits a small 工贸 enterprise measures most (GBZ 2.1-2019 chemical agents,
// GBZ 2.2-2007 physical agents), and the GB/T 13861 codes whose risks expose a post to each factor.
// NOT from the seeds (seed 000 三(二)/(五) name 粉尘、噪声、高温、有毒有害 without values).
export const source: ReferenceSource = {
  standard: 'GBZ 2.1-2019; GBZ 2.2-2007',
  edition: '2019 / 2007',
  title: { 'zh-CN': '工作场所有害因素职业接触限值', 'en-US': 'Occupational exposure limits for hazardous agents in the workplace' },
  status: 'partly-confirmed',
  notes: [
    'UNCONFIRMED: every limit value below was written from memory of GBZ 2.1-2019 / GBZ 2.2-2007 and not checked against a retrieved copy; a monitoring report from the qualified agency states the applicable limit, which a reading may carry instead.',
    'UNCONFIRMED: the GB/T 13861 codes linking risks to factors (2104 噪声, 2110 高温物质, 22 化学性, 2203/220x 粉尘) follow the unconfirmed code names in standards-facts §2.',
  ],
  urls: [],
};

export const exposureFactorKinds = ['noise', 'dust', 'chemical', 'heat', 'vibration', 'other'] as const;
export type ExposureFactorKind = (typeof exposureFactorKinds)[number];

export type ExposureLimit = {
  readonly code: string;
  readonly kind: ExposureFactorKind;
  readonly label: LocalizedText;
  readonly unit: string;
  /** Reading above this is over the limit. */
  readonly limit: number;
  readonly basis: LocalizedText;
  readonly clause: string;
  readonly status: 'unconfirmed';
};

export const exposureLimits: readonly ExposureLimit[] = [
  { code: 'noise-8h', kind: 'noise', label: { 'zh-CN': '噪声（8h 等效声级）', 'en-US': 'Noise (8 h equivalent level)' }, unit: 'dB(A)', limit: 85, basis: { 'zh-CN': 'LEX,8h', 'en-US': 'LEX,8h' }, clause: 'GBZ 2.2-2007 §11', status: 'unconfirmed' },
  { code: 'dust-total-other', kind: 'dust', label: { 'zh-CN': '其他粉尘（总尘）', 'en-US': 'Other dust (total)' }, unit: 'mg/m³', limit: 8, basis: { 'zh-CN': 'PC-TWA', 'en-US': 'PC-TWA' }, clause: 'GBZ 2.1-2019 表2', status: 'unconfirmed' },
  { code: 'dust-welding', kind: 'dust', label: { 'zh-CN': '电焊烟尘（总尘）', 'en-US': 'Welding fume (total)' }, unit: 'mg/m³', limit: 4, basis: { 'zh-CN': 'PC-TWA', 'en-US': 'PC-TWA' }, clause: 'GBZ 2.1-2019 表2', status: 'unconfirmed' },
  { code: 'dust-silica-10-50', kind: 'dust', label: { 'zh-CN': '矽尘（10%≤游离SiO₂≤50%，总尘）', 'en-US': 'Silica dust (10–50 % free SiO₂, total)' }, unit: 'mg/m³', limit: 1, basis: { 'zh-CN': 'PC-TWA', 'en-US': 'PC-TWA' }, clause: 'GBZ 2.1-2019 表2', status: 'unconfirmed' },
  { code: 'chem-toluene', kind: 'chemical', label: { 'zh-CN': '甲苯', 'en-US': 'Toluene' }, unit: 'mg/m³', limit: 50, basis: { 'zh-CN': 'PC-TWA', 'en-US': 'PC-TWA' }, clause: 'GBZ 2.1-2019 表1', status: 'unconfirmed' },
  { code: 'chem-xylene', kind: 'chemical', label: { 'zh-CN': '二甲苯（全部异构体）', 'en-US': 'Xylene (all isomers)' }, unit: 'mg/m³', limit: 50, basis: { 'zh-CN': 'PC-TWA', 'en-US': 'PC-TWA' }, clause: 'GBZ 2.1-2019 表1', status: 'unconfirmed' },
  { code: 'chem-benzene', kind: 'chemical', label: { 'zh-CN': '苯', 'en-US': 'Benzene' }, unit: 'mg/m³', limit: 6, basis: { 'zh-CN': 'PC-TWA', 'en-US': 'PC-TWA' }, clause: 'GBZ 2.1-2019 表1', status: 'unconfirmed' },
  { code: 'chem-manganese', kind: 'chemical', label: { 'zh-CN': '锰及其无机化合物（按MnO₂计）', 'en-US': 'Manganese and inorganic compounds (as MnO₂)' }, unit: 'mg/m³', limit: 0.15, basis: { 'zh-CN': 'PC-TWA', 'en-US': 'PC-TWA' }, clause: 'GBZ 2.1-2019 表1', status: 'unconfirmed' },
  { code: 'heat-wbgt-moderate', kind: 'heat', label: { 'zh-CN': '高温（WBGT，接触时间率100%，Ⅱ级体力劳动）', 'en-US': 'Heat (WBGT, 100 % exposure, work class II)' }, unit: '℃', limit: 28, basis: { 'zh-CN': 'WBGT 指数', 'en-US': 'WBGT index' }, clause: 'GBZ 2.2-2007 §10', status: 'unconfirmed' },
];

export function findExposureLimit(code: string): ExposureLimit | null {
  return exposureLimits.find((l) => l.code === code) ?? null;
}

/** GB/T 13861 code prefixes whose risks expose a post to a factor kind (UNCONFIRMED, see notes). */
export const exposureFactorOfHazardCode: readonly { prefix: string; kind: ExposureFactorKind }[] = [
  { prefix: '2104', kind: 'noise' },
  { prefix: '2105', kind: 'vibration' },
  { prefix: '2110', kind: 'heat' },
  { prefix: '22', kind: 'chemical' },
];
