import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { buildDocx, type DocBlock, docField, docHeading, docParagraph } from '../../platform/exports/docx-builder.js';
import { loadSharp } from '../../platform/lazy-modules.js';
import { addCellImages, addTableSheet, newWorkbook, type XlsxValue, workbookBuffer } from '../../platform/exports/xlsx-builder.js';
import { readPhoto } from '../inspections/attachments.service.js';
import type { AppDeps } from '../../app-deps.js';
import { statisticsPeriod, computeStatistics, quarterOf } from '../../../domain/hazard/statistics.js';
import { findMajorHazardCriterion } from '../../../reference/major-hazard-criteria.js';
import type { HazardDetailDto, HazardListQuery } from '../../../schemas/hazards.js';
import { AppError } from '../../platform/http/app-error.js';
import { getEnterprise } from '../enterprise/enterprise.service.js';
import { countOwedHazards, countStopWorkInForce, listHazardRows, listLedgerExtras, listStatisticsFacts } from './hazard-list.repository.js';
import { getHazardDetail, type HazardViewer, toFilter, workerScopeOf } from './hazard-read.service.js';

const localTime = (iso: string | null, tz: string) => (iso ? format(new TZDate(iso, tz), 'yyyy-MM-dd HH:mm') : '');
const heading = (text: string) => docHeading(text, 2);
const para = (text: string) => docParagraph(text);
const titled = (label: string, text: string) => docField(label, text);

async function majorHazard(deps: AppDeps, enterpriseId: string, hazardId: string): Promise<{ h: HazardDetailDto; name: string; tz: string }> {
  const h = await getHazardDetail(deps.db, enterpriseId, hazardId, deps.clock.now());
  if (h.grade !== 'major') throw new AppError('HAZARD_WRONG_STATE', { reasonZh: '只有重大事故隐患需要报告', reasonEn: 'only a major hazard is reported to the bureau' });
  const enterprise = await getEnterprise(deps, enterpriseId);
  return { h, name: enterprise.name, tz: enterprise.timeZone };
}

function basics(h: HazardDetailDto, tz: string): DocBlock[] {
  const criterion = h.criterionId ? findMajorHazardCriterion(h.criterionId) : null;
  return [
    titled('隐患部位', [h.postName, h.areaName].filter(Boolean).join(' / ') || '—'),
    titled('发现时间', localTime(h.createdAt, tz)),
    titled('隐患描述', h.description),
    titled('判定依据', criterion ? `应急管理部令第10号 第${criterion.article}条：${criterion.text['zh-CN']}` : `其他：${h.criterionOtherReason ?? ''}`),
    ...h.stopWork.map((s) => titled('停止作业、撤出人员', `${localTime(s.stoppedAt, tz)} 撤出 ${s.peopleWithdrawn}（${s.withdrawnBy}）${s.liftedAt ? `，${localTime(s.liftedAt, tz)} 经验收解除` : ''}`)),
  ];
}

const pending = '（待主要负责人组织制定治理方案后补充）';

/** 16号令 Art. 14 (二) / seed 001 Art. 17: the report of a major hazard to the county bureau, three sections. */
export async function buildBureauReport(deps: AppDeps, enterpriseId: string, hazardId: string): Promise<Buffer> {
  const { h, name, tz } = await majorHazard(deps, enterpriseId, hazardId);
  const p = h.remediationPlan;
  return buildDocx({
    title: '重大事故隐患报告',
    enterpriseName: name,
    subtitle: `报告单位：${name}    报告日期：${format(new TZDate(deps.clock.now().getTime(), tz), 'yyyy年MM月dd日')}`,
    blocks: [
          ...basics(h, tz),
          heading('一、隐患的现状及其产生原因'),
          para(p?.situationAndCause ?? h.description),
          heading('二、隐患的危害程度和整改难易程度分析'),
          para(p?.severityAndDifficulty ?? pending),
          heading('三、隐患的治理方案'),
          ...(p
            ? [
                titled('（一）治理的目标和任务', p.objective),
                titled('（二）采取的方法和措施', p.methods),
                titled('（三）经费和物资的落实', p.fundsAndMaterials),
                titled('（四）负责治理的机构和人员', p.organisationAndPeople),
                titled('（五）治理的时限和要求', p.schedule),
                titled('（六）安全措施和应急预案', p.safetyAndEmergency),
              ]
            : [para(pending)]),
    ],
  });
}

/** After acceptance: the result of the remediation, reported to the same bureau (seed 001 Art. 17). */
export async function buildResultReport(deps: AppDeps, enterpriseId: string, hazardId: string): Promise<Buffer> {
  const { h, name, tz } = await majorHazard(deps, enterpriseId, hazardId);
  if (h.status !== 'closed') throw new AppError('HAZARD_WRONG_STATE', { reasonZh: '隐患尚未验收', reasonEn: 'the hazard has not been accepted yet' });
  const accept = [...h.events].reverse().find((e) => e.action === 'accept');
  return buildDocx({
    title: '重大事故隐患治理结果报告',
    enterpriseName: name,
    subtitle: `报告单位：${name}`,
    blocks: [
          heading('一、隐患基本情况'),
          ...basics(h, tz),
          heading('二、治理方案及实施情况'),
          ...(h.remediationPlan ? [titled('治理的目标和任务', h.remediationPlan.objective), titled('采取的方法和措施', h.remediationPlan.methods)] : []),
          ...(h.rectificationPlan ? [titled('整改措施', h.rectificationPlan.measure), titled('整改资金（元）', String(h.rectificationPlan.fundsCny))] : []),
          heading('三、治理结果及验收'),
          para(h.remediationPlan?.result ?? String(accept?.data.note ?? '')),
          titled('验收人', accept?.actorName ?? ''),
          titled('验收时间', localTime(accept?.at ?? h.closedAt, tz)),
    ],
  });
}

const statusZh: Record<string, string> = {
  reported: '待确认',
  confirmed: '已确认',
  rejected: '不予确认',
  fixed_on_spot: '现场整改待验收',
  under_rectification: '整改中',
  submitted_for_acceptance: '待验收',
  closed: '已闭环',
};

const sourceZh: Record<string, string> = { inspection: '排查发现', adhoc: '随手拍', anonymous: '匿名上报' };

/** 隐患台账: the list's filters, every matching row (paged through the keyset, not OFFSET). */
export async function buildLedger(deps: AppDeps, enterpriseId: string, q: HazardListQuery, viewer?: HazardViewer): Promise<Buffer> {
  const enterprise = await getEnterprise(deps, enterpriseId);
  const tz = enterprise.timeZone;
  const now = deps.clock.now();
  const scope = await workerScopeOf(deps.db, enterpriseId, viewer);
  // Issue 9 §10: 来源/发现人, 判定依据, 临时措施, 停产撤人 and 公示 beside the usual columns.
  const headers = ['序号', '发现时间', '隐患部位', '隐患描述', '隐患等级', '整改措施', '责任人', '资金', '整改期限', '验收人', '验收时间', '状态', '来源/发现人', '判定依据', '临时措施', '停产撤人', '公示', '整改前照片', '整改后照片'];
  const widths = [6, 18, 20, 40, 10, 40, 10, 10, 18, 10, 18, 14, 18, 24, 30, 30, 8, 18, 18];
  const beforeCol = headers.indexOf('整改前照片');
  const ledgerRows: XlsxValue[][] = [];
  // Issue 8 §7: the first "before" and "after" photo of each hazard, embedded as thumbnails.
  const photoCells: { row: number; col: number; id: string }[] = [];
  let after: { at: string; id: string } | undefined;
  let n = 0;
  for (;;) {
    const rows = await listHazardRows(deps.db, enterpriseId, { ...toFilter(q, now, viewer, scope), after, limit: 1000 });
    if (!rows.length) break;
    const { plans, accepts, submits, stopWorks } = await listLedgerExtras(deps.db, enterpriseId, rows.map((r) => r.id));
    const afterOf = new Map<string, string[]>();
    for (const e of submits) {
      const ids = (JSON.parse(e.data || '{}') as { photoIds?: unknown }).photoIds;
      afterOf.set(e.hazard_id, Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : []);
    }
    const planOf = new Map(plans.map((p) => [p.hazard_id, p]));
    const acceptOf = new Map(accepts.map((a) => [a.hazard_id, a]));
    for (const r of rows) {
      const plan = planOf.get(r.id);
      const acc = acceptOf.get(r.id);
      ledgerRows.push([
        ++n,
        localTime(r.created_at, tz),
        [r.post_name, r.area_name].filter(Boolean).join(' / '),
        r.description,
        r.grade === 'major' ? '重大' : r.grade === 'general' ? '一般' : '',
        plan?.measure ?? '',
        plan?.owner_name ?? '',
        plan ? Number(plan.funds_cny) : '',
        localTime(plan?.deadline ?? r.deadline, tz),
        acc?.actor_name ?? '',
        localTime(acc?.at ?? null, tz),
        statusZh[r.status] ?? r.status,
        `${sourceZh[r.source] ?? r.source}/${r.reporter_person_name ?? r.reporter_user_name ?? r.reporter_name ?? '匿名'}`,
        r.grade === 'major' ? [r.criterion_id ? `重大隐患判定标准 ${r.criterion_id}` : '', r.criterion_other_reason ?? ''].filter(Boolean).join('；') : r.grade === 'general' ? '一般隐患（不符合重大隐患判定标准）' : '',
        plan?.interim_measure ?? '',
        stopWorks
          .filter((s) => s.hazard_id === r.id)
          .map((s) => `${localTime(s.stopped_at, tz)} 停产，撤离：${s.people_withdrawn || '—'}${s.lifted_at ? `；${localTime(s.lifted_at, tz)} 恢复` : ''}`)
          .join('\n') || '—',
        r.is_published === 1 ? '已公示' : '未公示',
        '',
        '',
      ]);
      const before = (JSON.parse(r.photo_ids || '[]') as string[])[0];
      const afterPhoto = afterOf.get(r.id)?.[0];
      if (before) photoCells.push({ row: n, col: beforeCol, id: before });
      if (afterPhoto) photoCells.push({ row: n, col: beforeCol + 1, id: afterPhoto });
    }
    const last = rows[rows.length - 1] as (typeof rows)[number];
    after = { at: last.created_at, id: last.id };
    if (rows.length < 1000) break;
  }
  const book = newWorkbook();
  const sheet = addTableSheet(book, { name: '隐患台账', columns: headers.map((header, i) => ({ header, width: widths[i] })), rows: ledgerRows });
  const images = [];
  for (const cell of photoCells) {
    const photo = await readPhoto(deps, enterpriseId, cell.id).catch(() => null);
    if (!photo) continue;
    const thumb = await loadSharp()(photo.data).resize({ width: 120, height: 90, fit: 'inside' }).jpeg({ quality: 70 }).toBuffer({ resolveWithObject: true });
    images.push({ row: cell.row, col: cell.col, jpeg: thumb.data, widthPx: thumb.info.width, heightPx: thumb.info.height });
  }
  addCellImages(book, sheet, images);
  return workbookBuffer(book);
}

/** 16号令 Art. 14: the quarter's (or, without quarter, the year's) numbers with the report due date. */
export async function getHazardStatistics(deps: AppDeps, enterpriseId: string, q: { year?: number; quarter?: number }) {
  const enterprise = await getEnterprise(deps, enterpriseId);
  const now = deps.clock.now();
  const current = quarterOf(now, enterprise.timeZone);
  const year = q.year ?? current.year;
  const quarter = (q.quarter ?? (q.year === undefined ? current.quarter : null)) as 1 | 2 | 3 | 4 | null;
  const period = statisticsPeriod(year, quarter, enterprise.timeZone);
  const rows = await listStatisticsFacts(deps.db, enterpriseId, period.start.toISOString(), period.end.toISOString());
  const stats = computeStatistics(
    rows.map((r) => ({ grade: r.grade, status: r.status, createdAt: r.created_at, closedAt: r.closed_at, deadline: r.deadline, fundsCny: r.funds_cny === null ? null : Number(r.funds_cny) })),
    period,
    now,
  );
  return { period: { ...period, start: period.start.toISOString(), end: period.end.toISOString() }, ...stats };
}

/** DESIGN "Indicators": the hazard feature's own figures over [from, to) — found, closed, on-time rate — and what is owed now. */
export async function hazardIndicators(deps: AppDeps, enterpriseId: string, from: Date, to: Date) {
  const now = deps.clock.now();
  const [rows, owed, stopWorkInForce] = await Promise.all([
    listStatisticsFacts(deps.db, enterpriseId, from.toISOString(), to.toISOString()),
    countOwedHazards(deps.db, enterpriseId, now.toISOString()),
    countStopWorkInForce(deps.db, enterpriseId),
  ]);
  const stats = computeStatistics(
    rows.map((r) => ({ grade: r.grade, status: r.status, createdAt: r.created_at, closedAt: r.closed_at, deadline: r.deadline, fundsCny: r.funds_cny === null ? null : Number(r.funds_cny) })),
    { start: from, end: to },
    now,
  );
  return { found: stats.found, fixed: stats.fixed, onTimeRectificationRate: stats.onTimeRectificationRate, open: owed.open, openMajor: owed.openMajor, overdue: owed.overdue, stopWorkInForce };
}
export type HazardIndicators = Awaited<ReturnType<typeof hazardIndicators>>;
