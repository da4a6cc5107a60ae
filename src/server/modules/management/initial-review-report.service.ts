/* The initial review report (.docx, through the one builder): the team, the areas reviewed, the
 * baseline as it was when taken, the team's findings per area, the gaps with their follow-up, and
 * the conclusion. */
import type { ReviewBaseline } from '../../../domain/management/initial-review.js';
import { reviewAreaKeys, reviewAreaLabels } from '../../../reference/management/initial-review.js';
import { riskLevelLabels } from '../../../reference/risk-profiles.js';
import type { ReviewDto } from '../../../schemas/initial-review.js';
import type { Executor } from '../../db/with-transaction.js';
import { buildDocx, type DocBlock, docBullets, docField, docHeading, docParagraph, docTable } from '../../platform/exports/docx-builder.js';
import { getReview } from './initial-review.service.js';

const sizeClassZh: Record<string, string> = { small: '小型', micro: '微型', other: '其他' };
const pct = (rate: number | null) => (rate === null ? '暂无数据' : `${Math.round(rate * 1000) / 10}%`);
const names = (list: string[]) => (list.length ? list.join('、') : '无');
const notRecorded = '尚无记录（文件控制/法律法规登记尚未使用）';

/** The baseline as rows of (area, item, value) — what the records showed when the snapshot was taken. */
export function baselineRows(b: ReviewBaseline): [string, string, string][] {
  const c = b.risks.countsByLevel;
  return [
    ['企业概况', '企业规模', `${sizeClassZh[b.enterprise.sizeClass] ?? b.enterprise.sizeClass}（从业人员 ${b.enterprise.headcount} 人）`],
    ['组织与职责', '岗位', `${b.posts.total} 个（管理岗位 ${b.posts.management} 个）`],
    ['组织与职责', '未写明安全生产责任的岗位', names(b.posts.withoutDuties)],
    ['危害辨识和风险评价', '已评价的风险', `${b.risks.accepted} 条：${(['major', 'significant', 'general', 'low'] as const).map((l) => `${riskLevelLabels[l]['zh-CN']} ${c[l]}`).join('，')}`],
    ['危害辨识和风险评价', '未辨识风险的岗位', names(b.posts.withoutRisk)],
    ['控制措施', '无管控措施的风险', String(b.risks.uncontrolled)],
    ['控制措施', '缺少专项管控方案的重大风险', String(b.risks.missingSpecialPlan)],
    ['隐患排查治理', `${b.year} 年发现隐患`, `${b.hazards.found} 项，按期整改率 ${pct(b.hazards.onTimeRectificationRate)}`],
    ['隐患排查治理', '未整改重大隐患 / 超期隐患', `${b.hazards.openMajor} / ${b.hazards.overdue}`],
    ['隐患排查治理', `${b.year} 年排查任务完成率`, pct(b.inspections.completionRate)],
    ['隐患排查治理', '未发布排查清单的岗位', names(b.inspections.postsWithoutList)],
    ['教育培训', '培训学时达标', `${b.training.peopleCompliant} / ${b.training.people} 人（${pct(b.training.complianceRate)}）`],
    ['教育培训', '有效证书', `${b.training.certificatesValid} / ${b.training.certificates}`],
    ['应急管理', '现行有效的应急预案', `${b.emergency.plansInForce} / ${b.emergency.plans}，逾期未评审 ${b.emergency.plansOverdueForReview}`],
    ['应急管理', `${b.year} 年已举行演练`, `${b.emergency.drillsHeld} 次`],
    ['事故', `${b.accidents.since} 以来事故`, `${b.accidents.accidents} 起`],
    ['管理制度', '受控文件', b.documents === null ? notRecorded : `${b.documents.inForce} 份现行有效`],
    ['法律法规', '已识别的法律法规及其他要求', b.laws === null ? notRecorded : `${b.laws.items} 项`],
  ];
}

export function reviewReportBlocks(r: ReviewDto): DocBlock[] {
  const blocks: DocBlock[] = [
    docField('评审名称', r.title),
    docField('状态', r.status === 'completed' ? `已完成（${r.completedAt?.slice(0, 10) ?? ''}，${r.completedByName ?? ''}）` : '进行中（草稿）'),
    docField('基准数据采集时间', r.baseline.takenAt.slice(0, 16).replace('T', ' ') + ' UTC'),
    docHeading('一、评审组'),
    docTable({ columns: ['序号', '姓名', '评审中的职责'], rows: r.members.map((m, i) => [i + 1, m.name, m.role]), widths: [1, 2, 4] }),
    docHeading('二、评审内容'),
    docParagraph('依据《小企业职业安全健康管理体系实施指南》（安监管技装字〔2003〕141号）二(二)，初始评审包括以下方面（该清单在种子文本中缺失，按原指南补充，非种子原文）：'),
    docBullets(reviewAreaKeys.map((k) => reviewAreaLabels[k]['zh-CN'])),
    docHeading('三、现状基准（由系统根据本企业记录预填）'),
    docTable({ columns: ['方面', '项目', '现状'], rows: baselineRows(r.baseline), widths: [2, 3, 5] }),
    docHeading('四、评审组发现'),
  ];
  for (const area of reviewAreaKeys) {
    const found = r.findings.filter((f) => f.area === area);
    if (!found.length) continue;
    blocks.push(docHeading(reviewAreaLabels[area]['zh-CN'], 2), docBullets(found.map((f) => `${f.text}${f.isGap ? '（差距）' : ''}`)));
  }
  if (!r.findings.length) blocks.push(docParagraph('无。'));
  blocks.push(
    docHeading('五、差距清单及处置'),
    docTable({
      columns: ['序号', '评审内容', '差距', '处置'],
      rows: r.gaps.map((g, i) => [
        i + 1,
        reviewAreaLabels[g.area]['zh-CN'],
        g.text,
        g.objectiveName ? `纳入目标：${g.objectiveName}` : g.actionText ? `${g.actionText}（${g.actionOwnerName ?? ''}，${g.actionDueOn ?? ''} 前${g.actionDoneAt ? '，已完成' : ''}）` : '待确定',
      ]),
      widths: [1, 3, 5, 4],
    }),
    docHeading('六、评审结论'),
    docParagraph(r.conclusion || '—'),
  );
  return blocks;
}

export async function buildReviewReport(db: Executor, enterpriseId: string, id: string): Promise<Buffer> {
  const review = await getReview(db, enterpriseId, id, 'zh-CN');
  return buildDocx({ title: '职业安全健康管理体系初始评审报告', enterpriseName: review.baseline.enterprise.name, subtitle: review.title, blocks: reviewReportBlocks(review) });
}
