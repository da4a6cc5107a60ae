import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// 鲁应急 seed 001 第八条 (order of control measures) and 第九条 (作业前、中、后).
export const source: ReferenceSource = {
  standard: '工贸行业小微企业安全生产双重预防机制建设指导书 (seed 001)',
  edition: 'Shandong',
  title: { 'zh-CN': '管控措施类型与次序', 'en-US': 'Control measure types and hierarchy' },
  status: 'confirmed',
  notes: ['Measures are chosen in this order (第八条); operation-post measures follow before/during/after work (第九条).'],
  urls: [],
};

export type MeasureType = 'eliminate' | 'substitute' | 'engineering' | 'administrative' | 'ppe' | 'emergency';

export type MeasureTypeEntry = {
  readonly code: MeasureType;
  readonly rank: number;
  readonly label: LocalizedText;
  readonly examples: LocalizedText;
};

/** In the hierarchy order of seed 001 第八条: the first is preferred. */
export const measureTypes: readonly MeasureTypeEntry[] = [
  {
    code: 'eliminate',
    rank: 1,
    label: { 'zh-CN': '消除', 'en-US': 'Eliminate' },
    examples: { 'zh-CN': '停止使用危险化学品', 'en-US': 'Stop using the hazardous chemical' },
  },
  {
    code: 'substitute',
    rank: 2,
    label: { 'zh-CN': '替代', 'en-US': 'Substitute' },
    examples: {
      'zh-CN': '用低危险性替代高危险性；采取风险低的先进技术工艺；降低设备的电压要求',
      'en-US': 'Replace with something less hazardous; adopt lower-risk processes; lower equipment voltage',
    },
  },
  {
    code: 'engineering',
    rank: 3,
    label: { 'zh-CN': '控制', 'en-US': 'Control' },
    examples: {
      'zh-CN': '报警、联锁、安全阀、限位、过卷保护；隔离、机械防护装置、通风系统；机械装卸；降低噪音；护栏防止高空坠落',
      'en-US': 'Alarms, interlocks, safety valves, limit switches, overwind protection; isolation, guards, ventilation; mechanical handling; noise reduction; guardrails against falls',
    },
  },
  {
    code: 'administrative',
    rank: 4,
    label: { 'zh-CN': '管理', 'en-US': 'Management' },
    examples: {
      'zh-CN': '定期检查检测检验；上岗培训；安全管理制度和操作规程；安全警示标志；危险作业票证审批、资格审核、现场管理、作业报告',
      'en-US': 'Periodic inspection and testing; induction training; rules and operating procedures; warning signs; permits, qualification checks, on-site control and reporting of hazardous work',
    },
  },
  {
    code: 'ppe',
    rank: 5,
    label: { 'zh-CN': '个体防护', 'en-US': 'Personal protective equipment' },
    examples: {
      'zh-CN': '提供充足的个体防护用品及其使用和维护说明',
      'en-US': 'Provide enough PPE with instructions for use and maintenance',
    },
  },
  {
    code: 'emergency',
    rank: 6,
    label: { 'zh-CN': '应急处置', 'en-US': 'Emergency response' },
    examples: {
      'zh-CN': '急救、应急培训、应急演练',
      'en-US': 'First aid, emergency training, drills',
    },
  },
];

export type WorkPhase = 'before' | 'during' | 'after';

export const workPhases: readonly { readonly code: WorkPhase; readonly label: LocalizedText }[] = [
  { code: 'before', label: { 'zh-CN': '作业前', 'en-US': 'Before work' } },
  { code: 'during', label: { 'zh-CN': '作业中', 'en-US': 'During work' } },
  { code: 'after', label: { 'zh-CN': '作业后', 'en-US': 'After work' } },
];

export function isMeasureType(value: unknown): value is MeasureType {
  return typeof value === 'string' && measureTypes.some((m) => m.code === value);
}
