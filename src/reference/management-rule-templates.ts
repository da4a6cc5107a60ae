import type { LocalizedText } from './localized-text';
import type { DocumentTemplate, TemplateHeading } from './document-templates';

// The ten management rules of seed 000 三(五)2 (1)–(10) (安监管技装字[2003]141号). Each rule's
// control topics (`topics`) and `seedText` are the seed's words; the purpose, scope, duty and record
// wording around them is the product's drafting (NOT from the seed), see document-templates.ts.

interface RuleDraft {
  key: string;
  no: number;
  title: LocalizedText;
  seedText: string;
  /** What the rule governs, for the purpose/scope sentences ("起重作业"). */
  subject: string;
  /** Extra scope words naming the enterprise's own objects, with placeholders. */
  objects: string;
  /** The seed's control topics, one numbered paragraph each. */
  topics: string[];
  records: string;
}

const drafted: readonly TemplateHeading[] = ['purpose', 'scope', 'terms', 'duties', 'records'];

function rule(d: RuleDraft): DocumentTemplate {
  return {
    key: d.key,
    type: 'rule',
    number: `ZD-${String(d.no).padStart(2, '0')}`,
    title: d.title,
    seedClause: `000 三(五)2(${d.no})`,
    seedText: d.seedText,
    body: {
      purpose: `为加强{enterpriseName}${d.subject}的安全管理，预防和控制事故及职业危害，保护员工安全健康，制定本制度。`,
      scope: `适用于{enterpriseName}的${d.subject}。${d.objects}`,
      terms: '',
      duties: `主要负责人（{principalName}）对${d.subject}安全管理全面负责，保证所需资源。\n安全管理岗位（{managementPosts}）组织制定和监督执行本制度。\n各部门（{departments}）负责本部门${d.subject}的日常管理，落实控制要求。\n岗位人员按本制度和操作规程作业。`,
      controls: d.topics.map((t, i) => `${i + 1}．${t}`).join('\n'),
      records: d.records,
    },
    draftedHeadings: drafted,
  };
}

export const managementRuleTemplates: readonly DocumentTemplate[] = [
  rule({
    key: 'rule-lifting',
    no: 1,
    title: { 'zh-CN': '起重作业安全管理制度', 'en-US': 'Lifting operations rule' },
    seedText:
      '起重作业管理：人员要求、作业准备、作业场所控制、作业过程控制（包括超机械工作能力范围运行和运行时碰到障碍物等情况，如超过工作载荷、超过运行半径、与建筑物及周围设备设施相撞、未能支撑于牢固、操作失误、操作人员技能培训不足、吊物脱落）及不同形状吊装物体的控制。',
    subject: '起重作业',
    objects: '涉及的起重设备：{specialEquipment}。',
    topics: [
      '人员要求：起重机械作业人员持证上岗，经岗位培训合格。',
      '作业准备：作业前检查起重设备、吊具和索具，确认作业方案。',
      '作业场所控制：设置警戒区域，无关人员不得进入。',
      '作业过程控制：防止超过工作载荷、超过运行半径、与建筑物及周围设备设施相撞、未能支撑于牢固、操作失误、操作人员技能培训不足、吊物脱落。',
      '不同形状吊装物体的控制：按物体形状选择吊点和吊具。',
    ],
    records: '相关文件：起重机械操作规程。\n记录：吊装作业许可证、起重设备日常检查记录。',
  }),
  rule({
    key: 'rule-dangerous-goods',
    no: 2,
    title: { 'zh-CN': '危险物品安全管理制度', 'en-US': 'Dangerous goods rule' },
    seedText: '危险物品的管理：包括储存、运输、使用、处置全过程，根据法律法规要求，描述各环节的具体的控制措施和人员、设施要求。',
    subject: '危险物品管理',
    objects: '涉及的危险物品：{dangerousMaterials}。',
    topics: ['储存：控制措施和人员、设施要求。', '运输：控制措施和人员、设施要求。', '使用：控制措施和人员、设施要求。', '处置：控制措施和人员、设施要求。'],
    records: '相关文件：安全技术说明书（SDS）。\n记录：危险物品出入库登记、使用登记、处置记录。',
  }),
  rule({
    key: 'rule-equipment',
    no: 3,
    title: { 'zh-CN': '设备安全管理制度', 'en-US': 'Equipment rule' },
    seedText: '设备管理：设备管理制度、使用及管理、维护以及设备故障、拆除、安装及特殊情况下的处理等。',
    subject: '设备设施管理',
    objects: '主要设备设施：{equipment}。',
    topics: ['使用及管理：设备按操作规程使用，专人管理。', '维护：定期维护保养。', '设备故障的处理。', '拆除、安装的控制。', '特殊情况下的处理。'],
    records: '相关文件：设备操作规程。\n记录：设备台账、维护保养记录、故障维修记录。',
  }),
  rule({
    key: 'rule-ppe',
    no: 4,
    title: { 'zh-CN': '劳动防护用品管理制度', 'en-US': 'Personal protective equipment rule' },
    seedText: '劳动防护用品管理：采购（资质、质量控制、验收）、保存、发放、使用过程中的监控、更换、特殊情况的处理等。',
    subject: '劳动防护用品管理',
    objects: '涉及的作业岗位：{operationPosts}。',
    topics: ['采购：供应商资质、质量控制、验收。', '保存。', '发放：按岗位配备标准发放，领用人签字。', '使用过程中的监控。', '更换。', '特殊情况的处理。'],
    records: '相关文件：岗位劳动防护用品配备标准。\n记录：劳动防护用品采购验收记录、发放登记（签字）。',
  }),
  rule({
    key: 'rule-work-at-height',
    no: 5,
    title: { 'zh-CN': '高处作业安全管理制度', 'en-US': 'Work at height rule' },
    seedText:
      '高处作业：梯子、脚手架（通用的或塔式的）、吊笼、升降工作平台、动力工作平台。控制的重点为登高装置结构、安全使用和安全作业方法、承载超重控制、安装、检查、维护、拆除等。',
    subject: '高处作业',
    objects: '本企业的危险作业类型：{hazardousWorkTypes}。',
    topics: ['适用的登高装置：梯子、脚手架（通用的或塔式的）、吊笼、升降工作平台、动力工作平台。', '登高装置结构。', '安全使用和安全作业方法。', '承载超重控制。', '安装、检查、维护、拆除。'],
    records: '相关文件：高处作业安全操作规程。\n记录：高处作业许可证、登高装置检查记录。',
  }),
  rule({
    key: 'rule-fire',
    no: 6,
    title: { 'zh-CN': '消防安全管理制度', 'en-US': 'Fire safety rule' },
    seedText: '消防作业：消防组织、消防制度、消防管理（消防档案、人员、设备设施）、防火管理。',
    subject: '消防安全管理',
    objects: '',
    topics: ['消防组织：义务消防员的组成和职责。', '消防制度。', '消防管理：消防档案、人员、设备设施。', '防火管理。'],
    records: '相关文件：灭火和应急疏散预案。\n记录：消防设施器材检查记录、防火检查记录、消防培训和演练记录。',
  }),
  rule({
    key: 'rule-special-equipment',
    no: 7,
    title: { 'zh-CN': '特种设备安全管理制度', 'en-US': 'Special equipment rule' },
    seedText: '特种设备：特种设备采购、安装、使用、操作人员要求及管理、维修、保养、检验要求、设备报废和拆除。',
    subject: '特种设备管理',
    objects: '本企业的特种设备：{specialEquipment}。',
    topics: ['采购。', '安装。', '使用。', '操作人员要求及管理：持证上岗。', '维修、保养。', '检验要求：按期定期检验。', '设备报废和拆除。'],
    records: '相关文件：特种设备操作规程。\n记录：特种设备台账、使用登记、定期检验报告、维护保养记录。',
  }),
  rule({
    key: 'rule-electricity',
    no: 8,
    title: { 'zh-CN': '用电安全管理制度（含临时用电）', 'en-US': 'Electricity rule (incl. temporary supply)' },
    seedText: '用电管理（含临时用电）：电力设施安装、电力设施维护、电力设施维修、电力设施使用、用电管理、人员要求、设备拆除。',
    subject: '用电（含临时用电）',
    objects: '',
    topics: ['电力设施安装。', '电力设施维护。', '电力设施维修。', '电力设施使用。', '用电管理（含临时用电的审批）。', '人员要求：电工持证上岗。', '设备拆除。'],
    records: '相关文件：电气安全操作规程。\n记录：临时用电作业许可证、电气设施检查记录。',
  }),
  rule({
    key: 'rule-maintenance',
    no: 9,
    title: { 'zh-CN': '检修作业安全管理制度', 'en-US': 'Maintenance work rule' },
    seedText: '检修作业：检修作业范围、检修作业的管理要求、检修作业实施、试车、恢复运行、交接等。',
    subject: '检修作业',
    objects: '主要设备设施：{equipment}。',
    topics: ['检修作业范围。', '检修作业的管理要求。', '检修作业实施。', '试车。', '恢复运行。', '交接。'],
    records: '相关文件：检修作业方案。\n记录：检修作业许可、检修记录、试车和交接记录。',
  }),
  rule({
    key: 'rule-site-people',
    no: 10,
    title: { 'zh-CN': '现场作业人员及相关方安全管理制度', 'en-US': 'On-site people and contractors rule' },
    seedText: '现场作业人员控制：资质（个人、承包方）管理、协议签定、现场作业控制要求、安全监督等。',
    subject: '现场作业人员和相关方（承包方）管理',
    objects: '',
    topics: ['资质（个人、承包方）管理。', '协议签定：签订安全管理协议。', '现场作业控制要求。', '安全监督。'],
    records: '相关文件：相关方安全管理协议。\n记录：相关方资质审查记录、入场安全教育记录（签字）、现场监督检查记录。',
  }),
];
