import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// 风险矩阵法 R = L × S; criteria text as in a Shandong-style 细则 annex "表C.1-1" (standards-facts §4).
export const source: ReferenceSource = {
  standard: 'DB37 工贸细则 annex (表C.1-1), as reposted',
  edition: 'unconfirmed',
  title: { 'zh-CN': '风险矩阵分析法（LS）判定准则', 'en-US': 'Risk matrix (LS) criteria' },
  status: 'partly-confirmed',
  notes: [
    'L and S criteria wording CONFIRMED in several sources.',
    'S direct-loss column is VARIANT: 100/50/1/<1 万元 in document copies, 50/25/10/<10 万元 in one code repository (see altDirectLoss).',
    'Any S column may determine the severity.',
  ],
  urls: ['https://m.taowenge.com/p-95858702.html', 'https://usbmi.com/quan/1714249300a1607578.html'],
};

export type LsScaleValue = 1 | 2 | 3 | 4 | 5;
export const lsScaleValues: readonly LsScaleValue[] = [5, 4, 3, 2, 1];

export type LsLikelihoodCriterion = { readonly value: LsScaleValue; readonly criterion: LocalizedText };

export const lsLikelihood: readonly LsLikelihoodCriterion[] = [
  {
    value: 5,
    criterion: {
      'zh-CN': '在现场没有采取防范、监测、保护、控制措施，或危害的发生不能被发现（没有监测系统），或在正常情况下经常发生此类事故或事件',
      'en-US': 'No prevention, monitoring, protection or control on site, or the hazard cannot be detected (no monitoring), or such accidents or events happen often in normal conditions',
    },
  },
  {
    value: 4,
    criterion: {
      'zh-CN': '危害的发生不容易被发现，现场没有检测系统，也未发生过任何监测，或在现场有控制措施但未有效执行或控制措施不当，或危害（常）发生或在预期情况下发生',
      'en-US': 'The hazard is hard to detect, no detection system and never monitored, or controls exist but are not applied effectively or are inadequate, or the hazard (often) occurs or occurs in expected conditions',
    },
  },
  {
    value: 3,
    criterion: {
      'zh-CN': '没有保护措施（如没有保护装置、没有个人防护用品等），或未严格按操作程序执行，或危害的发生容易被发现（现场有监测系统），或曾经作过监测，或过去曾经发生类似事故或事件（或在异常情况下发生类似事故或事件）',
      'en-US': 'No protective measures (no guards, no PPE, etc.), or procedures not strictly followed, or the hazard is easy to detect (monitoring on site), or it was monitored before, or similar accidents or events happened before (or happen in abnormal conditions)',
    },
  },
  {
    value: 2,
    criterion: {
      'zh-CN': '危害一旦发生能及时发现，并定期进行监测，或现场有防范控制措施并能有效执行，或过去偶尔发生事故或事件',
      'en-US': 'The hazard is detected promptly and monitored regularly, or controls on site are applied effectively, or accidents or events happened only occasionally',
    },
  },
  {
    value: 1,
    criterion: {
      'zh-CN': '有充分、有效的防范、控制、监测、保护措施，或员工安全卫生意识相当高，严格执行操作规程；极不可能发生事故或事件',
      'en-US': 'Full and effective prevention, control, monitoring and protection, or very high safety awareness with procedures strictly followed; an accident or event is extremely unlikely',
    },
  },
];

export type LsSeverityCriterion = {
  readonly value: LsScaleValue;
  readonly law: LocalizedText;
  readonly people: LocalizedText;
  readonly directLoss: LocalizedText;
  readonly altDirectLoss: LocalizedText;
  readonly downtime: LocalizedText;
  readonly reputation: LocalizedText;
};

export const lsSeverity: readonly LsSeverityCriterion[] = [
  {
    value: 5,
    law: { 'zh-CN': '违反法律、法规和标准', 'en-US': 'Violates laws, regulations and standards' },
    people: { 'zh-CN': '死亡', 'en-US': 'Death' },
    directLoss: { 'zh-CN': '≥100万元', 'en-US': '≥ CNY 1,000,000' },
    altDirectLoss: { 'zh-CN': '>50万元', 'en-US': '> CNY 500,000' },
    downtime: { 'zh-CN': '部分装置（>2套）或设备停工', 'en-US': 'Several units (> 2) or equipment stopped' },
    reputation: { 'zh-CN': '重大国际（国内）影响', 'en-US': 'Major international (national) impact' },
  },
  {
    value: 4,
    law: { 'zh-CN': '潜在违反法规和标准', 'en-US': 'Potentially violates regulations and standards' },
    people: { 'zh-CN': '丧失劳动能力', 'en-US': 'Loss of working capacity' },
    directLoss: { 'zh-CN': '≥50万元', 'en-US': '≥ CNY 500,000' },
    altDirectLoss: { 'zh-CN': '>25万元', 'en-US': '> CNY 250,000' },
    downtime: { 'zh-CN': '2套装置停工或设备停工', 'en-US': 'Two units or equipment stopped' },
    reputation: { 'zh-CN': '行业内、省内影响', 'en-US': 'Industry-wide or provincial impact' },
  },
  {
    value: 3,
    law: {
      'zh-CN': '不符合上级公司或行业的安全方针、制度、规定等',
      'en-US': "Breaches the parent company's or industry's safety policy or rules",
    },
    people: { 'zh-CN': '截肢、骨折、听力丧失、慢性病', 'en-US': 'Amputation, fracture, hearing loss, chronic illness' },
    directLoss: { 'zh-CN': '≥1万元', 'en-US': '≥ CNY 10,000' },
    altDirectLoss: { 'zh-CN': '>10万元', 'en-US': '> CNY 100,000' },
    downtime: { 'zh-CN': '1套装置停工或设备停工', 'en-US': 'One unit or equipment stopped' },
    reputation: { 'zh-CN': '地区影响', 'en-US': 'Regional impact' },
  },
  {
    value: 2,
    law: { 'zh-CN': '不符合企业的安全操作程序、规定', 'en-US': "Breaches the enterprise's safe operating procedures" },
    people: { 'zh-CN': '轻微受伤、间歇不舒服', 'en-US': 'Slight injury, intermittent discomfort' },
    directLoss: { 'zh-CN': '<1万元', 'en-US': '< CNY 10,000' },
    altDirectLoss: { 'zh-CN': '<10万元', 'en-US': '< CNY 100,000' },
    downtime: { 'zh-CN': '受影响不大，几乎不停工', 'en-US': 'Little effect, hardly any stoppage' },
    reputation: { 'zh-CN': '公司及周边范围', 'en-US': 'Company and its surroundings' },
  },
  {
    value: 1,
    law: { 'zh-CN': '完全符合', 'en-US': 'Fully compliant' },
    people: { 'zh-CN': '无伤亡', 'en-US': 'No injury' },
    directLoss: { 'zh-CN': '无损失', 'en-US': 'No loss' },
    altDirectLoss: { 'zh-CN': '无损失', 'en-US': 'No loss' },
    downtime: { 'zh-CN': '没有停工', 'en-US': 'No stoppage' },
    reputation: { 'zh-CN': '形象没有受损', 'en-US': 'No damage to reputation' },
  },
];

export const lsFactorLabels: Readonly<Record<'L' | 'S', LocalizedText>> = {
  L: { 'zh-CN': '事故发生的可能性', 'en-US': 'Likelihood of an accident' },
  S: { 'zh-CN': '后果严重性', 'en-US': 'Severity of the consequence' },
};

export function isLsScaleValue(value: number): value is LsScaleValue {
  return (lsScaleValues as readonly number[]).includes(value);
}

/** R values a 5 × 5 matrix can produce: 1,2,3,4,5,6,8,9,10,12,15,16,20,25 (standards-facts §4). */
export const lsPossibleProducts: readonly number[] = [...new Set(
  lsScaleValues.flatMap((l) => lsScaleValues.map((s) => l * s)),
)].sort((a, b) => a - b);
