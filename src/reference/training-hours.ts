import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// 《生产经营单位安全培训规定》(国家安监总局令第3号, as amended) (standards-facts §9, CONFIRMED).
export const source: ReferenceSource = {
  standard: '国家安监总局令第3号',
  edition: 'as amended',
  title: { 'zh-CN': '生产经营单位安全培训规定', 'en-US': 'Rules on safety training in production and business units' },
  status: 'confirmed',
  notes: [
    '工贸 enterprises are "general" (non-high-risk) unless they do 金属冶炼, which 3号令 groups with the high-risk industries.',
    'The 8 h yearly rule for all staff comes from 国务院安委会《关于进一步加强安全培训工作的决定》 (document number 安委〔2012〕10号 UNCONFIRMED).',
    'Staff back after ≥ 1 year away or moved post: re-train at workshop and team level (第十七条 or 第十九条 depending on the consolidated version).',
  ],
  urls: ['http://uianet.net/dictionary/b4210771.html', 'https://www.jianshe99.com/anquan/bkzl/wa20201028152940.shtml'],
};

export type TrainingAudience = 'principal_and_safety_manager' | 'new_worker' | 'all_staff';
export type TrainingIndustryScope = 'general' | 'high_risk';

export type TrainingHoursRule = {
  readonly id: string;
  readonly audience: TrainingAudience;
  readonly industryScope: TrainingIndustryScope;
  readonly who: LocalizedText;
  /** Minimum 学时 before or on taking up the post; null if the rule sets none. */
  readonly initialHours: number | null;
  /** Minimum 学时 of re-training every year; null if the rule sets none. */
  readonly yearlyHours: number | null;
  readonly article: string;
  readonly document: string;
};

const highRisk = { 'zh-CN': '煤矿、非煤矿山、危险化学品、烟花爆竹、金属冶炼', 'en-US': 'coal mines, non-coal mines, hazardous chemicals, fireworks, metal smelting' };

export const trainingHoursRules: readonly TrainingHoursRule[] = [
  {
    id: 'o3-a9-general',
    audience: 'principal_and_safety_manager',
    industryScope: 'general',
    who: { 'zh-CN': '主要负责人、安全生产管理人员', 'en-US': 'Principal and safety managers' },
    initialHours: 32,
    yearlyHours: 12,
    article: '第九条',
    document: '国家安监总局令第3号',
  },
  {
    id: 'o3-a9-high-risk',
    audience: 'principal_and_safety_manager',
    industryScope: 'high_risk',
    who: {
      'zh-CN': `主要负责人、安全生产管理人员（${highRisk['zh-CN']}）`,
      'en-US': `Principal and safety managers (${highRisk['en-US']})`,
    },
    initialHours: 48,
    yearlyHours: 16,
    article: '第九条',
    document: '国家安监总局令第3号',
  },
  {
    id: 'o3-a13-general',
    audience: 'new_worker',
    industryScope: 'general',
    who: { 'zh-CN': '新上岗从业人员（岗前培训）', 'en-US': 'New workers (before starting)' },
    initialHours: 24,
    yearlyHours: null,
    article: '第十三条',
    document: '国家安监总局令第3号',
  },
  {
    id: 'o3-a13-high-risk',
    audience: 'new_worker',
    industryScope: 'high_risk',
    who: {
      'zh-CN': `新上岗从业人员（${highRisk['zh-CN']}）`,
      'en-US': `New workers (${highRisk['en-US']})`,
    },
    initialHours: 72,
    yearlyHours: 20,
    article: '第十三条',
    document: '国家安监总局令第3号',
  },
  {
    id: 'saw-decision-all-staff-general',
    audience: 'all_staff',
    industryScope: 'general',
    who: { 'zh-CN': '非高危行业全体从业人员（再培训）', 'en-US': 'All staff of non-high-risk enterprises (re-training)' },
    initialHours: 24,
    yearlyHours: 8,
    article: '—',
    document: '国务院安委会《关于进一步加强安全培训工作的决定》',
  },
];

/** 非高危 principal and safety managers must pass the knowledge and ability assessment within 6 months of taking the post. */
export const principalAssessmentWithinMonths = 6;
