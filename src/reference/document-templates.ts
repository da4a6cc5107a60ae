import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';
import { managementRuleTemplates } from './management-rule-templates';

// 小企业职业安全健康管理体系实施指南 (安监管技装字[2003]141号) — seed 000:
// 二(四)2 the six headings of every system document, 二(三)1 the risk-identification procedure's
// eight contents, 三(五)2(1)–(10) the ten management rules' control topics.
export const source: ReferenceSource = {
  standard: '安监管技装字[2003]141号',
  edition: '2003',
  title: {
    'zh-CN': '小企业职业安全健康管理体系实施指南 二(四)、二(三)1、三(五)2 — 文件模板',
    'en-US': 'OHSMS implementation guide for small enterprises, II(4), II(3)1, III(5)2 — document templates',
  },
  status: 'partly-confirmed',
  notes: [
    'From the seed: the six headings (目的、范围、术语（如需要）、职责、控制要求、相关文件和记录), the eight contents of the risk-identification procedure, the five things identification considers (二(三)4), the ten rules and each rule\'s control topics, quoted in `seedText`.',
    'NOT from the seed: every other sentence of the templates (purpose, scope and duty wording, the explanations under each control topic, the suggested record names, the suggested numbers). They are drafting aids, marked per heading in `draftedHeadings`; the enterprise edits them before approval.',
    'The template bodies are Chinese only: they become the enterprise\'s own controlled documents, written in Chinese. Titles and notes are in both languages.',
  ],
  urls: [],
};

/**
 * Facts of the enterprise a template can name, filled by domain/documents/template-fill.ts.
 * A placeholder `{name}` in a body is replaced by the fact, or by "（请填写：…）" when the records hold none.
 */
export const templateFacts = [
  'enterpriseName',
  'principalName',
  'managementPosts',
  'departments',
  'operationPosts',
  'equipment',
  'specialEquipment',
  'dangerousMaterials',
  'hazardousWorkTypes',
  'evaluationMethods',
] as const;
export type TemplateFact = (typeof templateFacts)[number];

export const templateFactLabels: Record<TemplateFact, LocalizedText> = {
  enterpriseName: { 'zh-CN': '企业名称', 'en-US': 'Enterprise name' },
  principalName: { 'zh-CN': '主要负责人', 'en-US': 'Principal' },
  managementPosts: { 'zh-CN': '安全管理岗位', 'en-US': 'Management posts' },
  departments: { 'zh-CN': '部门（车间）', 'en-US': 'Departments (workshops)' },
  operationPosts: { 'zh-CN': '作业岗位', 'en-US': 'Operating posts' },
  equipment: { 'zh-CN': '设备设施', 'en-US': 'Equipment' },
  specialEquipment: { 'zh-CN': '特种设备', 'en-US': 'Special equipment' },
  dangerousMaterials: { 'zh-CN': '危险物品', 'en-US': 'Dangerous goods' },
  hazardousWorkTypes: { 'zh-CN': '危险作业类型', 'en-US': 'Hazardous work types' },
  evaluationMethods: { 'zh-CN': '风险评价方法', 'en-US': 'Evaluation methods' },
};

export type TemplateHeading = 'purpose' | 'scope' | 'terms' | 'duties' | 'controls' | 'records';

export interface DocumentTemplate {
  readonly key: string;
  readonly type: 'rule' | 'procedure';
  /** Suggested document number (not from the seed). */
  readonly number: string;
  readonly title: LocalizedText;
  /** The seed clause it answers. */
  readonly seedClause: string;
  /** The seed's own words for this document's content (quoted). */
  readonly seedText: string;
  /** Chinese bodies with `{fact}` placeholders. */
  readonly body: Readonly<Record<TemplateHeading, string>>;
  /** Headings whose wording is the product's drafting, not the seed's. */
  readonly draftedHeadings: readonly TemplateHeading[];
}

const allDrafted: readonly TemplateHeading[] = ['purpose', 'scope', 'terms', 'duties', 'records'];

/** 危害辨识、风险评价和风险控制策划管理程序 (seed 000 二(三)1 (1)–(8)); the eight contents are the seed's. */
export const riskIdentificationProcedure: DocumentTemplate = {
  key: 'risk-identification-procedure',
  type: 'procedure',
  number: 'CX-01',
  title: { 'zh-CN': '危害辨识、风险评价和风险控制策划管理程序', 'en-US': 'Procedure for hazard identification, risk evaluation and control planning' },
  seedClause: '000 二(三)1',
  seedText:
    '管理程序一般包括以下内容：（1）工作职责；（2）对辨识评价人员的要求；（3）辨识对象；（4）选择辨识和评价的方法；（5）实施危害辨识和评价的程序；（6）确定风险控制重点；（7）制定控制措施；（8）辨识、评价结果控制和管理。',
  body: {
    purpose: '规范{enterpriseName}危害辨识、风险评价和风险控制策划工作，确定风险控制的重点，为制定控制措施提供依据。',
    scope: '适用于{enterpriseName}生产过程、作业活动、设备设施和作业环境的危害辨识、风险评价和风险控制策划，包括初次建立体系和体系保持阶段的定期及变更时的辨识评价。',
    terms: '危害：可能造成人员伤害、职业病、财产损失或环境破坏的根源或状态。\n风险：某一特定危险情况发生的可能性和后果的组合。',
    duties:
      '（1）工作职责\n主要负责人（{principalName}）批准辨识评价结果和重点控制的风险；安全管理岗位（{managementPosts}）组织辨识评价工作，汇总形成风险清单；各部门（{departments}）负责本部门的辨识评价和控制措施落实；岗位人员参与本岗位的辨识。',
    controls: [
      '（2）对辨识评价人员的要求\n成立辨识评价工作组，成员包括安全管理、工程技术、设备管理和使用等方面的人员，具备相应能力和经验。',
      '（3）辨识对象\n按工作岗位划分作业单元（{operationPosts}），辨识各作业单元生产过程可预见的危害。辨识时考虑：使用的设备（{equipment}；特种设备：{specialEquipment}）；人员情况（包括进入现场的非本企业人员）；工作环境（有毒有害气体、低温、高温、潮湿、粉尘、噪声、辐射等）；生产活动（{hazardousWorkTypes}）；使用的物料（{dangerousMaterials}）。',
      '（4）选择辨识和评价的方法\n本企业采用：{evaluationMethods}。复杂设备设施可采用安全检查表、故障类型和影响分析等系统分析方法。',
      '（5）实施危害辨识和评价的程序\n辨识危害 → 在考虑现有控制措施的条件下进行风险评价 → 确定风险控制重点 → 确定风险控制措施 → 评审控制措施实施后的残余风险是否可承受。',
      '（6）确定风险控制重点\n根据评价结果，结合法律法规的要求，确定重点控制的风险。',
      '（7）制定控制措施\n按重点风险控制的要求和控制措施制定的原则制定措施，落实到岗位和责任人。',
      '（8）辨识、评价结果控制和管理\n辨识评价结果形成文件（风险清单），作为安全管理工作的依据；生产工艺、设备、物料、人员或作业环境变化时及时重新辨识评价。',
    ].join('\n'),
    records: '相关文件：安全风险清单、岗位风险告知卡、安全管理制度。\n记录：危害辨识记录、风险评价记录、风险控制措施清单。',
  },
  draftedHeadings: allDrafted,
};

/** All templates: the procedure and the ten rules, in the seed's order. */
export const documentTemplates: readonly DocumentTemplate[] = [riskIdentificationProcedure, ...managementRuleTemplates];

export function findTemplate(key: string): DocumentTemplate | undefined {
  return documentTemplates.find((t) => t.key === key);
}
