import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// GB/T 13861-2009《生产过程危险和有害因素分类与代码》 (standards-facts §2).
export const source: ReferenceSource = {
  standard: 'GB/T 13861-2009',
  edition: '2009',
  title: {
    'zh-CN': '生产过程危险和有害因素分类与代码',
    'en-US': 'Classification and code for the hazardous and harmful factors in process',
  },
  status: 'partly-confirmed',
  notes: [
    'Code structure: 1 digit 大类, 2 digits 中类, 4 digits 小类, 6 digits 细类; suffix 99 = 其他.',
    'Only the levels retrieved from sources are listed; status "inferred" marks a code deduced from sequence or a wording not seen verbatim.',
    'GB/T 13861-2022 (in force 2022-10-01) replaces this edition and changed the code table; the 2022 table is unconfirmed.',
  ],
  urls: ['https://auscyc.com/wx1740/697193.html', 'https://max.book118.com/html/2024/0321/8047103136006047.shtm'],
};

export type HazardFactorStatus = 'confirmed' | 'inferred';
export type HazardFactorLevel = 1 | 2 | 3 | 4;

export type HazardFactor = {
  readonly code: string;
  readonly level: HazardFactorLevel;
  readonly parentCode: string | null;
  readonly label: LocalizedText;
  readonly status: HazardFactorStatus;
};

type Row = readonly [code: string, zh: string, en: string, status?: HazardFactorStatus];

// Rows without a status are CONFIRMED; 'inferred' follows the facts file's per-row notes.
const rows: readonly Row[] = [
  ['1', '人的因素', 'Human factors'],
  ['11', '心理、生理性危险和有害因素', 'Psychological and physiological hazardous factors'],
  ['1101', '负荷超限', 'Overload'],
  ['110101', '体力负荷超限', 'Physical overload'],
  ['110102', '听力负荷超限', 'Hearing overload'],
  ['110103', '视力负荷超限', 'Visual overload'],
  ['110199', '其他负荷超限', 'Other overload'],
  ['1102', '健康状况异常', 'Abnormal health condition (injury, illness, etc.)'],
  ['1103', '从事禁忌作业', 'Working in a contraindicated job'],
  ['1104', '心理异常', 'Psychological abnormality'],
  ['110401', '情绪异常', 'Emotional abnormality'],
  ['110402', '冒险心理', 'Risk-taking mentality'],
  ['110403', '过度紧张', 'Excessive tension', 'inferred'],
  ['110499', '其他心理异常', 'Other psychological abnormality'],
  ['1105', '辨识功能缺陷', 'Defective perception and recognition'],
  ['110501', '感知延迟', 'Delayed perception'],
  ['110502', '辨识错误', 'Recognition error'],
  ['110599', '其他辨识功能缺陷', 'Other recognition defect', 'inferred'],
  ['1199', '其他心理、生理性危险和有害因素', 'Other psychological and physiological hazardous factors'],
  ['12', '行为性危险和有害因素', 'Behavioural hazardous factors'],
  ['1201', '指挥错误', 'Command error'],
  ['120101', '指挥失误', 'Command mistake'],
  ['120102', '违章指挥', 'Command in breach of rules'],
  ['120199', '其他指挥错误', 'Other command error'],
  ['1202', '操作错误', 'Operating error'],
  ['120201', '误操作', 'Mis-operation'],
  ['120202', '违章操作', 'Operation in breach of rules'],
  ['120299', '其他操作错误', 'Other operating error'],
  ['1203', '监护失误', 'Supervision (watch) failure'],
  ['1299', '其他行为性危险和有害因素', 'Other behavioural hazardous factors (incl. leaving the post)'],
  ['2', '物的因素', 'Material factors'],
  ['21', '物理性危险和有害因素', 'Physical hazardous factors'],
  ['2101', '设备、设施、工具、附件缺陷', 'Defects of equipment, facilities, tools and accessories'],
  ['210101', '强度不够', 'Insufficient strength'],
  ['210102', '刚度不够', 'Insufficient rigidity'],
  ['210103', '稳定性差', 'Poor stability'],
  // 210104–210111: names in this order in the excerpt, codes deduced from sequence.
  ['210104', '密封不良', 'Poor sealing', 'inferred'],
  ['210105', '耐腐蚀性差', 'Poor corrosion resistance', 'inferred'],
  ['210106', '应力集中', 'Stress concentration', 'inferred'],
  ['210107', '外形缺陷', 'Shape defect', 'inferred'],
  ['210108', '外露运动件', 'Exposed moving parts', 'inferred'],
  ['210109', '操纵器缺陷', 'Control device defect', 'inferred'],
  ['210110', '制动器缺陷', 'Brake defect', 'inferred'],
  ['210111', '限制器缺陷', 'Limiter defect', 'inferred'],
  ['210199', '其他设备、设施、工具、附件缺陷', 'Other defects of equipment, facilities, tools and accessories', 'inferred'],
  ['2102', '防护缺陷', 'Protection defect'],
  ['210201', '无防护', 'No protection'],
  ['210202', '防护装置、设施缺陷', 'Defective guards or protective facilities'],
  ['22', '化学性危险和有害因素', 'Chemical hazardous factors', 'inferred'],
  ['23', '生物性危险和有害因素', 'Biological hazardous factors', 'inferred'],
  ['3', '环境因素', 'Environmental factors'],
  ['31', '室内作业场所环境不良', 'Poor indoor workplace environment', 'inferred'],
  ['32', '室外作业场地环境不良', 'Poor outdoor work site environment', 'inferred'],
  ['33', '地下（含水下）作业环境不良', 'Poor underground (incl. underwater) work environment', 'inferred'],
  ['39', '其他作业环境不良', 'Other poor work environment', 'inferred'],
  ['4', '管理因素', 'Management factors'],
  ['41', '职业安全卫生组织机构不健全', 'Inadequate OHS organisation', 'inferred'],
  ['42', '职业安全卫生责任制未落实', 'OHS responsibility system not carried out', 'inferred'],
  ['43', '职业安全卫生管理规章制度不完善', 'Incomplete OHS rules and regulations', 'inferred'],
  ['44', '职业安全卫生投入不足', 'Insufficient OHS investment', 'inferred'],
  ['45', '职业健康管理不完善', 'Incomplete occupational health management', 'inferred'],
  ['49', '其他管理因素缺陷', 'Other management defects', 'inferred'],
];

function levelOf(code: string): HazardFactorLevel {
  return code.length === 1 ? 1 : code.length === 2 ? 2 : code.length === 4 ? 3 : 4;
}

function parentOf(code: string): string | null {
  return code.length === 1 ? null : code.length === 2 ? code.slice(0, 1) : code.slice(0, code.length - 2);
}

export const hazardFactors: readonly HazardFactor[] = rows.map(([code, zh, en, status]) => ({
  code,
  level: levelOf(code),
  parentCode: parentOf(code),
  label: { 'zh-CN': zh, 'en-US': en },
  status: status ?? 'confirmed',
}));

const byCode = new Map(hazardFactors.map((f) => [f.code, f]));

export function findHazardFactor(code: string): HazardFactor | null {
  return byCode.get(code.trim()) ?? null;
}

export function listHazardFactorChildren(parentCode: string | null): readonly HazardFactor[] {
  return hazardFactors.filter((f) => f.parentCode === parentCode);
}
