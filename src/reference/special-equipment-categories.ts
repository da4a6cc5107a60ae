import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// 《特种设备目录》(原国家质检总局 2014年第114号公告) — the categories a 工贸 enterprise meets, with the
// usual periodic-inspection (定期检验) cycle from the TSG rules of each category. NOT from the seeds.
export const source: ReferenceSource = {
  standard: '质检总局公告2014年第114号《特种设备目录》; TSG 08-2017; TSG 11-2020; TSG 21-2016; TSG T7001-2009; TSG Q7015-2016; TSG N0001-2017',
  edition: '2014 (目录)',
  title: { 'zh-CN': '特种设备目录及定期检验周期', 'en-US': 'Catalogue of special equipment and periodic inspection cycles' },
  status: 'partly-confirmed',
  notes: [
    'Not from the seeds: seed 000 三(五)2(7) names 特种设备 and its 检验要求 without listing categories or cycles.',
    'UNCONFIRMED: the category codes and every cycle below were written from memory of the catalogue and the TSG rules, not from a retrieved source; the inspection agency\'s report states the real next date, which the register takes when entered.',
    'Cycles depend on the equipment (e.g. 压力容器 by safety grade 3–6 years after the first inspection within 3 years; 塔式起重机/升降机 yearly) — the register takes a per-item cycle, defaulting to the value here.',
  ],
  urls: [],
};

export const specialEquipmentCategoryCodes = ['1000', '2000', '3000', '4000', '5000', '8000', 'F000'] as const;
export type SpecialEquipmentCategoryCode = (typeof specialEquipmentCategoryCodes)[number];

export type SpecialEquipmentCategory = {
  readonly code: SpecialEquipmentCategoryCode;
  readonly label: LocalizedText;
  /** Months between periodic inspections (定期检验), UNCONFIRMED. */
  readonly cycleMonths: number;
  readonly rule: string;
  readonly status: 'unconfirmed';
};

export const specialEquipmentCategories: readonly SpecialEquipmentCategory[] = [
  { code: '1000', label: { 'zh-CN': '锅炉', 'en-US': 'Boiler' }, cycleMonths: 12, rule: 'TSG 11-2020（外部检验每年；内部检验一般每2年）', status: 'unconfirmed' },
  { code: '2000', label: { 'zh-CN': '压力容器（含气瓶）', 'en-US': 'Pressure vessel (incl. cylinders)' }, cycleMonths: 36, rule: 'TSG 21-2016（投用后3年内首检，以后按安全状况等级3～6年）', status: 'unconfirmed' },
  { code: '3000', label: { 'zh-CN': '电梯', 'en-US': 'Lift' }, cycleMonths: 12, rule: 'TSG T7001-2009（每年）', status: 'unconfirmed' },
  { code: '4000', label: { 'zh-CN': '起重机械', 'en-US': 'Crane / lifting machinery' }, cycleMonths: 24, rule: 'TSG Q7015-2016（一般每2年；塔式起重机、升降机、流动式起重机每年）', status: 'unconfirmed' },
  { code: '5000', label: { 'zh-CN': '场（厂）内专用机动车辆（叉车等）', 'en-US': 'In-plant motor vehicle (forklift etc.)' }, cycleMonths: 12, rule: 'TSG N0001-2017（每年）', status: 'unconfirmed' },
  { code: '8000', label: { 'zh-CN': '压力管道', 'en-US': 'Pressure piping' }, cycleMonths: 36, rule: 'TSG D7005（工业管道按安全状况等级3～6年）', status: 'unconfirmed' },
  { code: 'F000', label: { 'zh-CN': '安全附件（安全阀等）', 'en-US': 'Safety accessory (safety valve etc.)' }, cycleMonths: 12, rule: 'TSG ZF001（安全阀一般每年校验）', status: 'unconfirmed' },
];

export function findSpecialEquipmentCategory(code: string): SpecialEquipmentCategory | null {
  return specialEquipmentCategories.find((c) => c.code === code) ?? null;
}
