import type { LocalizedText } from '../localized-text';
import type { ReferenceSource } from '../reference-source';

// 初始评审 (seed 000 一(三)1, 二(二)). The seed keeps the purpose and "具体内容如下：" but lost the list
// itself in extraction. The six areas below are filled from the original guide (安监管技装字〔2003〕141号
// 二(二)), whose list follows 《职业安全健康管理体系指导意见》's 初始状态评审. NOT FROM THE SEED; the wording is
// a summary, not a quotation (UNCONFIRMED against a printed copy).
export const source: ReferenceSource = {
  standard: '安监管技装字〔2003〕141号',
  edition: '2003',
  title: { 'zh-CN': '小企业职业安全健康管理体系实施指南 二(二) 初始评审', 'en-US': 'OHSMS implementation guide for small enterprises, II(2) initial review' },
  status: 'partly-confirmed',
  notes: [
    'Seed 000 lost the list of the initial review\'s contents; the six areas are filled from the original guide and are NOT from the seed.',
    'Wording summarised, UNCONFIRMED against a printed copy.',
  ],
  urls: [],
};

/** The review's areas, in the guide's order (NOT from the seed, see `source`). */
export const reviewAreaKeys = ['laws', 'hazardsAndRisks', 'controls', 'managementRules', 'accidentsAndHealth', 'organisation'] as const;
export type ReviewAreaKey = (typeof reviewAreaKeys)[number];

export const reviewAreaLabels: Record<ReviewAreaKey, LocalizedText> = {
  laws: { 'zh-CN': '（1）适用的法律法规及其他要求的识别和遵守情况', 'en-US': '(1) applicable laws and other requirements, and compliance with them' },
  hazardsAndRisks: { 'zh-CN': '（2）现有和计划的生产活动的危害辨识和风险评价', 'en-US': '(2) hazard identification and risk evaluation of current and planned activities' },
  controls: { 'zh-CN': '（3）现有控制措施能否消除危害或控制风险', 'en-US': '(3) whether the existing controls remove the hazards or control the risks' },
  managementRules: { 'zh-CN': '（4）现行安全管理规定、程序的有效性和适用性', 'en-US': '(4) effectiveness and fitness of the existing rules and procedures' },
  accidentsAndHealth: { 'zh-CN': '（5）以往事故、职业病和员工健康监护资料的分析', 'en-US': '(5) past accidents, occupational disease and health-surveillance records' },
  organisation: { 'zh-CN': '（6）组织机构、职责分工、人员能力和资源配备', 'en-US': '(6) organisation, duties, competence and resources' },
};

/** Roles a team member may hold (seed 000 二(三)4 names 安全管理、工程技术、设备管理和使用 for such a group; "组长" is ours). */
export const reviewTeamRoleSuggestions: LocalizedText[] = [
  { 'zh-CN': '组长', 'en-US': 'Team leader' },
  { 'zh-CN': '安全管理', 'en-US': 'Safety management' },
  { 'zh-CN': '工程技术', 'en-US': 'Engineering' },
  { 'zh-CN': '设备管理', 'en-US': 'Equipment management' },
  { 'zh-CN': '岗位操作', 'en-US': 'Operation' },
];
