/* Training rules beyond the hours table (training-hours.ts): who must be trained again, and the
 * certificates of special-operation workers. Facts from /work/shared/reference/standards-facts.md
 * §9 and §10; the seed 000 groups from 小企业职业安全健康管理体系实施指南 三(二). */
import type { LocalizedText } from './localized-text';

export interface RuleBasis {
  readonly document: string;
  readonly article: string;
  /** 'not-from-law': the seed names the group but no rule sets hours; the enterprise sets them. */
  readonly status: 'confirmed' | 'unconfirmed' | 'not-from-law';
}

/** 3号令 第十二条: 加工、制造业等 staff get 厂（矿）、车间（工段、区、队）、班组 三级安全培训 before starting work. */
export const threeLevelRule: RuleBasis = { document: '国家安监总局令第3号', article: '第十二条、第十三条', status: 'confirmed' };

export const threeLevels = ['company', 'workshop', 'team'] as const;
export type ThreeLevel = (typeof threeLevels)[number];
export const threeLevelLabels: Record<ThreeLevel, LocalizedText> = {
  company: { 'zh-CN': '厂（公司）级安全教育', 'en-US': 'Company-level safety induction' },
  workshop: { 'zh-CN': '车间（工段）级安全教育', 'en-US': 'Workshop-level safety induction' },
  team: { 'zh-CN': '班组级安全教育', 'en-US': 'Team-level safety induction' },
};

/** 调整工作岗位 or 离岗一年以上重新上岗: workshop and team level again. The article number differs
 *  between consolidated versions (第十七条 / 第十九条), so both are cited. */
export const reassignmentRule: RuleBasis = { document: '国家安监总局令第3号', article: '第十七条（部分版本为第十九条）', status: 'confirmed' };
/** "一年以上" includes one year (seed 001 Art. 2 reads 以上 as inclusive). */
export const returnAfterAbsenceDays = 365;

/** Special-operation certificate (特种作业操作证): valid 6 years, 复审 every 3 years (30号令). */
export const specialCertificateRule: RuleBasis = { document: '国家安监总局令第30号', article: '有效期6年、每3年复审（条号未核实）', status: 'unconfirmed' };
export const specialCertificateValidYears = 6;
export const specialCertificateReviewYears = 3;

/** Reminder thresholds before a certificate expires or falls due for review (issue 12 §4; not from a rule). */
export const certificateReminderDays = [90, 30] as const;

/** Seed 000 三(二) names these groups for targeted training; no rule sets their hours. */
export const seedGroupRule: RuleBasis = { document: '小企业职业安全健康管理体系实施指南（安监管技装字〔2003〕141号）', article: '三（二）', status: 'not-from-law' };

/** 工贸 industries whose enterprises do 金属冶炼 and so fall under the high-risk figures of 3号令.
 *  Assumption (not from a rule): the nonferrous template covers 有色金属冶炼. */
export const highRiskIndustries: readonly string[] = ['metallurgy', 'nonferrous'];
