import type { AccidentTypeCode } from './accident-types';
import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// 小企业职业安全健康管理体系实施指南 (安监管技装字[2003]141号), 三(五)3 应急预案 — seed 000.
export const source: ReferenceSource = {
  standard: '安监管技装字[2003]141号',
  edition: '2003',
  title: { 'zh-CN': '小企业职业安全健康管理体系实施指南 三(五)3 应急预案', 'en-US': 'OHSMS implementation guide for small enterprises, III(5)3 emergency plans' },
  status: 'confirmed',
  notes: [
    'The eight contents and the list of situations are quoted from the seed text.',
    'Plan kinds (综合/专项/现场处置方案), the three-year review and the drill cadence are not from the seed (issue 13).',
  ],
  urls: [],
};

/** The eight contents a plan must hold (seed 000 三(五)3 (1)–(8)), in the seed's order. */
export const planContentKeys = [
  'potentialEmergencies',
  'responseDuties',
  'commander',
  'alarmAndHelp',
  'onSiteCommunication',
  'specialRoles',
  'externalContacts',
  'resources',
] as const;
export type PlanContentKey = (typeof planContentKeys)[number];

export const planContentLabels: Record<PlanContentKey, LocalizedText> = {
  potentialEmergencies: { 'zh-CN': '（1）所识别的潜在事故和紧急情况', 'en-US': '(1) the potential accidents and emergencies identified' },
  responseDuties: { 'zh-CN': '（2）有关人员或部门在应急过程中的职责', 'en-US': '(2) the duties of people and departments during the response' },
  commander: { 'zh-CN': '（3）紧急情况发生时的负责人', 'en-US': '(3) who is in charge when it happens' },
  alarmAndHelp: { 'zh-CN': '（4）如何报警和求援', 'en-US': '(4) how to raise the alarm and call for help' },
  onSiteCommunication: { 'zh-CN': '（5）紧急情况发生时现场必需的信息交流', 'en-US': '(5) the information that must pass on site' },
  specialRoles: {
    'zh-CN': '（6）紧急情况发生时具有特定作用的人员的职责、权限和义务（如现场工作负责人）',
    'en-US': '(6) the duties, authority and obligations of people with a special role (e.g. the site work leader)',
  },
  externalContacts: { 'zh-CN': '（7）紧急情况发生时与外部联络（如医院等），含电话', 'en-US': '(7) external contacts (e.g. the hospital), with phone numbers' },
  resources: { 'zh-CN': '（8）应急需要的资源', 'en-US': '(8) the resources needed' },
};

export const planKinds = ['comprehensive', 'special', 'onsite'] as const;
export type PlanKind = (typeof planKinds)[number];

/**
 * The situations seed 000 三(五)3 asks plans for, with the GB 6441 accident types (and object kinds)
 * of the enterprise's risks that propose each one. The mapping to accident types is not from the seed.
 */
export interface ScenarioDef {
  code: string;
  label: LocalizedText;
  accidentTypes: readonly AccidentTypeCode[];
  /** Proposed when the enterprise has a dangerous-goods record (易燃易爆物品储存区域, 危险化学品). */
  isProposedByMaterials?: boolean;
  /** Proposed to every enterprise (e.g. a sudden power cut). */
  isAlwaysProposed?: boolean;
  /** A default plan kind for the proposal. */
  kind: PlanKind;
}

export const scenarios: readonly ScenarioDef[] = [
  { code: 'fire', label: { 'zh-CN': '火灾', 'en-US': 'Fire' }, accidentTypes: ['08'], kind: 'special' },
  { code: 'chemical-leak', label: { 'zh-CN': '有毒有害危险化学品泄漏', 'en-US': 'Toxic or hazardous chemical leak' }, accidentTypes: ['19'], isProposedByMaterials: true, kind: 'special' },
  { code: 'gas-area', label: { 'zh-CN': '燃气区域事故', 'en-US': 'Accident in a gas area' }, accidentTypes: ['15', '18'], kind: 'special' },
  { code: 'flammable-store', label: { 'zh-CN': '易燃易爆物品储存区域事故', 'en-US': 'Accident in a flammable or explosive store' }, accidentTypes: ['14', '17', '18'], isProposedByMaterials: true, kind: 'special' },
  {
    code: 'special-environment-work',
    label: { 'zh-CN': '特殊工作环境的检修、安装、拆除等作业事故', 'en-US': 'Maintenance, installation or dismantling in a special environment' },
    accidentTypes: ['09', '04', '10', '05'],
    kind: 'special',
  },
  { code: 'power-cut', label: { 'zh-CN': '突然断电等动力突然中断', 'en-US': 'Sudden power cut or loss of motive power' }, accidentTypes: [], isAlwaysProposed: true, kind: 'special' },
  // Not in the seed's list, proposed from the accident types a machinery shop has most (not from the seed).
  { code: 'mechanical-injury', label: { 'zh-CN': '机械伤害', 'en-US': 'Machinery injury' }, accidentTypes: ['03', '01'], kind: 'onsite' },
  { code: 'electric-shock', label: { 'zh-CN': '触电', 'en-US': 'Electric shock' }, accidentTypes: ['05'], kind: 'onsite' },
];

/** How often an approved plan is reviewed when nothing else calls for it (not from the seed: issue 13, "at least every three years"). */
export const planReviewYears = 3;

/** Drill cadence defaults (not from the seed: issue 13's "common rule"); an enterprise setting. */
export const defaultDrillCadence = { comprehensiveOrSpecialPerYear: 1, onsiteEveryMonths: 6 } as const;
