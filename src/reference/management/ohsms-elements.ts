import type { LocalizedText } from '../localized-text';
import type { ReferenceSource } from '../reference-source';

// The elements of the small-enterprise OHS management system (seed 000 三–五), the internal audit's
// checklist is generated from. Each element cites the seed's section; the questions are ours (a
// summary of what the section asks), not quotations. Seed 000 四(二): "审核应重点关注高风险作业、设备安全状况、
// 各种所需的资质" — those three are the checklist's focus items.
export const source: ReferenceSource = {
  standard: '安监管技装字〔2003〕141号',
  edition: '2003',
  title: { 'zh-CN': '小企业职业安全健康管理体系实施指南 三至五', 'en-US': 'OHSMS implementation guide for small enterprises, III–V' },
  status: 'confirmed',
  notes: ['Elements and their sections are from seed 000; the audit questions summarise each section (product wording).'],
  urls: [],
};

export interface OhsmsElement {
  key: string;
  section: string;
  label: LocalizedText;
  question: LocalizedText;
}

export const ohsmsElements: readonly OhsmsElement[] = [
  { key: 'policy', section: '三(一)', label: { 'zh-CN': '职业安全健康方针', 'en-US': 'OHS policy' }, question: { 'zh-CN': '方针是否经最高管理者批准、含四项承诺并传达到全体员工？', 'en-US': 'Is the policy approved by the top manager, with the four commitments, and known to every employee?' } },
  { key: 'training', section: '三(二)', label: { 'zh-CN': '员工培训', 'en-US': 'Training' }, question: { 'zh-CN': '六类培训对象是否按要求培训并有记录，特种作业人员是否持证？', 'en-US': 'Are the six groups trained as required and recorded; do special-operation workers hold certificates?' } },
  { key: 'participation', section: '三(三)', label: { 'zh-CN': '员工参与和交流', 'en-US': 'Participation and communication' }, question: { 'zh-CN': '是否有文件化的协商和交流机制，员工能否参与风险管理决策？', 'en-US': 'Is there a documented consultation and communication scheme; do employees take part in risk decisions?' } },
  { key: 'objectives', section: '三(四)', label: { 'zh-CN': '目标和管理方案', 'en-US': 'Objectives and programmes' }, question: { 'zh-CN': '目标是否可测量、有时间要求并定期监测，管理方案是否落实职责、方法、进度和资源？', 'en-US': 'Are objectives measurable, time-bound and monitored; do programmes set duties, methods, schedule and resources?' } },
  { key: 'hazardRisk', section: '二(三)', label: { 'zh-CN': '危害辨识和风险评价', 'en-US': 'Hazard identification and risk evaluation' }, question: { 'zh-CN': '是否按岗位辨识危害、评价风险并定期和及时更新？', 'en-US': 'Are hazards identified and risks evaluated per post, and updated regularly and on change?' } },
  { key: 'operationalControl', section: '三(五)1–2', label: { 'zh-CN': '作业控制和风险预防', 'en-US': 'Operational control' }, question: { 'zh-CN': '高风险作业、危险物品、设备工器具、人员及劳保用品、消防是否有制度并执行？', 'en-US': 'Are high-risk work, dangerous goods, equipment, people and PPE, and fire covered by rules that are followed?' } },
  { key: 'emergency', section: '三(五)3', label: { 'zh-CN': '应急预案', 'en-US': 'Emergency plans' }, question: { 'zh-CN': '预案是否含八项内容，是否培训、演练并在演练后评审？', 'en-US': 'Do plans have the eight contents; are they trained, drilled and reviewed after drills?' } },
  { key: 'documents', section: '二(四)', label: { 'zh-CN': '文件化体系', 'en-US': 'Documented system' }, question: { 'zh-CN': '体系文件是否受控，各岗位是否使用现行有效版本？', 'en-US': 'Are system documents controlled; does every post use the current version?' } },
  { key: 'monitoring', section: '四(一)', label: { 'zh-CN': '绩效测量和监测', 'en-US': 'Performance monitoring' }, question: { 'zh-CN': '是否规定监测内容、方法、频次和职责，并保存监测记录？', 'en-US': 'Are the content, method, frequency and duties of monitoring set, and records kept?' } },
  { key: 'auditReview', section: '四(二)', label: { 'zh-CN': '审核和管理评审', 'en-US': 'Audit and management review' }, question: { 'zh-CN': '是否按计划内审，最高管理者是否每年至少主持一次管理评审？', 'en-US': 'Are internal audits held as planned; does the top manager chair a review at least yearly?' } },
  { key: 'capa', section: '五(一)', label: { 'zh-CN': '纠正和预防措施', 'en-US': 'Corrective and preventive action' }, question: { 'zh-CN': '不符合和事故是否分析根源、采取措施、实施前评价风险并跟踪有效性？', 'en-US': 'Are nonconformities and accidents analysed to the root, acted on, risk-checked before implementing and followed up?' } },
];

/** Seed 000 四(二): the audit's three focus items. */
export const auditFocus: readonly OhsmsElement[] = [
  { key: 'focus.highRiskWork', section: '四(二)', label: { 'zh-CN': '高风险作业', 'en-US': 'High-risk work' }, question: { 'zh-CN': '高风险作业是否按作业票和控制措施进行？', 'en-US': 'Is high-risk work done under permits and its controls?' } },
  { key: 'focus.equipment', section: '四(二)', label: { 'zh-CN': '设备安全状况', 'en-US': 'Equipment condition' }, question: { 'zh-CN': '设备设施、特种设备的安全状况和检验是否符合要求？', 'en-US': 'Are equipment and special equipment safe and inspected as required?' } },
  { key: 'focus.qualifications', section: '四(二)', label: { 'zh-CN': '各种所需的资质', 'en-US': 'Required qualifications' }, question: { 'zh-CN': '企业、人员和相关方所需资质是否齐全有效？', 'en-US': 'Are the qualifications the enterprise, its people and contractors need complete and valid?' } },
];
