/*
 * Internal audit (内部审核, issue 15 §2, seed 000 四(二)): a yearly programme (a due item until the
 * year's audit is reported), each audit with scope and auditors — appointed internal auditors from
 * the one register of them (标准化 → 内审员: training and appointment recorded there) and/or an
 * external auditor by name (a consultancy may audit; its consultant account records findings) —, a
 * checklist generated from the system's elements, the audit's focus and the enterprise's own major and
 * significant risks (editable until the report), insert-only findings with evidence and photos, a
 * nonconformity raising a corrective action in the same transaction, and the report with the overall
 * judgement (.docx). Figures for the management review: internalAuditIndicators.
 */
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson, toDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { endOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { type AuditConclusion, type ChecklistItem, type FindingKind, generateChecklist, type HighRiskWork, suggestedConclusion, tallyFindings } from '../../../domain/improvement/audit-checklist.js';
import type { Locale } from '../../../i18n/locale.js';
import type { AuditCreateInput, AuditDetailDto, AuditDto, AuditFindingInput, AuditIndicatorsDto } from '../../../schemas/internal-audit.js';
import { riskRegisterQuerySchema } from '../../../schemas/risks.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import { buildDocx, docField, docHeading, docParagraph, docTable } from '../../platform/exports/docx-builder.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { getEnterprise } from '../enterprise/enterprise.service.js';
import { allAttachmentsExist } from '../inspections/attachments.service.js';
import { enterpriseToday } from '../management/objectives.service.js';
import { listRisks } from '../risks/risk-read.service.js';
import { listAssessors } from '../standardization/standardization-setup.service.js';
import { raiseCorrectiveAction } from './capa.service.js';
import * as repo from './internal-audit.repository.js';

type Actor = { userId: string; enterpriseId: string };
type AuditRow = Awaited<ReturnType<typeof repo.findAudit>> & object;
type Assessor = Awaited<ReturnType<typeof listAssessors>>[number];

const conclusionText: Record<AuditConclusion, string> = { conforming: '符合', partly_conforming: '基本符合（存在不符合项）', nonconforming: '不符合' };
const kindText: Record<FindingKind, string> = { conformity: '符合', nonconformity: '不符合', observation: '观察项' };

function toDto(r: AuditRow, assessors: Assessor[], findings: { kind: FindingKind; checklistKey: string | null }[]): AuditDto {
  const checklist = fromDbJson<ChecklistItem[]>(r.checklist) ?? [];
  const tally = tallyFindings(checklist, findings);
  const ids = fromDbJson<string[]>(r.auditor_person_ids) ?? [];
  return {
    id: r.id,
    year: Number(r.year),
    title: r.title,
    scope: r.scope,
    plannedOn: r.planned_on,
    auditors: ids.map((id) => {
      const a = assessors.find((x) => x.personId === id);
      return { personId: id, name: a?.name ?? '', training: a?.training ?? '', appointedOn: a?.appointedOn ?? '' };
    }),
    externalAuditor: r.external_auditor,
    status: r.status as AuditDto['status'],
    checklist,
    tally,
    suggestedConclusion: suggestedConclusion(tally),
    conclusion: r.conclusion as AuditConclusion | null,
    judgement: r.judgement,
    reportedAt: r.reported_at,
    createdAt: r.created_at,
  };
}

export async function listInternalAudits(deps: AppDeps, enterpriseId: string, year?: number): Promise<AuditDto[]> {
  const rows = await repo.listAudits(deps.db, enterpriseId, { year });
  const [assessors, findings] = [await listAssessors(deps, enterpriseId), await repo.listFindings(deps.db, enterpriseId, rows.map((r) => r.id))];
  return rows.map((r) => toDto(r, assessors, findings.filter((f) => f.audit_id === r.id).map((f) => ({ kind: f.kind as FindingKind, checklistKey: f.checklist_key }))));
}

export async function getInternalAudit(deps: AppDeps, enterpriseId: string, id: string, exec: Executor = deps.db): Promise<AuditDetailDto> {
  const r = await repo.findAudit(exec, enterpriseId, id);
  if (!r) throw notFound('internal_audit');
  const findings = await repo.listFindings(exec, enterpriseId, [id]);
  const dto = toDto(r, await listAssessors(deps, enterpriseId), findings.map((f) => ({ kind: f.kind as FindingKind, checklistKey: f.checklist_key })));
  return {
    ...dto,
    findings: findings.map((f) => ({
      id: f.id,
      checklistKey: f.checklist_key,
      kind: f.kind as FindingKind,
      evidence: f.evidence,
      photoIds: fromDbJson<string[]>(f.photo_ids) ?? [],
      capaId: f.capa_id,
      recordedByName: f.recorded_by_name ?? null,
      at: f.at,
    })),
  };
}

/** The enterprise's major and significant accepted risks: its high-risk work for the checklist. */
async function highRiskWork(db: Executor, enterpriseId: string): Promise<HighRiskWork[]> {
  const out: HighRiskWork[] = [];
  for (const level of ['major', 'significant'] as const) {
    const page = await listRisks(db, enterpriseId, riskRegisterQuerySchema.parse({ level, status: 'accepted', limit: 100 }));
    for (const r of page.items) out.push({ riskId: r.id, postName: r.postName, objectName: r.objectName, level });
  }
  return out;
}

export async function createInternalAudit(deps: AppDeps, actor: Actor, input: AuditCreateInput, locale: Locale): Promise<AuditDetailDto> {
  const assessors = await listAssessors(deps, actor.enterpriseId);
  const ids = [...new Set(input.auditorPersonIds)];
  // An auditor is an appointed internal auditor (trained and appointed, seed 000 二(一)2 / 002 phase 5), or named as external.
  if (ids.some((id) => !assessors.some((a) => a.personId === id))) {
    throw fieldError('auditorPersonIds', { 'zh-CN': '审核员须是已培训并任命的内审员（标准化 → 内审员）', 'en-US': 'Auditors must be trained and appointed internal auditors (Standardization → Internal assessors)' });
  }
  if (!ids.length && !input.externalAuditor) {
    throw fieldError('auditorPersonIds', { 'zh-CN': '请指定内审员或外部审核人员', 'en-US': 'Name an internal auditor or an external auditor' });
  }
  const id = await withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now().toISOString();
    const checklist = generateChecklist(await highRiskWork(trx, actor.enterpriseId), locale);
    const aid = newId();
    await repo.insertAudit(trx, {
      id: aid,
      enterprise_id: actor.enterpriseId,
      year: input.year,
      title: input.title,
      scope: input.scope,
      planned_on: input.plannedOn,
      auditor_person_ids: toDbJson(ids) as string,
      external_auditor: input.externalAuditor,
      status: 'planned',
      checklist: toDbJson(checklist) as string,
      conclusion: null,
      judgement: '',
      reported_at: null,
      reported_by_user_id: null,
      created_by_user_id: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordChange(trx, actor, deps.clock.now(), { entity: 'internal_audit', entityId: aid, action: 'create', after: { ...input, checklistItems: checklist.length } });
    return aid;
  });
  return getInternalAudit(deps, actor.enterpriseId, id);
}

const reportedRefusal = () => new AppError('RECORD_WRONG_STATE', { entity: 'internal_audit', reasonZh: '审核报告已发布', reasonEn: 'the audit report is issued' });

export async function saveChecklist(deps: AppDeps, actor: Actor, id: string, items: ChecklistItem[]): Promise<AuditDetailDto> {
  const keys = new Set(items.map((i) => i.key));
  if (keys.size !== items.length) throw fieldError('items', { 'zh-CN': '检查项编号不能重复', 'en-US': 'Checklist keys must be unique' });
  await withTransaction(deps.db, async (trx) => {
    const before = await repo.findAudit(trx, actor.enterpriseId, id);
    if (!before) throw notFound('internal_audit');
    if (!(await repo.updateAuditIfPlanned(trx, actor.enterpriseId, id, { checklist: toDbJson(items) as string, updated_at: deps.clock.now().toISOString() }))) throw reportedRefusal();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'internal_audit', entityId: id, action: 'edit_checklist', before: { items: (fromDbJson<unknown[]>(before.checklist) ?? []).length }, after: { items: items.length } });
  });
  return getInternalAudit(deps, actor.enterpriseId, id);
}

/** A finding (insert-only); a nonconformity raises its corrective action in the same transaction. */
export async function recordFinding(deps: AppDeps, actor: Actor, id: string, input: AuditFindingInput): Promise<AuditDetailDto> {
  await withTransaction(deps.db, async (trx) => {
    const audit = await repo.findAudit(trx, actor.enterpriseId, id);
    if (!audit) throw notFound('internal_audit');
    if (audit.status !== 'planned') throw reportedRefusal();
    const checklist = fromDbJson<ChecklistItem[]>(audit.checklist) ?? [];
    const item = input.checklistKey ? checklist.find((c) => c.key === input.checklistKey) : null;
    if (input.checklistKey && !item) throw referenceMissing('checklistKey');
    if (input.photoIds.length && !(await allAttachmentsExist(deps, actor.enterpriseId, input.photoIds, trx))) throw referenceMissing('photoIds');
    const findingId = newId();
    let capaId: string | null = null;
    if (input.kind === 'nonconformity') {
      const capa = await raiseCorrectiveAction(deps, trx, {
        enterpriseId: actor.enterpriseId,
        actorUserId: actor.userId,
        source: { kind: 'audit_finding', id: findingId, label: `${audit.title}${item ? ` · ${item.element}` : ''}` },
        description: input.evidence,
        ownerPersonId: input.capaOwnerPersonId,
      });
      capaId = capa.id;
    }
    const at = deps.clock.now().toISOString();
    await repo.insertFinding(trx, { id: findingId, enterprise_id: actor.enterpriseId, audit_id: id, checklist_key: input.checklistKey, kind: input.kind, evidence: input.evidence, photo_ids: toDbJson(input.photoIds) as string, capa_id: capaId, recorded_by_user_id: actor.userId, at });
    await recordChange(trx, actor, deps.clock.now(), { entity: 'audit_finding', entityId: findingId, action: 'create', after: { auditId: id, ...input, capaId } });
  });
  return getInternalAudit(deps, actor.enterpriseId, id);
}

export async function issueReport(deps: AppDeps, actor: Actor, id: string, input: { conclusion: AuditConclusion; judgement: string }): Promise<AuditDetailDto> {
  await withTransaction(deps.db, async (trx) => {
    if (!(await repo.findAudit(trx, actor.enterpriseId, id))) throw notFound('internal_audit');
    const now = deps.clock.now().toISOString();
    const done = await repo.updateAuditIfPlanned(trx, actor.enterpriseId, id, { status: 'reported', conclusion: input.conclusion, judgement: input.judgement, reported_at: now, reported_by_user_id: actor.userId, updated_at: now });
    if (!done) throw reportedRefusal();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'internal_audit', entityId: id, action: 'report', after: input });
  });
  return getInternalAudit(deps, actor.enterpriseId, id);
}

/** 内部审核报告 (.docx): scope, auditors, the checklist with its findings, the nonconformities' corrective actions, the overall judgement. */
export async function buildAuditReport(deps: AppDeps, enterpriseId: string, id: string): Promise<Buffer> {
  const a = await getInternalAudit(deps, enterpriseId, id);
  const enterprise = await getEnterprise(deps, enterpriseId);
  const auditors = [...a.auditors.map((x) => `${x.name}（内审员，${x.training}，${x.appointedOn} 任命）`), ...(a.externalAuditor ? [`${a.externalAuditor}（外部审核）`] : [])];
  const findingsOf = (key: string | null) => a.findings.filter((f) => f.checklistKey === key);
  return buildDocx({
    title: `内部审核报告：${a.title}`,
    enterpriseName: enterprise.name,
    subtitle: `审核日期：${a.plannedOn}    状态：${a.status === 'reported' ? '已发布' : '草稿'}`,
    blocks: [
      docHeading('一、审核概况', 2),
      docField('审核范围', a.scope),
      docField('审核人员', auditors.join('；')),
      docField('审核结果', `符合 ${a.tally.conformity} 项，不符合 ${a.tally.nonconformity} 项，观察项 ${a.tally.observation} 项，未检查 ${a.tally.unchecked} 项`),
      docHeading('二、审核检查表', 2),
      docTable({
        columns: ['要素', '检查内容', '审核发现'],
        rows: a.checklist.map((c) => [c.element, c.question, findingsOf(c.key).map((f) => `【${kindText[f.kind]}】${f.evidence}`).join('\n') || '—']),
        widths: [25, 35, 40],
      }),
      ...(findingsOf(null).length ? [docHeading('其他发现', 3), ...findingsOf(null).map((f) => docParagraph(`【${kindText[f.kind]}】${f.evidence}`))] : []),
      docHeading('三、不符合项及纠正措施', 2),
      ...(a.findings.some((f) => f.kind === 'nonconformity')
        ? a.findings.filter((f) => f.kind === 'nonconformity').map((f, i) => docParagraph(`${i + 1}. ${f.evidence}（已登记纠正预防措施）`))
        : [docParagraph('无不符合项。')]),
      docHeading('四、体系符合性和有效性的总体评价', 2),
      docField('结论', a.conclusion ? conclusionText[a.conclusion] : `（待定，建议：${conclusionText[a.suggestedConclusion]}）`),
      docParagraph(a.judgement || '（尚未填写）'),
    ],
  });
}

/** Indicator (DESIGN "Indicators"): audits planned in [since, until] (YYYY-MM-DD), their findings and the last report's conclusion. */
export async function internalAuditIndicators(deps: AppDeps, enterpriseId: string, period: { since: string; until: string }): Promise<AuditIndicatorsDto> {
  const rows = await repo.listAudits(deps.db, enterpriseId, period);
  const findings = await repo.listFindings(deps.db, enterpriseId, rows.map((r) => r.id));
  const last = rows.find((r) => r.status === 'reported');
  const count = (k: FindingKind) => findings.filter((f) => f.kind === k).length;
  return {
    audits: rows.length,
    reported: rows.filter((r) => r.status === 'reported').length,
    conformity: count('conformity'),
    nonconformity: count('nonconformity'),
    observation: count('observation'),
    lastConclusion: (last?.conclusion as AuditConclusion | undefined) ?? null,
    lastJudgement: last?.judgement ?? null,
  };
}

/** The yearly programme (seed 000 四(二)): until this year's audit is reported it is due — on its planned day, or at the year's end when none is planned. */
export const internalAuditDueItemProvider: DueItemProvider = {
  feature: 'audit',
  notifyDaysBefore: 14,
  async listDueItems(deps, enterpriseId): Promise<DueItem[]> {
    const now = deps.clock.now();
    const today = await enterpriseToday(deps.db, enterpriseId, now);
    const year = Number(today.slice(0, 4));
    const tz = (await getEnterprise(deps, enterpriseId)).timeZone;
    const audits = await repo.listAudits(deps.db, enterpriseId, { year });
    const reported = audits.find((a) => a.status === 'reported');
    const planned = audits.filter((a) => a.status === 'planned').sort((a, b) => a.planned_on.localeCompare(b.planned_on))[0];
    const day = reported?.planned_on ?? planned?.planned_on ?? `${year}-12-31`;
    const dueAt = endOfLocalDay(day, tz);
    const ref = reported ?? planned;
    return [
      {
        kind: 'audit.yearly',
        title: { 'zh-CN': `${year} 年度内部审核`, 'en-US': `Internal audit ${year}` },
        dueAt,
        status: dueStatusOf(dueAt, !!reported, now),
        ownerPersonId: null,
        link: ref ? `/improvement/audits/${ref.id}` : '/improvement/audits',
        sourceRef: `internal_audit:${year}`,
      },
    ];
  },
};
