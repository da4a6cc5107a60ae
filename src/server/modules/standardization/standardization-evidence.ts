/* The evidence table (issue 16 §3): item → evidence function. Each function reads another feature's
 * own indicator function (DESIGN "Indicators") — never its tables — and turns the figures into a
 * proposed deduction with its reason (pure, domain/standardization/proposals.ts). A feature that
 * lands later (accidents, trainings, emergency plans and drills, documents…) adds its key to
 * reference/standardization/evidence-keys.ts and its function here. */
import type { AppDeps } from '../../app-deps.js';
import { listed, type Proposal, proposeFromRate, proposePerMissing, proposeVeto, tenPointStepsShort } from '../../../domain/standardization/proposals.js';
import { deductionFromRules } from '../../../domain/standardization/scoring.js';
import type { EvidenceKey } from '../../../reference/standardization/evidence-keys.js';
import { isEvidenceKey } from '../../../reference/standardization/evidence-keys.js';
import type { ScoreSheet, ScoreSheetItem } from '../../../reference/standardization/score-sheet.js';
import { hazardIndicators } from '../hazards/hazard-reports.service.js';
import { inspectionIndicators } from '../inspections/inspection-tasks.service.js';
import { emergencyIndicators } from '../emergency/emergency-due-items.service.js';
import { orgIndicators } from '../org/posts.service.js';
import { riskIndicators } from '../risks/risk-read.service.js';

/** The evidence period: the year up to the moment of pre-filling (not from the seed). */
export const evidencePeriodDays = 365;

class Indicators {
  private cache = new Map<string, Promise<unknown>>();
  constructor(
    readonly deps: AppDeps,
    readonly enterpriseId: string,
    readonly from: Date,
    readonly to: Date,
  ) {}
  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key) as Promise<T>;
  }
  org = () => this.once('org', () => orgIndicators(this.deps.db, this.enterpriseId));
  risks = () => this.once('risks', () => riskIndicators(this.deps.db, this.enterpriseId));
  inspections = () => this.once('inspections', () => inspectionIndicators(this.deps, this.enterpriseId, this.from, this.to));
  hazards = () => this.once('hazards', () => hazardIndicators(this.deps, this.enterpriseId, this.from, this.to));
  emergency = () => this.once('emergency', () => emergencyIndicators(this.deps, this.enterpriseId, { from: this.from.toISOString().slice(0, 10), to: this.to.toISOString().slice(0, 10) }));
}

type EvidenceFn = (ind: Indicators, item: ScoreSheetItem) => Promise<Proposal>;
/** The points of the item's n-th deduction rule, or the starter sheet's where the sheet has none. */
const rule = (item: ScoreSheetItem, n: number, fallback: number) => item.deductionRules[n]?.points ?? fallback;
const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

export const evidenceRules: Readonly<Record<EvidenceKey, EvidenceFn>> = {
  'post-duties': async (ind, item) => {
    const o = await ind.org();
    return proposePerMissing(item, rule(item, 1, 2), o.postsWithoutDuties, { 'zh-CN': '岗位安全职责', 'en-US': 'Post safety duties' }, [
      { 'zh-CN': `在册岗位 ${o.posts} 个，其中管理岗位 ${o.managementPosts.length} 个；未填写岗位职责 ${o.postsWithoutDuties.length} 个`, 'en-US': `${o.posts} posts (${o.managementPosts.length} management); ${o.postsWithoutDuties.length} without written duties` },
    ]);
  },
  'risk-identification': async (ind, item) => {
    const r = await ind.risks();
    return proposePerMissing(item, rule(item, 0, 2), r.postsWithoutRisk, { 'zh-CN': '岗位风险辨识', 'en-US': 'Risk identification' }, [
      { 'zh-CN': `在册岗位 ${r.posts} 个，已采纳风险 ${r.acceptedRisks} 项；无风险辨识的岗位 ${r.postsWithoutRisk.length} 个`, 'en-US': `${r.posts} posts, ${r.acceptedRisks} accepted risks; ${r.postsWithoutRisk.length} posts without any` },
      {
        'zh-CN': `重大 ${r.countsByLevel.major}、较大 ${r.countsByLevel.significant}、一般 ${r.countsByLevel.general}、低 ${r.countsByLevel.low}`,
        'en-US': `major ${r.countsByLevel.major}, significant ${r.countsByLevel.significant}, general ${r.countsByLevel.general}, low ${r.countsByLevel.low}`,
      },
    ]);
  },
  'risk-control': async (ind, item) => {
    const r = await ind.risks();
    const per = rule(item, 0, 2);
    const perPlan = rule(item, 1, 5);
    const evidence = [
      { 'zh-CN': `未落实管控（无措施或缺专项方案）的风险 ${r.uncontrolled} 项，其中重大/较大风险缺专项管控方案 ${r.missingSpecialPlan} 项`, 'en-US': `${r.uncontrolled} risks not under control, of which ${r.missingSpecialPlan} major/significant without a special control plan` },
      { 'zh-CN': `待复评的风险 ${r.dueForReview} 项`, 'en-US': `${r.dueForReview} risks due for review` },
    ];
    const withoutMeasures = Math.max(0, r.uncontrolled - r.missingSpecialPlan);
    const total = Math.min(item.points, withoutMeasures * per + r.missingSpecialPlan * perPlan);
    return {
      evidence,
      proposedDeduction: total,
      reason:
        total === 0
          ? { 'zh-CN': '风险均已落实管控措施，重大、较大风险均有专项方案', 'en-US': 'every risk has its measures, and every major/significant one its special plan' }
          : {
              'zh-CN': `未落实管控措施的风险 ${withoutMeasures} 项（每项扣 ${per} 分）；缺专项管控方案 ${r.missingSpecialPlan} 项（每项扣 ${perPlan} 分）；建议扣 ${total} 分`,
              'en-US': `${withoutMeasures} risks without measures (${per} each); ${r.missingSpecialPlan} without a special plan (${perPlan} each); proposed deduction ${total}`,
            },
      isVetoFired: false,
    };
  },
  'inspection-lists': async (ind, item) => {
    const i = await ind.inspections();
    const perList = rule(item, 0, 2);
    const step = rule(item, 1, 4);
    const forLists = deductionFromRules(item.points, [{ points: perList, times: i.postsWithoutList.length }]);
    const steps = tenPointStepsShort(i.completionRate);
    const total = deductionFromRules(item.points, [{ points: perList, times: i.postsWithoutList.length }, { points: step, times: steps }]);
    const zh = [
      i.postsWithoutList.length ? `岗位排查清单缺 ${i.postsWithoutList.length} 个（${listed(i.postsWithoutList)}），每个扣 ${perList} 分，计 ${forLists} 分` : '每个岗位均已发布排查清单',
      i.completionRate === null ? '评价期内无排查任务完成率数据' : `排查任务完成率 ${pct(i.completionRate)}${steps ? `，低于 100% ${steps} 个十个百分点，每个扣 ${step} 分` : ''}`,
    ];
    const en = [
      i.postsWithoutList.length ? `${i.postsWithoutList.length} posts without a published inspection list, ${perList} each` : 'every post has its published list',
      i.completionRate === null ? 'no task completion figures in the period' : `task completion ${pct(i.completionRate)}${steps ? `, ${steps} ten-point step(s) short, ${step} each` : ''}`,
    ];
    return {
      evidence: [
        { 'zh-CN': `未发布排查清单的岗位 ${i.postsWithoutList.length} 个`, 'en-US': `${i.postsWithoutList.length} posts without a published list` },
        {
          'zh-CN': `评价期内排查任务：完成 ${i.tasks.done}、漏查 ${i.tasks.missed}、进行中 ${i.tasks.open}，完成率 ${pct(i.completionRate)}`,
          'en-US': `tasks in the period: ${i.tasks.done} done, ${i.tasks.missed} missed, ${i.tasks.open} open; completion ${pct(i.completionRate)}`,
        },
      ],
      proposedDeduction: total,
      reason: { 'zh-CN': `${zh.join('；')}；建议扣 ${total} 分`, 'en-US': `${en.join('; ')}; proposed deduction ${total}` },
      isVetoFired: false,
    };
  },
  'hazard-remediation': async (ind, item) => {
    const h = await ind.hazards();
    return proposeFromRate(
      item,
      h.onTimeRectificationRate,
      rule(item, 0, 4),
      { 'zh-CN': '隐患按期整改率', 'en-US': 'on-time rectification rate' },
      { count: h.overdue, points: rule(item, 1, 2), what: { 'zh-CN': '逾期未整改的隐患', 'en-US': 'overdue hazards' } },
      [
        { 'zh-CN': `评价期内发现隐患 ${h.found} 项，整改闭环 ${h.fixed} 项，按期整改率 ${pct(h.onTimeRectificationRate)}`, 'en-US': `${h.found} hazards found in the period, ${h.fixed} closed, on time ${pct(h.onTimeRectificationRate)}` },
        { 'zh-CN': `当前逾期未整改 ${h.overdue} 项`, 'en-US': `${h.overdue} overdue now` },
      ],
    );
  },
  'emergency-plans': async (ind, item) => {
    const e = await ind.emergency();
    const noPlan = e.plansInForce === 0;
    const supplies = e.suppliesExpired + e.suppliesShort;
    const total = deductionFromRules(item.points, [{ points: rule(item, 0, 20), times: noPlan ? 1 : 0 }, { points: rule(item, 1, 5), times: supplies > 0 ? 1 : 0 }]);
    return {
      evidence: [
        { 'zh-CN': `应急预案 ${e.plans} 个，现行有效 ${e.plansInForce} 个，逾期未评审 ${e.plansOverdueForReview} 个`, 'en-US': `${e.plans} plans, ${e.plansInForce} in force, ${e.plansOverdueForReview} overdue for review` },
        { 'zh-CN': `应急物资过期 ${e.suppliesExpired} 项、数量不足 ${e.suppliesShort} 项`, 'en-US': `${e.suppliesExpired} supplies expired, ${e.suppliesShort} short` },
      ],
      proposedDeduction: total,
      reason: {
        'zh-CN': `${noPlan ? '没有现行有效的应急预案' : '有现行有效的应急预案'}；${supplies ? `应急物资过期或不足 ${supplies} 项` : '应急物资齐全有效'}；建议扣 ${total} 分`,
        'en-US': `${noPlan ? 'no plan in force' : 'plans in force'}; ${supplies ? `${supplies} supplies expired or short` : 'supplies complete'}; proposed deduction ${total}`,
      },
      isVetoFired: false,
    };
  },
  'emergency-drills': async (ind, item) => {
    const e = await ind.emergency();
    const unreviewed = Math.max(0, e.drillsHeld - e.drillsReviewed);
    const total = deductionFromRules(item.points, [{ points: rule(item, 0, 10), times: e.cadenceMet ? 0 : 1 }, { points: rule(item, 1, 5), times: unreviewed > 0 ? 1 : 0 }]);
    return {
      evidence: [{ 'zh-CN': `评价期内演练 ${e.drillsHeld} 次，已评估 ${e.drillsReviewed} 次；年度演练频次${e.cadenceMet ? '已满足' : '未满足'}`, 'en-US': `${e.drillsHeld} drills in the period, ${e.drillsReviewed} reviewed; yearly cadence ${e.cadenceMet ? 'met' : 'not met'}` }],
      proposedDeduction: total,
      reason: {
        'zh-CN': `${e.cadenceMet ? '按计划演练' : '未按计划完成演练'}；${unreviewed ? `${unreviewed} 次演练未评估` : '演练均已评估'}；建议扣 ${total} 分`,
        'en-US': `${e.cadenceMet ? 'drills as planned' : 'drills not held as planned'}; ${unreviewed ? `${unreviewed} drills not reviewed` : 'every drill reviewed'}; proposed deduction ${total}`,
      },
      isVetoFired: false,
    };
  },
  'open-major-hazards': async (ind) => {
    const h = await ind.hazards();
    return proposeVeto(h.openMajor, { 'zh-CN': '未整改完成的重大事故隐患', 'en-US': 'major hazards not yet remediated' }, [
      { 'zh-CN': `未整改完成的重大事故隐患 ${h.openMajor} 项`, 'en-US': `${h.openMajor} major hazards not yet remediated` },
    ]);
  },
};

/** Proposals for every item of the sheet that names evidence the product holds. */
export async function collectProposals(deps: AppDeps, enterpriseId: string, sheet: ScoreSheet, now: Date): Promise<Record<string, Proposal>> {
  const ind = new Indicators(deps, enterpriseId, new Date(now.getTime() - evidencePeriodDays * 86_400_000), now);
  const out: Record<string, Proposal> = {};
  for (const item of sheet.items) {
    if (!item.evidenceKey || !isEvidenceKey(item.evidenceKey)) continue;
    out[item.code] = await evidenceRules[item.evidenceKey](ind, item);
  }
  return out;
}
