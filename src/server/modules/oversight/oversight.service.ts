/* Seed 001 Art. 17: the report of a major hazard (and of its remediation result) reaches the county
 * bureau's regulators linked to the enterprise — a record, a notification, an inbox they acknowledge.
 * 16号令: the remediation is evaluated by technical staff or experts before the stop-work lifts.
 * Item 10: the regulator lands on an overview of its enterprises. */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import type { BureauReportDto, OversightOverviewDto, RemediationEvaluationDto, RemediationEvaluationInput } from '../../../schemas/oversight.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { notifyInTransaction } from '../notifications/notifications.service.js';
import * as repo from './oversight.repository.js';
import { findJurisdiction, listJurisdictionUserIds, type Scope } from './county.repository.js';
import { inboxPage } from './inbox-page.js';

const docxPath = (reportId: string) => `/api/v1/bureau-reports/${reportId}/report.docx`;

/**
 * Called by the hazards feature in its transaction: confirming a major hazard (kind major_hazard) and
 * accepting its remediation (kind result). Once per hazard and kind; the linked regulators are notified.
 */
export async function reportToBureau(
  trx: Executor,
  input: { enterpriseId: string; hazardId: string; kind: 'major_hazard' | 'result'; userId: string | null; summary: string; at: Date },
): Promise<void> {
  const enterprise = await repo.findEnterpriseRegion(trx, input.enterpriseId);
  // Not from the seed: the bureau is named by the enterprise's region (行政区划代码) until a region list names it.
  const bureau = `${enterprise?.region_code ?? ''} 县级应急管理局`;
  const id = newId();
  const isNew = await repo.insertReportOnce(trx, {
    id,
    enterprise_id: input.enterpriseId,
    hazard_id: input.hazardId,
    kind: input.kind,
    bureau,
    reported_by_user_id: input.userId,
    reported_at: input.at.toISOString(),
    summary: input.summary.slice(0, 1000),
  });
  if (!isNew) return;
  await recordChange(trx, { userId: input.userId, enterpriseId: input.enterpriseId }, input.at, { entity: 'bureau_report', entityId: id, action: 'report', after: { kind: input.kind, bureau, hazardId: input.hazardId } });
  const linked = (await repo.listRegulatorUserIds(trx, input.enterpriseId)).map((r) => r.user_id);
  const regulators = [...new Set([...linked, ...(enterprise ? await listJurisdictionUserIds(trx, input.enterpriseId, enterprise.region_code) : [])])];
  const name = enterprise?.name ?? '';
  await notifyInTransaction(trx, {
    enterpriseId: input.enterpriseId,
    userIds: regulators,
    kind: 'bureau_report',
    title:
      input.kind === 'result'
        ? { 'zh-CN': `${name}：重大事故隐患治理结果报告`, 'en-US': `${name}: major hazard remediation result report` }
        : { 'zh-CN': `${name}：重大事故隐患报告`, 'en-US': `${name}: major hazard report` },
    body: { 'zh-CN': input.summary.slice(0, 200), 'en-US': input.summary.slice(0, 200) },
    link: '/oversight',
    dedupeKey: `bureau_report:${input.kind}:${input.hazardId}`,
    at: input.at,
  });
}

async function linkedEnterpriseIds(db: Executor, userId: string, roles: string[]): Promise<string[]> {
  return (await repo.listLinkedEnterprises(db, userId, roles)).map((e) => e.id);
}

async function toDtos(db: Executor, rows: Awaited<ReturnType<typeof repo.listReportPage>>, userId: string): Promise<BureauReportDto[]> {
  const acks = await repo.listAcks(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const mine = acks.filter((a) => a.report_id === r.id);
    return {
      id: r.id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      hazardId: r.hazard_id,
      kind: r.kind as BureauReportDto['kind'],
      bureau: r.bureau,
      summary: r.summary,
      reportedAt: r.reported_at,
      reportedByName: r.reported_by_name,
      docxUrl: docxPath(r.id),
      acknowledgements: mine.map((a) => ({ userName: a.user_name ?? '', note: a.note, acknowledgedAt: a.acknowledged_at })),
      isAcknowledgedByMe: mine.some((a) => a.user_id === userId),
    };
  });
}

/** The regulator's inbox, a page newest first: reports of its jurisdiction and of every enterprise it is linked to. */
export async function listInbox(db: Executor, userId: string, q: { cursor?: string; limit: number }): Promise<{ items: BureauReportDto[]; nextCursor: string | null }> {
  const ids = await linkedEnterpriseIds(db, userId, ['regulator']);
  const scope = await jurisdictionOf(db, userId);
  const page = await inboxPage({ scope, enterpriseIds: ids }, (source, p) => repo.listReportPage(db, source, p), (r) => r.reported_at, q);
  return { items: await toDtos(db, page.items, userId), nextCursor: page.nextCursor };
}

async function jurisdictionOf(db: Executor, userId: string): Promise<Scope | null> {
  const row = await findJurisdiction(db, userId);
  return row ? { countyCode: row.county_code, townCode: row.town_code } : null;
}

/** The reports of one hazard, for its enterprise's own pages. */
export async function listReportsOfHazard(db: Executor, enterpriseId: string, hazardId: string, userId: string): Promise<{ items: BureauReportDto[] }> {
  return { items: await toDtos(db, await repo.listReports(db, [enterpriseId], hazardId), userId) };
}

/** A report the user may see as a regulator (another enterprise's report is "not found"). */
export async function findReportForRegulator(db: Executor, userId: string, reportId: string) {
  const report = await repo.findReport(db, reportId);
  if (!report) throw notFound('bureau_report');
  const ids = await linkedEnterpriseIds(db, userId, ['regulator']);
  if (ids.includes(report.enterprise_id)) return report;
  const scope = await jurisdictionOf(db, userId);
  const inScope = scope ? (await repo.listReports(db, [], report.hazard_id, scope)).some((r) => r.id === reportId) : false;
  if (!inScope) throw notFound('bureau_report');
  return report;
}

export async function acknowledgeReport(deps: AppDeps, userId: string, reportId: string, note: string): Promise<BureauReportDto> {
  return withTransaction(deps.db, async (trx) => {
    const report = await findReportForRegulator(trx, userId, reportId);
    const now = deps.clock.now();
    const id = newId();
    // Acknowledging twice is harmless: the first acknowledgement stands (insert-only).
    if (await repo.insertAckOnce(trx, { id, report_id: reportId, enterprise_id: report.enterprise_id, user_id: userId, note, acknowledged_at: now.toISOString() })) {
      await recordChange(trx, { userId, enterpriseId: report.enterprise_id }, now, { entity: 'bureau_report', entityId: reportId, action: 'acknowledge', after: { note } });
    }
    const [dto] = await toDtos(trx, (await repo.listReports(trx, [report.enterprise_id], report.hazard_id)).filter((r) => r.id === reportId), userId);
    return dto as BureauReportDto;
  });
}

/** Item 10: the regulator's (and consultant's) enterprises with what needs attention. */
export async function getOverview(db: Executor, userId: string): Promise<OversightOverviewDto> {
  const enterprises = await repo.listLinkedEnterprises(db, userId, ['regulator', 'consultant']);
  const ids = enterprises.map((e) => e.id);
  // Not another feature's indicator yet: the hazards feature has no open-count function to call.
  const hazards = await repo.countOpenHazards(db, ids);
  const unacknowledged = await repo.countUnacknowledged(db, enterprises.filter((e) => e.role === 'regulator').map((e) => e.id), userId);
  // The posts by level of every linked enterprise in one grouped statement (not a risk overview each).
  const posts = await repo.countPostLevels(db, ids);
  const items = [];
  for (const e of enterprises) {
    const open = hazards.find((h) => h.enterprise_id === e.id);
    const level = (l: string) => posts.filter((p) => p.enterprise_id === e.id && p.level === l).reduce((n, p) => n + Number(p.n), 0);
    items.push({
      enterpriseId: e.id,
      name: e.name,
      industry: e.industry as OversightOverviewDto['items'][number]['industry'],
      regionCode: e.region_code,
      sizeClass: e.size_class as OversightOverviewDto['items'][number]['sizeClass'],
      role: e.role,
      openHazards: Number(open?.n ?? 0),
      openMajorHazards: Number(open?.major ?? 0),
      unacknowledgedReports: Number(unacknowledged.find((u) => u.enterprise_id === e.id)?.n ?? 0),
      postsByLevel: { major: level('major'), significant: level('significant'), general: level('general'), low: level('low') },
    });
  }
  return { items };
}

function toEvaluationDto(r: Awaited<ReturnType<typeof repo.listEvaluations>>[number]): RemediationEvaluationDto {
  return {
    id: r.id,
    hazardId: r.hazard_id,
    evaluators: r.evaluators,
    evaluatorKind: r.evaluator_kind as RemediationEvaluationDto['evaluatorKind'],
    conclusion: r.conclusion as RemediationEvaluationDto['conclusion'],
    opinion: r.opinion,
    evaluatedOn: r.evaluated_on,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
  };
}

export async function listRemediationEvaluations(db: Executor, enterpriseId: string, hazardId: string) {
  return { items: (await repo.listEvaluations(db, enterpriseId, hazardId)).map(toEvaluationDto) };
}

/** Does the latest evaluation of the hazard's remediation pass? (the stop-work may lift only then) */
export async function hasPassedRemediationEvaluation(db: Executor, enterpriseId: string, hazardId: string): Promise<boolean> {
  const rows = await repo.listEvaluations(db, enterpriseId, hazardId);
  return rows.at(-1)?.conclusion === 'passed';
}

/** Insert-only: a new evaluation supersedes the earlier one (a failed one is followed by a passed one). */
export async function recordRemediationEvaluation(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  hazard: { id: string; grade: string | null; status: string },
  input: RemediationEvaluationInput,
  locale: Locale,
): Promise<RemediationEvaluationDto> {
  if (hazard.grade !== 'major') {
    throw fieldError('hazardId', { 'zh-CN': '只有重大事故隐患需要治理评估', 'en-US': 'Only a major hazard needs an evaluation of its remediation' });
  }
  if (hazard.status === 'closed') throw new AppError('HAZARD_WRONG_STATE', { reasonZh: '隐患已闭环', reasonEn: 'the hazard is closed' });
  void locale;
  return withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now();
    const row = {
      id: newId(),
      enterprise_id: actor.enterpriseId,
      hazard_id: hazard.id,
      evaluators: input.evaluators,
      evaluator_kind: input.evaluatorKind,
      conclusion: input.conclusion,
      opinion: input.opinion,
      evaluated_on: input.evaluatedOn,
      recorded_by_user_id: actor.userId,
      recorded_at: now.toISOString(),
    };
    await repo.insertEvaluation(trx, row);
    await recordChange(trx, actor, now, { entity: 'remediation_evaluation', entityId: row.id, action: 'create', after: row });
    const rows = await repo.listEvaluations(trx, actor.enterpriseId, hazard.id);
    return toEvaluationDto(rows.at(-1)!);
  });
}
