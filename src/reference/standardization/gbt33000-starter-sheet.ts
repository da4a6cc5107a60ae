import type { ReferenceSource } from '../reference-source';
import type { EvidenceKey } from './evidence-keys';
import type { ScoreSheet, ScoreSheetItem, SheetPart } from './score-sheet';

// GB/T 33000-2016《企业安全生产标准化基本规范》: a starter sheet on its eight first-level elements.
// standards-facts §8: the eight first-level elements are CONFIRMED; the second-level elements used
// here as items are UNCONFIRMED (recalled clause structure). The points of each item, the assessment
// methods, the deduction rules, the veto items and the three-part grouping are NOT FROM THE SEED and
// not from the standard (GB/T 33000 sets no points): they are the product's starter, to be replaced
// by the industry's official 评定标准 (import it from .xlsx) before an application for grading.
export const source: ReferenceSource = {
  standard: 'GB/T 33000-2016',
  edition: '2016',
  title: { 'zh-CN': '企业安全生产标准化基本规范（自评起步评分表）', 'en-US': 'Basic norm of enterprise safety-production standardization (starter scoring sheet)' },
  status: 'partly-confirmed',
  notes: [
    'First-level elements 5.1–5.8: CONFIRMED (standards-facts §8).',
    'Second-level elements (item titles): UNCONFIRMED — check against the official text.',
    'Points, methods, deduction rules, veto items: not from the seed; 1,000 points in all (seed 004: a thousand-point system).',
    'Three-part grouping (基础管理 / 设备设施 / 作业环境与职业健康): seed 004; the mapping of items to parts is not from the seed.',
  ],
  urls: ['http://iso999.com/teamview_6047487.html', 'http://www.boteman.cn/paper/240152035.html'],
};

export const starterSheetRef = 'gbt33000-starter';

const method = {
  docs: '查文件、记录',
  docsAndAsk: '查文件、记录；询问相关人员',
  site: '现场检查；查记录',
  siteAndAsk: '现场检查；询问从业人员；查记录',
} as const;

type Row = [code: string, title: string, points: number, method: string, rules: [string, number][], canBeNotApplicable: boolean, part?: SheetPart];

/** Item → the product evidence that bears on it (the table each later feature extends). */
const evidenceOf: Readonly<Record<string, EvidenceKey>> = {
  '5.1.2': 'post-duties',
  '5.5.1': 'risk-identification',
  '5.5.2': 'risk-control',
  '5.5.5': 'inspection-lists',
  '5.5.6': 'hazard-remediation',
  '5.6.1': 'emergency-plans',
  '5.6.2': 'emergency-drills',
  'V-1': 'open-major-hazards',
};

const element = (elementCode: string, rows: Row[]): ScoreSheetItem[] =>
  rows.map(([code, title, points, m, rules, canBeNotApplicable, part]) => ({
    code,
    elementCode,
    title,
    points,
    method: m,
    deductionRules: rules.map(([text, p]) => ({ text, points: p })),
    canBeNotApplicable,
    isVeto: false,
    part: part ?? 'basic_management',
    isConfirmed: false,
    ...(evidenceOf[code] ? { evidenceKey: evidenceOf[code] } : {}),
  }));

export const starterSheet: ScoreSheet = {
  name: 'GB/T 33000-2016 自评起步评分表（1000分）',
  totalPoints: 1000,
  sourceNote: 'GB/T 33000-2016 一级要素（已确认）；二级要素、分值与扣分标准为产品起步内容，未经官方评定标准确认，申请定级前请导入本行业评定标准。',
  elements: [
    { code: '5.1', name: '目标职责' },
    { code: '5.2', name: '制度化管理' },
    { code: '5.3', name: '教育培训' },
    { code: '5.4', name: '现场管理' },
    { code: '5.5', name: '安全风险管控及隐患排查治理' },
    { code: '5.6', name: '应急管理' },
    { code: '5.7', name: '事故管理' },
    { code: '5.8', name: '持续改进' },
  ],
  items: [
    ...element('5.1', [
      ['5.1.1', '目标：制定安全生产目标，分解到各部门，定期考核', 20, method.docs, [['未制定年度安全生产目标，扣 10 分', 10], ['目标未分解到部门，每缺一个部门扣 2 分', 2], ['未定期考核目标完成情况，扣 5 分', 5]], false],
      ['5.1.2', '机构和职责：设置安全管理机构、配备安全管理人员，建立全员安全生产责任制（各岗位职责）', 30, method.docsAndAsk, [['未设置机构或未配备安全管理人员，扣 15 分', 15], ['每缺一个岗位的安全职责，扣 2 分', 2]], false],
      ['5.1.3', '全员参与：从业人员参与风险辨识、隐患排查，建立激励约束机制', 20, method.docsAndAsk, [['从业人员未参与风险辨识或隐患排查，扣 10 分', 10], ['未建立激励约束机制，扣 5 分', 5]], false],
      ['5.1.4', '安全生产投入：按规定提取和使用安全生产费用，建立使用台账', 30, method.docs, [['未按规定提取安全费用，扣 15 分', 15], ['未建立安全费用使用台账，扣 10 分', 10]], false],
      ['5.1.5', '安全文化建设：开展安全文化建设活动', 15, method.docsAndAsk, [['未开展安全文化建设活动，扣 10 分', 10]], false],
      ['5.1.6', '安全生产信息化建设：运用信息化手段管理安全生产', 15, method.site, [['未运用信息化手段，扣 5 分', 5]], true],
    ]),
    ...element('5.2', [
      ['5.2.1', '法规标准识别：建立法律法规标准清单并及时更新，落实到岗位', 25, method.docs, [['未建立法律法规清单，扣 15 分', 15], ['清单未及时更新，扣 5 分', 5]], false],
      ['5.2.2', '规章制度：建立健全安全生产规章制度', 30, method.docs, [['每缺一项必备制度，扣 3 分', 3]], false],
      ['5.2.3', '操作规程：制定岗位安全操作规程并发放到岗位', 30, method.siteAndAsk, [['每缺一个岗位的操作规程，扣 3 分', 3], ['操作规程未发放到岗位，扣 2 分', 2]], false],
      ['5.2.4', '文档管理：文件和记录受控，只使用现行有效版本', 15, method.docs, [['使用失效版本，每处扣 2 分', 2], ['记录不完整，每处扣 1 分', 1]], false],
    ]),
    ...element('5.3', [
      ['5.3.1', '教育培训管理：制定培训计划，建立培训档案', 30, method.docs, [['未制定年度培训计划，扣 10 分', 10], ['未建立培训档案，扣 10 分', 10]], false],
      ['5.3.2', '主要负责人和安全管理人员培训考核合格（初训 32 学时、每年再培训 12 学时）', 20, method.docs, [['每一人未经培训考核合格，扣 5 分', 5]], false],
      ['5.3.3', '从业人员三级安全教育、岗前培训（不少于 24 学时）和每年再培训', 30, method.docsAndAsk, [['每一人未经岗前培训上岗，扣 3 分', 3], ['未进行年度再培训，扣 5 分', 5]], false],
      ['5.3.4', '特种作业人员持证上岗，按期复审', 20, method.docsAndAsk, [['每一人无证上岗，扣 10 分', 10], ['每一人证件逾期未复审，扣 5 分', 5]], true],
    ]),
    ...element('5.4', [
      ['5.4.1', '设备设施管理：设备设施台账、检维修、特种设备检验、安全设施完好', 100, method.site, [['未建立设备设施台账，扣 10 分', 10], ['特种设备未按期检验，每台扣 10 分', 10], ['安全防护装置缺失或失效，每处扣 5 分', 5]], false, 'equipment_facilities'],
      ['5.4.2', '作业安全：危险作业审批、相关方管理、劳动防护用品', 100, method.siteAndAsk, [['危险作业未审批，每次扣 10 分', 10], ['未对相关方统一协调管理，扣 10 分', 10], ['未按规定配备、使用劳动防护用品，每人次扣 2 分', 2]], false, 'environment_health'],
      ['5.4.3', '职业健康：职业病危害因素检测、告知、职业健康检查', 70, method.site, [['未进行职业病危害因素检测，扣 20 分', 20], ['未进行职业健康检查，每人扣 2 分', 2]], true, 'environment_health'],
      ['5.4.4', '警示标志：按规定设置安全警示标志和风险告知', 30, method.site, [['每缺一处警示标志，扣 2 分', 2]], false, 'environment_health'],
    ]),
    ...element('5.5', [
      ['5.5.1', '安全风险辨识：以岗位为单元开展风险辨识，覆盖全部岗位', 40, method.docsAndAsk, [['每缺一个岗位的风险辨识，扣 2 分', 2]], false],
      ['5.5.2', '风险评价与分级管控：评价定级、落实管控措施，重大、较大风险制定专项管控方案', 30, method.docs, [['每一项风险未落实管控措施，扣 2 分', 2], ['每一项重大或较大风险无专项管控方案，扣 5 分', 5]], false],
      ['5.5.3', '风险公告告知：岗位风险告知卡、较大以上风险区域公告栏、风险四色图', 20, method.site, [['每缺一个岗位的风险告知，扣 2 分', 2]], false, 'environment_health'],
      ['5.5.4', '重大危险源辨识和管理', 20, method.docs, [['未开展重大危险源辨识，扣 10 分', 10]], true, 'equipment_facilities'],
      ['5.5.5', '隐患排查：每个岗位有排查清单并按周期执行', 40, method.siteAndAsk, [['每缺一个岗位的排查清单，扣 2 分', 2], ['排查任务完成率每低于 100% 十个百分点，扣 4 分', 4]], false],
      ['5.5.6', '隐患治理：五落实，按期整改、验收闭环', 40, method.docs, [['隐患按期整改率每低于 100% 十个百分点，扣 4 分', 4], ['每一项逾期未整改的隐患，扣 2 分', 2]], false],
      ['5.5.7', '预测预警：根据风险和隐患情况进行预测预警', 10, method.docs, [['未开展预测预警，扣 5 分', 5]], true],
    ]),
    ...element('5.6', [
      ['5.6.1', '应急准备：应急预案编制、评审、备案，应急物资配备', 30, method.docs, [['未编制应急预案，扣 20 分', 20], ['应急物资不足，扣 5 分', 5]], false],
      ['5.6.2', '应急演练：按计划组织演练并评估', 20, method.docs, [['未按计划演练，扣 10 分', 10], ['演练后未评估，扣 5 分', 5]], false],
      ['5.6.3', '应急处置：事故发生后按预案处置', 15, method.docsAndAsk, [['未按预案处置，扣 10 分', 10]], true],
      ['5.6.4', '应急评估：对应急准备和处置工作进行评估', 15, method.docs, [['未开展应急评估，扣 10 分', 10]], false],
    ]),
    ...element('5.7', [
      ['5.7.1', '事故报告：按规定及时报告事故', 15, method.docs, [['迟报、漏报、谎报、瞒报事故，扣 15 分', 15]], false],
      ['5.7.2', '事故调查和处理：查明原因、落实整改和防范措施', 20, method.docs, [['未开展调查或未落实防范措施，每起扣 10 分', 10]], true],
      ['5.7.3', '事故管理：建立事故台账（含未遂事件）并分析', 15, method.docs, [['未建立事故台账，扣 10 分', 10]], false],
    ]),
    ...element('5.8', [
      ['5.8.1', '绩效评定：每年至少一次自评，形成报告', 25, method.docs, [['未开展年度自评，扣 20 分', 20]], false],
      ['5.8.2', '持续改进：根据自评结果修订制度、整改问题', 15, method.docs, [['自评发现的问题未整改，每项扣 2 分', 2]], false],
    ]),
    // Veto items (否决项), 0 points: not from the seed; the 2021 定级办法 conditions are UNCONFIRMED (standards-facts §8).
    {
      code: 'V-1',
      elementCode: '5.5',
      title: '否决项：存在未整改完成的重大事故隐患',
      points: 0,
      method: method.docs,
      deductionRules: [],
      canBeNotApplicable: false,
      isVeto: true,
      part: 'basic_management',
      isConfirmed: false,
      evidenceKey: evidenceOf['V-1'],
    },
    {
      code: 'V-2',
      elementCode: '5.7',
      title: '否决项：自评前一年内发生生产安全死亡事故',
      points: 0,
      method: method.docs,
      deductionRules: [],
      canBeNotApplicable: false,
      isVeto: true,
      part: 'basic_management',
      isConfirmed: false,
    },
  ],
};
