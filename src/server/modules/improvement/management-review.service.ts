/*
 * Management review (管理评审, issue 15 §3, seed 000 四(二)) and the periodic evaluation of the dual
 * prevention mechanism (seed 001 第三条（五）), one record kind with `kind`. Chaired by the top
 * manager (the principal concludes it), at least yearly (a due item) or on an event. Its inputs are
 * pre-filled from the other features' indicator functions — never their tables — and kept as a
 * snapshot (refreshable while a draft); a source with no indicator function yet (changes, workers'
 * suggestions) is stored as null and shown as "not recorded". Decisions carry owner, measure and
 * deadline and are due items. Report: .docx.
 */
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson, toDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { endOfLocalDay, startOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { addDays } from '../../../domain/improvement/capa-lifecycle.js';
import { dualPreventionSections, managementReviewSections, notRecorded, type ReviewKind, type ReviewSources, suggestedDualPreventionFindings } from '../../../domain/improvement/review-inputs.js';
import type { Locale } from '../../../i18n/locale.js';
import type { ReviewCreateInput, ReviewDto } from '../../../schemas/management-review.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import { buildDocx, type DocBlock, docField, docHeading, docParagraph, docTable } from '../../platform/exports/docx-builder.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { accidentIndicators } from '../accidents/accidents.service.js';
import { recordChange } from '../audit/audit.service.js';
import { legalIndicators } from '../documents/compliance.service.js';
import { emergencyIndicators } from '../emergency/emergency-due-items.service.js';
import { getEnterprise } from '../enterprise/enterprise.service.js';
import { hazardIndicators } from '../hazards/hazard-reports.service.js';
import { inspectionIndicators } from '../inspections/inspection-tasks.service.js';
import { enterpriseToday, objectivesOfYear } from '../management/objectives.service.js';
import { riskIndicators } from '../risks/risk-read.service.js';
import { trainingIndicators } from '../training/training-records.service.js';
import { capaIndicators } from './capa-due-items.service.js';
import { changeIndicators } from '../management/change-requests.service.js';
import { consultationIndicators } from '../management/communication.service.js';
import { internalAuditIndicators } from './internal-audit.service.js';
import * as repo from './management-review.repository.js';

type Actor = { userId: string; enterpriseId: string };

/** Every input, read through the owning feature's indicator function for the period (local days, inclusive). */
export async function gatherReviewSources(deps: AppDeps, enterpriseId: string, period: { from: string; to: string }): Promise<ReviewSources> {
  const tz = (await getEnterprise(deps, enterpriseId)).timeZone;
  const from = new Date(startOfLocalDay(period.from, tz));
  const to = new Date(startOfLocalDay(addDays(period.to, 1), tz));
  const year = Number(period.to.slice(0, 4));
  const [objectives, audits, legal, hazards, inspections, accidents, capa, training, emergency, risks] = await Promise.all([
    objectivesOfYear(deps, enterpriseId, year, 'zh-CN'),
    internalAuditIndicators(deps, enterpriseId, { since: period.from, until: period.to }),
    legalIndicators(deps, enterpriseId, year),
    hazardIndicators(deps, enterpriseId, from, to),
    inspectionIndicators(deps, enterpriseId, from, to),
    accidentIndicators(deps.db, enterpriseId, { since: period.from, until: period.to }),
    capaIndicators(deps, enterpriseId, { from, to }),
    trainingIndicators(deps, enterpriseId, year),
    emergencyIndicators(deps, enterpriseId, period),
    riskIndicators(deps.db, enterpriseId),
  ]);
  const [changes, suggestions] = await Promise.all([changeIndicators(deps.db, enterpriseId, { from, to }), consultationIndicators(deps.db, enterpriseId, { since: period.from, until: period.to })]);
  return {
    period,
    objectives: objectives.length ? objectives.map((o) => ({ name: o.name, comparison: o.comparison, target: o.targetValue, value: o.currentValue, unit: o.unit, state: o.state })) : null,
    audits,
    compliance: legal.lawsRegistered ? legal : null,
    hazards,
    inspections: { tasks: inspections.tasks.done + inspections.tasks.missed + inspections.tasks.open, completionRate: inspections.completionRate, postsWithoutList: inspections.postsWithoutList.length },
    accidents,
    capa,
    training,
    drills: { drillsHeld: emergency.drillsHeld, drillsReviewed: emergency.drillsReviewed, plansInForce: emergency.plansInForce },
    changes: changes.requested || changes.implemented || changes.open ? changes : null,
    suggestions: suggestions.consultations ? suggestions : null,
    risks: { posts: risks.posts, postsWithoutRisk: risks.postsWithoutRisk.length, acceptedRisks: risks.acceptedRisks, dueForReview: risks.dueForReview, uncontrolled: risks.uncontrolled },
  };
}

export function sectionsOf(kind: ReviewKind, sources: ReviewSources, locale: Locale) {
  return kind === 'management' ? managementReviewSections(sources, locale) : dualPreventionSections(sources, locale);
}

async function toDto(deps: AppDeps, enterpriseId: string, r: repo.ReviewRow, locale: Locale, exec: Executor): Promise<ReviewDto> {
  const sources = fromDbJson<ReviewSources>(r.inputs) as ReviewSources;
  const decisions = await repo.listDecisions(exec, enterpriseId, r.id);
  const kind = r.kind as ReviewKind;
  return {
    id: r.id,
    kind,
    year: Number(r.year),
    trigger: r.trigger as ReviewDto['trigger'],
    eventNote: r.event_note,
    heldOn: r.held_on,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    status: r.status as ReviewDto['status'],
    inputs: sectionsOf(kind, sources, locale),
    inputsAt: r.inputs_at,
    suggestedFindings: kind === 'dual_prevention' ? suggestedDualPreventionFindings(sources, locale) : [],
    conclusion: r.conclusion,
    chairedByName: r.chaired_by_name,
    concludedAt: r.concluded_at,
    decisions: decisions.map((d) => ({ id: d.id, decision: d.decision, measure: d.measure, ownerPersonId: d.owner_person_id, ownerName: d.owner_name, deadline: d.deadline, doneAt: d.done_at })),
    createdAt: r.created_at,
  };
}

export async function getReview(deps: AppDeps, enterpriseId: string, id: string, locale: Locale, exec: Executor = deps.db): Promise<ReviewDto> {
  const r = await repo.findReview(exec, enterpriseId, id);
  if (!r) throw notFound('management_review');
  return toDto(deps, enterpriseId, r, locale, exec);
}

export async function listReviews(deps: AppDeps, enterpriseId: string, locale: Locale, year?: number): Promise<ReviewDto[]> {
  const rows = await repo.listReviews(deps.db, enterpriseId, { year });
  return Promise.all(rows.map((r) => toDto(deps, enterpriseId, r, locale, deps.db)));
}

/** A review of the year (1 January to the day it is held) or of an event; its inputs are filled now. */
export async function createReview(deps: AppDeps, actor: Actor, input: ReviewCreateInput, locale: Locale): Promise<ReviewDto> {
  const period = { from: `${input.year}-01-01`, to: input.heldOn < `${input.year}-12-31` && input.heldOn.startsWith(String(input.year)) ? input.heldOn : `${input.year}-12-31` };
  const sources = await gatherReviewSources(deps, actor.enterpriseId, period);
  const id = await withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now().toISOString();
    const rid = newId();
    await repo.insertReview(trx, {
      id: rid,
      enterprise_id: actor.enterpriseId,
      kind: input.kind,
      year: input.year,
      trigger: input.trigger,
      event_note: input.eventNote,
      held_on: input.heldOn,
      period_from: period.from,
      period_to: period.to,
      inputs: toDbJson(sources) as string,
      inputs_at: now,
      status: 'draft',
      conclusion: '',
      chaired_by_user_id: null,
      concluded_at: null,
      created_by_user_id: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordChange(trx, actor, deps.clock.now(), { entity: 'management_review', entityId: rid, action: 'create', after: { ...input, period } });
    return rid;
  });
  return getReview(deps, actor.enterpriseId, id, locale);
}

const concludedRefusal = () => new AppError('RECORD_WRONG_STATE', { entity: 'management_review', reasonZh: '评审已结束', reasonEn: 'the review is concluded' });

/** Fills the inputs again from today's records (a draft only); the previous snapshot is in the audit log. */
export async function refreshInputs(deps: AppDeps, actor: Actor, id: string, locale: Locale): Promise<ReviewDto> {
  const r = await repo.findReview(deps.db, actor.enterpriseId, id);
  if (!r) throw notFound('management_review');
  const sources = await gatherReviewSources(deps, actor.enterpriseId, { from: r.period_from, to: r.period_to });
  await withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now().toISOString();
    if (!(await repo.updateIfDraft(trx, actor.enterpriseId, id, { inputs: toDbJson(sources) as string, inputs_at: now, updated_at: now }))) throw concludedRefusal();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'management_review', entityId: id, action: 'refresh_inputs', before: fromDbJson(r.inputs), after: sources });
  });
  return getReview(deps, actor.enterpriseId, id, locale);
}

export async function addDecision(deps: AppDeps, actor: Actor, id: string, input: { decision: string; measure: string; ownerPersonId: string; deadline: string }, locale: Locale): Promise<ReviewDto> {
  await withTransaction(deps.db, async (trx) => {
    const r = await repo.findReview(trx, actor.enterpriseId, id);
    if (!r) throw notFound('management_review');
    if (r.status !== 'draft') throw concludedRefusal();
    if (!(await allActiveExist(trx, 'person', actor.enterpriseId, [input.ownerPersonId]))) throw referenceMissing('ownerPersonId');
    const did = newId();
    await repo.insertDecision(trx, { id: did, enterprise_id: actor.enterpriseId, review_id: id, ...toColumns(input), done_at: null, created_by_user_id: actor.userId, created_at: deps.clock.now().toISOString() });
    await recordChange(trx, actor, deps.clock.now(), { entity: 'management_review', entityId: id, action: 'add_decision', after: { decisionId: did, ...input } });
  });
  return getReview(deps, actor.enterpriseId, id, locale);
}

const toColumns = (i: { decision: string; measure: string; ownerPersonId: string; deadline: string }) => ({ decision: i.decision, measure: i.measure, owner_person_id: i.ownerPersonId, deadline: i.deadline });

export async function markDecisionDone(deps: AppDeps, actor: Actor, id: string, decisionId: string, locale: Locale): Promise<ReviewDto> {
  await withTransaction(deps.db, async (trx) => {
    if (!(await repo.findReview(trx, actor.enterpriseId, id))) throw notFound('management_review');
    if (!(await repo.markDecisionDone(trx, actor.enterpriseId, id, decisionId, deps.clock.now().toISOString()))) throw notFound('management_review_decision');
    await recordChange(trx, actor, deps.clock.now(), { entity: 'management_review', entityId: id, action: 'decision_done', after: { decisionId } });
  });
  return getReview(deps, actor.enterpriseId, id, locale);
}

/** The top manager concludes the review (seed 000 四(二): "评审工作应由最高管理者主持"). */
export async function concludeReview(deps: AppDeps, actor: Actor, id: string, conclusion: string, locale: Locale): Promise<ReviewDto> {
  await withTransaction(deps.db, async (trx) => {
    if (!(await repo.findReview(trx, actor.enterpriseId, id))) throw notFound('management_review');
    const now = deps.clock.now().toISOString();
    if (!(await repo.updateIfDraft(trx, actor.enterpriseId, id, { status: 'concluded', conclusion, chaired_by_user_id: actor.userId, concluded_at: now, updated_at: now }))) throw concludedRefusal();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'management_review', entityId: id, action: 'conclude', after: { conclusion } });
  });
  return getReview(deps, actor.enterpriseId, id, locale);
}

/** 管理评审报告 / 双重预防机制运行评估报告 (.docx): the inputs as filled, the decisions, the conclusion. */
export async function buildReviewReport(deps: AppDeps, enterpriseId: string, id: string): Promise<Buffer> {
  const r = await getReview(deps, enterpriseId, id, 'zh-CN');
  const enterprise = await getEnterprise(deps, enterpriseId);
  const isManagement = r.kind === 'management';
  const inputs: DocBlock[] = r.inputs.flatMap((s) => [docHeading(s.title, 3), ...(s.lines ? s.lines.map((l) => docField(l.label, l.value)) : [docParagraph(notRecorded['zh-CN'])])]);
  return buildDocx({
    title: isManagement ? `${r.year} 年度管理评审报告` : `${r.year} 年度双重预防机制运行评估报告`,
    enterpriseName: enterprise.name,
    subtitle: `评审日期：${r.heldOn}    评审期间：${r.periodFrom} 至 ${r.periodTo}${r.trigger === 'event' ? `    触发事件：${r.eventNote}` : ''}`,
    blocks: [
      docField('主持人', r.chairedByName ?? '（待最高管理者主持并结束评审）'),
      docHeading(isManagement ? '一、评审输入（取自系统记录）' : '一、运行情况（取自系统记录）', 2),
      docParagraph(`数据截至 ${r.inputsAt.slice(0, 10)}。`),
      ...inputs,
      ...(r.suggestedFindings.length ? [docHeading('系统提示的问题', 3), ...r.suggestedFindings.map((f) => docParagraph(`· ${f}`))] : []),
      docHeading(isManagement ? '二、评审决定' : '二、评估发现和改进措施', 2),
      r.decisions.length
        ? docTable({ columns: ['决定', '具体措施', '责任人', '完成时间', '状态'], rows: r.decisions.map((d) => [d.decision, d.measure, d.ownerName, d.deadline, d.doneAt ? '已完成' : '未完成']), widths: [26, 34, 14, 14, 12] })
        : docParagraph('无。'),
      docHeading('三、结论', 2),
      docParagraph(r.conclusion || '（尚未结束）'),
    ],
  });
}

/** At least yearly (seed 000 四(二)): each kind is due at the year's end until one of the year is concluded; each decision by its deadline. */
export const managementReviewDueItemProvider: DueItemProvider = {
  feature: 'review',
  notifyDaysBefore: 14,
  async listDueItems(deps, enterpriseId): Promise<DueItem[]> {
    const now = deps.clock.now();
    const today = await enterpriseToday(deps.db, enterpriseId, now);
    const year = Number(today.slice(0, 4));
    const tz = (await getEnterprise(deps, enterpriseId)).timeZone;
    const reviews = await repo.listReviews(deps.db, enterpriseId, { year });
    const items: DueItem[] = [];
    const names = { management: ['年度管理评审', 'Management review'], dual_prevention: ['双重预防机制运行评估', 'Dual prevention evaluation'] } as const;
    for (const kind of ['management', 'dual_prevention'] as const) {
      const done = reviews.find((r) => r.kind === kind && r.status === 'concluded');
      const draft = reviews.find((r) => r.kind === kind && r.status === 'draft');
      const dueAt = endOfLocalDay(done?.held_on ?? draft?.held_on ?? `${year}-12-31`, tz);
      const ref = done ?? draft;
      items.push({
        kind: `review.${kind === 'management' ? 'yearly' : 'dualPrevention'}`,
        title: { 'zh-CN': `${year} ${names[kind][0]}`, 'en-US': `${names[kind][1]} ${year}` },
        dueAt,
        status: dueStatusOf(dueAt, !!done, now),
        ownerPersonId: null,
        link: ref ? `/improvement/reviews/${ref.id}` : '/improvement/reviews',
        sourceRef: `management_review:${kind}:${year}`,
      });
    }
    for (const d of await repo.listOpenDecisions(deps.db, enterpriseId)) {
      const dueAt = endOfLocalDay(d.deadline, tz);
      items.push({
        kind: 'review.decision',
        title: { 'zh-CN': `评审决定：${d.measure.slice(0, 50)}`, 'en-US': `Review decision: ${d.measure.slice(0, 50)}` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: d.owner_person_id,
        link: `/improvement/reviews/${d.review_id}`,
        sourceRef: `management_review_decision:${d.id}`,
      });
    }
    return items;
  },
};
