/* Seed 002's reports, produced as .docx pre-filled from the enterprise's records at the moment they
 * are generated: the figures are kept with the report (a snapshot), so downloading it again later
 * gives the same document. 初始诊断评估报告, 咨询报告 (site hazards, problems, rectification plan) and
 * 工作进展成效评估报告书（首次/二次/末次）. */
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import { localDay } from '../../../domain/calendar/enterprise-day.js';
import { consultancyPhases, type ReportKind } from '../../../reference/consultancy-phases.js';
import { buildDocx, docBullets, docField, docHeading, docParagraph, docTable, type DocBlock } from '../../platform/exports/docx-builder.js';
import { notFound } from '../../platform/http/app-error.js';
import { findHazard } from '../hazards/hazards.repository.js';
import { gatherEnterpriseFacts } from '../oversight/county-indicators.service.js';
import * as repo from './consultancy.repository.js';
import { doneCodes, type EngagementRow } from './engagement.service.js';

export interface ReportSnapshot {
  day: string;
  consultancy: string;
  phase: number;
  enterprise: { name: string; address: string; headcount: number; principal: string; regionCode: string };
  postsByLevel: Record<string, number>;
  hazards: { found: number; fixed: number; open: number; overdue: number; openMajor: number; stopWorkInForce: number; onTimeRate: number | null };
  postsWithoutList: string[];
  taskCompletion: number | null;
  training: { people: number; compliance: number | null; certificatesLapsed: number };
  selfAssessment: { score: number | null; grade: string | null };
  findings: { description: string; status: string; grade: string | null; deadline: string | null }[];
  visits: { phase: number; visitedOn: string; consultants: string; work: string }[];
  done: string[];
}

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

export async function reportSnapshot(deps: AppDeps, row: EngagementRow): Promise<ReportSnapshot> {
  const g = await gatherEnterpriseFacts(deps, row.enterprise_id);
  if (!g) throw notFound('engagement');
  const findings = [];
  for (const f of await repo.listFindings(deps.db, [row.id])) {
    const h = await findHazard(deps.db, row.enterprise_id, f.hazard_id);
    if (h) findings.push({ description: h.description, status: h.status, grade: h.grade, deadline: h.deadline });
  }
  return {
    day: localDay(g.now, g.enterprise.time_zone),
    consultancy: row.consultancy_name,
    phase: row.phase,
    enterprise: { name: g.enterprise.name, address: g.enterprise.address, headcount: Number(g.enterprise.headcount), principal: g.enterprise.principal_name, regionCode: g.enterprise.region_code },
    postsByLevel: g.risks.postsByLevel,
    hazards: { found: g.hazards.found, fixed: g.hazards.fixed, open: g.hazards.open, overdue: g.hazards.overdue, openMajor: g.hazards.openMajor, stopWorkInForce: g.hazards.stopWorkInForce, onTimeRate: pct(g.hazards.onTimeRectificationRate) },
    postsWithoutList: g.inspections.postsWithoutList,
    taskCompletion: pct(g.inspections.completionRate),
    training: { people: g.training.people, compliance: pct(g.training.complianceRate), certificatesLapsed: g.training.certificates - g.training.certificatesValid },
    selfAssessment: { score: g.latest?.score1000 ?? null, grade: g.latest?.grade ?? null },
    findings,
    visits: (await repo.listVisits(deps.db, row.id)).map((v) => ({ phase: v.phase, visitedOn: v.visited_on, consultants: v.consultants, work: v.work })),
    done: [...((await doneCodes(deps.db, [row.id])).get(row.id)?.keys() ?? [])],
  };
}

const statusZh: Record<string, string> = {
  reported: '已上报',
  confirmed: '已确认',
  under_rectification: '整改中',
  submitted_for_acceptance: '待验收',
  closed: '已闭环',
  rejected: '不属于隐患',
};
const gradeZh = (g: string | null) => (g === 'major' ? '重大' : g === 'general' ? '一般' : '待确认');
const shown = (v: number | null, unit = '%') => (v === null ? '无记录' : `${v}${unit}`);

const titles: Record<ReportKind, string> = {
  initial_diagnosis: '初始诊断评估报告',
  consulting_report: '安全生产标准化咨询报告',
  progress_first: '工作进展成效评估报告书（首次咨询）',
  progress_second: '工作进展成效评估报告书（二次咨询）',
  progress_final: '工作进展成效评估报告书（末次咨询）',
};

function profile(s: ReportSnapshot): DocBlock[] {
  return [
    docHeading('一、企业基本情况', 2),
    docField('企业名称', s.enterprise.name),
    docField('地址', s.enterprise.address),
    docField('从业人员', s.enterprise.headcount),
    docField('主要负责人', s.enterprise.principal),
    docField('咨询机构', s.consultancy),
  ];
}

function benchmark(s: ReportSnapshot, heading: string): DocBlock[] {
  return [
    docHeading(heading, 2),
    docTable({
      columns: ['项目', '现状'],
      rows: [
        ['重大/较大风险岗位', `${s.postsByLevel.major ?? 0} / ${s.postsByLevel.significant ?? 0}`],
        ['未发布排查清单的岗位', s.postsWithoutList.length ? s.postsWithoutList.join('、') : '无'],
        ['近30天排查任务完成率', shown(s.taskCompletion)],
        ['本年发现隐患 / 已整改', `${s.hazards.found} / ${s.hazards.fixed}`],
        ['未闭环隐患（其中超期、重大）', `${s.hazards.open}（超期 ${s.hazards.overdue}，重大 ${s.hazards.openMajor}）`],
        ['按期整改率', shown(s.hazards.onTimeRate)],
        ['停产停业整改中', s.hazards.stopWorkInForce ? `${s.hazards.stopWorkInForce} 项` : '无'],
        ['培训合格率', shown(s.training.compliance)],
        ['证书过期或复审逾期', `${s.training.certificatesLapsed} 本`],
        ['最近一次自评得分', s.selfAssessment.score === null ? '尚未自评' : `${s.selfAssessment.score}（${s.selfAssessment.grade ?? ''}）`],
      ],
      widths: [40, 60],
    }),
  ];
}

function findingsTable(s: ReportSnapshot): DocBlock {
  return s.findings.length
    ? docTable({ columns: ['序号', '隐患及问题', '等级', '状态', '整改期限'], rows: s.findings.map((f, i) => [i + 1, f.description, gradeZh(f.grade), statusZh[f.status] ?? f.status, f.deadline ? f.deadline.slice(0, 10) : '—']), widths: [8, 52, 10, 15, 15] })
    : docParagraph('咨询小组尚未记录隐患和问题。');
}

function blocksOf(kind: ReportKind, s: ReportSnapshot): DocBlock[] {
  if (kind === 'initial_diagnosis') {
    return [
      ...profile(s),
      ...benchmark(s, '二、安全管理现状'),
      docHeading('三、现场查看发现的隐患和问题', 2),
      findingsTable(s),
      docHeading('四、结论', 2),
      docParagraph(`本报告依据 ${s.day} 系统中的企业记录生成，作为安全生产标准化创建的起点和下一步工作的依据。`),
    ];
  }
  if (kind === 'consulting_report') {
    return [
      ...profile(s),
      docHeading('二、作业现场以及设备设施的安全隐患和问题', 2),
      findingsTable(s),
      docHeading('三、整改措施方案', 2),
      docParagraph('以上隐患已登记为企业的隐患，由企业按隐患排查治理流程确定整改措施、责任人、资金和期限并整改，咨询小组在第三阶段复查整改情况。'),
    ];
  }
  const phase = kind === 'progress_first' ? 1 : kind === 'progress_second' ? 3 : 5;
  const visits = s.visits.filter((v) => v.phase <= phase);
  const done = consultancyPhases.filter((p) => p.phase <= phase).flatMap((p) => p.deliverables.filter((d) => s.done.includes(d.code)).map((d) => d.title['zh-CN']));
  const next = consultancyPhases.find((p) => p.phase === phase + 1);
  return [
    ...profile(s),
    docHeading('二、咨询内容', 2),
    visits.length ? docTable({ columns: ['日期', '咨询人员', '工作内容'], rows: visits.map((v) => [v.visitedOn, v.consultants, v.work]), widths: [18, 22, 60] }) : docParagraph('本阶段尚未记录现场咨询。'),
    docParagraph('已完成的交付物：', { bold: true }),
    docBullets(done.length ? done : ['（无）']),
    ...benchmark(s, '三、标准化建设情况对标评估'),
    docHeading('四、下一步工作意见', 2),
    docBullets(next ? next.deliverables.map((d) => d.title['zh-CN']) : ['按考评意见完成不符合项整改，持续运行安全生产标准化体系。']),
  ];
}

export async function buildEngagementReport(deps: AppDeps, reportId: string, row: EngagementRow): Promise<{ buffer: Buffer; fileName: string }> {
  const report = await repo.findReport(deps.db, reportId);
  if (!report || report.engagement_id !== row.id) throw notFound('engagement_report');
  const kind = report.kind as ReportKind;
  const s = fromDbJson<ReportSnapshot>(report.snapshot) as ReportSnapshot;
  const buffer = await buildDocx({ title: titles[kind], enterpriseName: s.enterprise.name, subtitle: `咨询机构：${s.consultancy}    日期：${s.day}`, blocks: blocksOf(kind, s) });
  return { buffer, fileName: `${s.enterprise.name}-${titles[kind]}.docx` };
}

