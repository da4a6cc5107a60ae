/*
 * Corrective and preventive actions (纠正和预防措施, issue 15 §4), built once (DESIGN "Mechanisms built
 * once: Corrective actions"). Every nonconformity — an audit finding, a management review's
 * decision, a monitoring reading, a drill review, an accident or near miss, a self-assessment
 * deduction, an inspection — becomes ONE kind of record: root cause (5 whys or the fishbone's
 * 人机料法环), actions with owner and deadline, a risk check of the actions before they are
 * implemented, and an effectiveness check after a set time by someone who owns neither the record
 * nor its actions. Hazards stay hazards; a record links the hazards it raised.
 *
 * API for other features (call inside your own transaction, so your record and its CAPA land together):
 *
 *   raiseCorrectiveAction(deps, trx, {
 *     enterpriseId, actorUserId,                        // actorUserId null for a job
 *     source: { kind, id, label },                      // kind: capaSourceKinds; id: your record's id (or null); label: how a person recognises it
 *     description,                                      // the nonconformity, in words
 *     ownerPersonId?, hazardIds?,                       // both checked to be the enterprise's own
 *   }) → { id, isNew }
 *
 * One record per (kind, id): raising the same source again returns the first record (isNew false)
 * and adds any new hazard links. The lifecycle rules are pure (src/domain/improvement/capa-lifecycle.ts);
 * the steps after raising (analysis, actions, risk check, effectiveness check, hazard links):
 * capa-steps.service.ts; due items and escalation: capa-due-items.service.ts; figures for reviews:
 * capaIndicators there.
 */
import type { AppDeps } from '../../app-deps.js';
import { fromDbBool, fromDbJson } from '../../db/codecs.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { capaEscalation, type CapaRefusal, CapaRuleError, type CapaSourceKind, type CapaState, type CapaStatus, type FishboneCategory, isActionOverdue, type RootCauseMethod } from '../../../domain/improvement/capa-lifecycle.js';
import type { Locale } from '../../../i18n/locale.js';
import type { CapaCreateInput, CapaDetailDto, CapaDto, CapaListQuery } from '../../../schemas/capa.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { accidentSourceLabel, getAccident } from '../accidents/accidents.service.js';
import { recordChange } from '../audit/audit.service.js';
import { getHazardDetail } from '../hazards/hazard-read.service.js';
import { enterpriseToday } from '../management/objectives.service.js';
import { notifyInTransaction } from '../notifications/notifications.service.js';
import * as repo from './capa.repository.js';

export type Actor = { userId: string; enterpriseId: string };

const refusalText: Record<CapaRefusal, Record<Locale, string>> = {
  analysis_incomplete: { 'zh-CN': '请先完成原因分析（5 个为什么或鱼骨图，并写明根本原因）', 'en-US': 'complete the root-cause analysis first (5 whys or fishbone, and the root cause)' },
  no_action: { 'zh-CN': '请先制定至少一项措施', 'en-US': 'plan at least one action first' },
  not_planned: { 'zh-CN': '只有已制定措施、尚未实施的记录需要实施前风险评价', 'en-US': 'only a planned record, not yet implementing, takes the risk check' },
  not_implementing: { 'zh-CN': '措施须先通过实施前风险评价才能完成', 'en-US': 'the actions pass the risk check before they can be completed' },
  not_verifying: { 'zh-CN': '措施全部完成后才能验证有效性', 'en-US': 'the effectiveness check comes after every action is done' },
  check_too_early: { 'zh-CN': '未到有效性验证日期', 'en-US': 'the effectiveness check is not due yet' },
  checker_is_owner: { 'zh-CN': '有效性验证须由措施负责人以外的人进行', 'en-US': 'the effectiveness check is made by someone other than the owners' },
  closed: { 'zh-CN': '该记录已验证有效并关闭', 'en-US': 'the record was found effective and is closed' },
};

export function refuse(e: unknown): never {
  if (e instanceof CapaRuleError) {
    const t = refusalText[e.refusal];
    throw new AppError('RECORD_WRONG_STATE', { entity: 'capa', reasonZh: t['zh-CN'], reasonEn: t['en-US'] });
  }
  throw e;
}

export function stateOf(r: repo.CapaRow, actions: repo.ActionRow[]): CapaState {
  return {
    status: r.status as CapaStatus,
    round: Number(r.round),
    ownerPersonId: r.owner_person_id,
    analysis: {
      method: r.root_cause_method as RootCauseMethod | null,
      whys: fromDbJson<string[]>(r.whys) ?? [],
      fishbone: fromDbJson<Partial<Record<FishboneCategory, string>>>(r.fishbone) ?? {},
      rootCause: r.root_cause,
    },
    actions: actions.map((a) => ({ round: Number(a.round), ownerPersonId: a.owner_person_id, deadline: a.deadline, doneAt: a.done_at })),
    checkDueOn: r.check_due_on,
  };
}

export function toCapaDto(r: repo.CapaRow, actions: repo.ActionRow[], hazardIds: string[], today: string): CapaDto {
  const s = stateOf(r, actions);
  const esc = capaEscalation(s, today);
  const risk = fromDbJson<{ newRisks: string; hasNewRisks: boolean; at: string; round: number }>(r.risk_check);
  return {
    id: r.id,
    sourceKind: r.source_kind as CapaSourceKind,
    sourceId: r.source_id,
    sourceLabel: r.source_label,
    description: r.description,
    status: s.status,
    round: s.round,
    ownerPersonId: r.owner_person_id,
    ownerName: r.owner_name,
    rootCauseMethod: s.analysis.method,
    whys: [...s.analysis.whys],
    fishbone: s.analysis.fishbone,
    rootCause: r.root_cause,
    verifyAfterDays: Number(r.verify_after_days),
    riskCheck: risk ? { newRisks: risk.newRisks, hasNewRisks: risk.hasNewRisks, at: risk.at, round: risk.round } : null,
    checkDueOn: r.check_due_on,
    overdueActions: esc.overdueActions,
    escalates: esc.escalates,
    hazardIds,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  };
}

export async function checkHazards(trx: Executor, enterpriseId: string, hazardIds: readonly string[], now: Date, field: string) {
  for (const id of hazardIds) {
    try {
      await getHazardDetail(trx, enterpriseId, id, now);
    } catch {
      throw referenceMissing(field);
    }
  }
}

export interface RaiseCorrectiveActionInput {
  enterpriseId: string;
  actorUserId: string | null;
  source: { kind: CapaSourceKind; id: string | null; label: string };
  description: string;
  ownerPersonId?: string | null;
  hazardIds?: readonly string[];
}

/** See the header: the one way any feature raises a corrective action. Runs in the caller's transaction. */
export async function raiseCorrectiveAction(deps: AppDeps, trx: Executor, input: RaiseCorrectiveActionInput): Promise<{ id: string; isNew: boolean }> {
  const now = deps.clock.now();
  const actor = { userId: input.actorUserId, enterpriseId: input.enterpriseId };
  const hazardIds = [...new Set(input.hazardIds ?? [])];
  await checkHazards(trx, input.enterpriseId, hazardIds, now, 'hazardIds');
  const existing = input.source.id ? await repo.findCapaOfSource(trx, input.enterpriseId, input.source.kind, input.source.id) : undefined;
  if (existing) {
    for (const hazardId of hazardIds) await repo.linkHazard(trx, { enterprise_id: input.enterpriseId, capa_id: existing.id, hazard_id: hazardId, created_at: now.toISOString() });
    return { id: existing.id, isNew: false };
  }
  const owner = input.ownerPersonId ?? null;
  if (owner && !(await allActiveExist(trx, 'person', input.enterpriseId, [owner]))) throw referenceMissing('ownerPersonId');
  const id = newId();
  try {
    await repo.insertCapa(trx, {
      id,
      enterprise_id: input.enterpriseId,
      source_kind: input.source.kind,
      source_id: input.source.id,
      source_label: input.source.label.slice(0, 300),
      description: input.description,
      status: 'raised',
      round: 1,
      owner_person_id: owner,
      root_cause_method: null,
      whys: '[]',
      fishbone: '{}',
      root_cause: '',
      verify_after_days: 30,
      risk_check: null,
      check_due_on: null,
      escalated_key: null,
      created_by_user_id: input.actorUserId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      closed_at: null,
    });
  } catch (error) {
    // The same source raised twice at once: the second request sees the first.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT');
    throw error;
  }
  for (const hazardId of hazardIds) await repo.linkHazard(trx, { enterprise_id: input.enterpriseId, capa_id: id, hazard_id: hazardId, created_at: now.toISOString() });
  await recordChange(trx, actor, now, { entity: 'capa', entityId: id, action: 'create', after: { source: input.source, description: input.description, ownerPersonId: owner, hazardIds } });
  const ownerUser = owner ? await repo.userOfPerson(trx, input.enterpriseId, owner) : null;
  await notifyInTransaction(trx, {
    enterpriseId: input.enterpriseId,
    userIds: [ownerUser],
    roles: ownerUser ? [] : ['safety_manager'],
    kind: 'capa_raised',
    title: { 'zh-CN': '新的不符合，需分析原因并制定纠正措施', 'en-US': 'New nonconformity: analyse the cause and plan corrective actions' },
    body: { 'zh-CN': `${input.source.label}：${input.description.slice(0, 150)}`, 'en-US': `${input.source.label}: ${input.description.slice(0, 150)}` },
    link: `/improvement/capas/${id}`,
    dedupeKey: `capa_raised:${id}`,
    at: now,
  });
  return { id, isNew: true };
}

/**
 * Where the named corrective actions stand, for a feature that raised them and shows their state
 * instead of keeping its own (an initial-review gap's action is done when its CAPA closes effective).
 */
export async function capaStatesOf(db: Executor, enterpriseId: string, ids: readonly string[]): Promise<Map<string, { status: CapaStatus; closedAt: string | null }>> {
  const rows = await repo.listCapaStates(db, enterpriseId, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { status: r.status as CapaStatus, closedAt: r.closed_at }]));
}

/** The office's "new nonconformity": an accident (checked and labelled through the accident register), a monitoring result, a review, or other. */
export async function createCapa(deps: AppDeps, actor: Actor, input: CapaCreateInput, locale: Locale): Promise<CapaDetailDto> {
  const id = await withTransaction(deps.db, async (trx) => {
    let label = { accident: '事故/未遂事件', monitoring: '绩效监测', management_review: '管理评审', other: '其他' }[input.sourceKind];
    if (input.sourceKind === 'accident') {
      if (!input.sourceId) throw fieldError('sourceId', { 'zh-CN': '请选择事故或未遂事件', 'en-US': 'Choose the accident or near miss' });
      const accident = await getAccident(trx, actor.enterpriseId, input.sourceId, 'zh-CN').catch(() => {
        throw referenceMissing('sourceId');
      });
      label = accidentSourceLabel({ kind: accident.kind, occurred_on: accident.occurredOn });
    } else if (input.sourceId) {
      throw fieldError('sourceId', { 'zh-CN': '只有事故来源可指定记录', 'en-US': 'Only an accident source names a record' });
    }
    const r = await raiseCorrectiveAction(deps, trx, {
      enterpriseId: actor.enterpriseId,
      actorUserId: actor.userId,
      source: { kind: input.sourceKind, id: input.sourceId, label },
      description: input.description,
      ownerPersonId: input.ownerPersonId,
      hazardIds: input.hazardIds,
    });
    return r.id;
  });
  return getCapa(deps, actor.enterpriseId, id, locale);
}

export async function getCapa(deps: AppDeps, enterpriseId: string, id: string, _locale: Locale, exec: Executor = deps.db): Promise<CapaDetailDto> {
  const r = await repo.findCapa(exec, enterpriseId, id);
  if (!r) throw notFound('capa');
  const [actions, hazards, checks, today] = [
    await repo.listActions(exec, enterpriseId, [id]),
    await repo.listHazardIds(exec, enterpriseId, [id]),
    await repo.listChecks(exec, enterpriseId, id),
    await enterpriseToday(exec, enterpriseId, deps.clock.now()),
  ];
  return {
    ...toCapaDto(r, actions, hazards.get(id) ?? [], today),
    actions: actions.map((a) => ({
      id: a.id,
      round: Number(a.round),
      description: a.description,
      isPreventive: fromDbBool(a.is_preventive),
      ownerPersonId: a.owner_person_id,
      ownerName: a.owner_name,
      deadline: a.deadline,
      isOverdue: isActionOverdue({ deadline: a.deadline, doneAt: a.done_at }, today),
      doneAt: a.done_at,
      doneNote: a.done_note,
    })),
    checks: checks.map((c) => ({ id: c.id, round: Number(c.round), isEffective: fromDbBool(c.is_effective), evidence: c.evidence, checkedByName: c.checked_by_name ?? null, at: c.at })),
  };
}

export async function pageCapas(deps: AppDeps, enterpriseId: string, q: CapaListQuery) {
  const rows = await repo.listCapas(deps.db, enterpriseId, { status: q.status, sourceKind: q.sourceKind, isOpen: q.isOpen, after: decodeCursor(q.cursor), limit: q.limit + 1 });
  const page = toPage(rows, q.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => r);
  const ids = page.items.map((r) => r.id);
  const [actions, hazards, today] = [await repo.listActions(deps.db, enterpriseId, ids), await repo.listHazardIds(deps.db, enterpriseId, ids), await enterpriseToday(deps.db, enterpriseId, deps.clock.now())];
  return {
    items: page.items.map((r) => toCapaDto(r, actions.filter((a) => a.capa_id === r.id), hazards.get(r.id) ?? [], today)),
    nextCursor: page.nextCursor,
  };
}
