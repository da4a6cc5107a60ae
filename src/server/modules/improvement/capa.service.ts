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
 * due items and escalation: capa-due-items.service.ts; figures for reviews: capaIndicators there.
 */
import type { AppDeps } from '../../app-deps.js';
import { fromDbBool, fromDbJson, toDbBool, toDbJson } from '../../db/codecs.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import {
  afterActionDone,
  afterPlanning,
  capaEscalation,
  type CapaRefusal,
  CapaRuleError,
  type CapaSourceKind,
  type CapaState,
  type CapaStatus,
  checkEffectivenessCheck,
  checkRiskCheck,
  type FishboneCategory,
  isActionOverdue,
  roundForNewAction,
  type RootCauseMethod,
  statusAfterCheck,
} from '../../../domain/improvement/capa-lifecycle.js';
import type { Locale } from '../../../i18n/locale.js';
import type { CapaAnalysisInput, CapaCreateInput, CapaDetailDto, CapaDto, CapaListQuery } from '../../../schemas/capa.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { getAccident } from '../accidents/accidents.service.js';
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

function refuse(e: unknown): never {
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

async function checkHazards(trx: Executor, enterpriseId: string, hazardIds: readonly string[], now: Date, field: string) {
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

/** The office's "new nonconformity": an accident (checked and labelled through the accident register), a monitoring result, a review, or other. */
export async function createCapa(deps: AppDeps, actor: Actor, input: CapaCreateInput, locale: Locale): Promise<CapaDetailDto> {
  const id = await withTransaction(deps.db, async (trx) => {
    let label = { accident: '事故/未遂事件', monitoring: '绩效监测', management_review: '管理评审', other: '其他' }[input.sourceKind];
    if (input.sourceKind === 'accident') {
      if (!input.sourceId) throw fieldError('sourceId', { 'zh-CN': '请选择事故或未遂事件', 'en-US': 'Choose the accident or near miss' });
      const accident = await getAccident(trx, actor.enterpriseId, input.sourceId, 'zh-CN').catch(() => {
        throw referenceMissing('sourceId');
      });
      label = `${accident.kind === 'near_miss' ? '未遂事件' : '事故'} ${accident.occurredOn}`;
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

/** Loads the record and its actions inside the transaction; a foreign or missing id is 404. */
async function load(trx: Executor, enterpriseId: string, id: string) {
  const row = await repo.findCapa(trx, enterpriseId, id);
  if (!row) throw notFound('capa');
  const actions = await repo.listActions(trx, enterpriseId, [id]);
  return { row, actions, state: stateOf(row, actions) };
}

/** Moves the record from the state read to `patch` (409 if another request moved it first). */
async function move(trx: Executor, enterpriseId: string, row: repo.CapaRow, patch: Parameters<typeof repo.updateCapa>[3]) {
  if (!(await repo.updateCapaFrom(trx, enterpriseId, row.id, row.status, patch))) throw new AppError('CONFLICT');
}

export async function saveAnalysis(deps: AppDeps, actor: Actor, id: string, input: CapaAnalysisInput, locale: Locale): Promise<CapaDetailDto> {
  await withTransaction(deps.db, async (trx) => {
    const { row, state } = await load(trx, actor.enterpriseId, id);
    if (input.ownerPersonId && !(await allActiveExist(trx, 'person', actor.enterpriseId, [input.ownerPersonId]))) throw referenceMissing('ownerPersonId');
    const analysis = { method: input.method, whys: input.whys, fishbone: input.fishbone, rootCause: input.rootCause };
    let status: CapaStatus;
    try {
      status = afterPlanning({ ...state, analysis });
    } catch (e) {
      refuse(e);
    }
    const now = deps.clock.now();
    await move(trx, actor.enterpriseId, row, {
      root_cause_method: input.method,
      whys: toDbJson(input.whys) as string,
      fishbone: toDbJson(input.fishbone) as string,
      root_cause: input.rootCause,
      verify_after_days: input.verifyAfterDays,
      ...(input.ownerPersonId !== undefined && { owner_person_id: input.ownerPersonId }),
      status,
      updated_at: now.toISOString(),
    });
    await recordChange(trx, actor, now, { entity: 'capa', entityId: id, action: 'analyse', before: { status: row.status, rootCause: row.root_cause }, after: { status, ...analysis } });
  });
  return getCapa(deps, actor.enterpriseId, id, locale);
}

export async function addAction(deps: AppDeps, actor: Actor, id: string, input: { description: string; isPreventive: boolean; ownerPersonId: string; deadline: string }, locale: Locale): Promise<CapaDetailDto> {
  await withTransaction(deps.db, async (trx) => {
    const { row, actions, state } = await load(trx, actor.enterpriseId, id);
    if (!(await allActiveExist(trx, 'person', actor.enterpriseId, [input.ownerPersonId]))) throw referenceMissing('ownerPersonId');
    const now = deps.clock.now();
    let next: { round: number; status: CapaStatus };
    try {
      next = roundForNewAction(state);
    } catch (e) {
      refuse(e);
    }
    const actionId = newId();
    const action = { id: actionId, enterprise_id: actor.enterpriseId, capa_id: id, round: next.round, description: input.description, is_preventive: toDbBool(input.isPreventive), owner_person_id: input.ownerPersonId, deadline: input.deadline, done_at: null, done_note: '', created_at: now.toISOString() };
    await repo.insertAction(trx, action);
    const withNew = { ...state, round: next.round, status: next.status, actions: [...state.actions, { round: next.round, ownerPersonId: input.ownerPersonId, deadline: input.deadline, doneAt: null }] };
    const status = afterPlanning(withNew);
    await move(trx, actor.enterpriseId, row, { round: next.round, status, check_due_on: status === 'verifying' ? row.check_due_on : null, updated_at: now.toISOString() });
    await recordChange(trx, actor, now, { entity: 'capa', entityId: id, action: 'add_action', before: { status: row.status, actions: actions.length }, after: { status, action: input } });
  });
  return getCapa(deps, actor.enterpriseId, id, locale);
}

export async function recordRiskCheck(deps: AppDeps, actor: Actor, id: string, input: { newRisks: string; hasNewRisks: boolean }, locale: Locale): Promise<CapaDetailDto> {
  await withTransaction(deps.db, async (trx) => {
    const { row, state } = await load(trx, actor.enterpriseId, id);
    try {
      checkRiskCheck(state);
    } catch (e) {
      refuse(e);
    }
    const now = deps.clock.now();
    const check = { ...input, at: now.toISOString(), round: state.round, byUserId: actor.userId };
    await move(trx, actor.enterpriseId, row, { risk_check: toDbJson(check), status: 'implementing', updated_at: now.toISOString() });
    await recordChange(trx, actor, now, { entity: 'capa', entityId: id, action: 'risk_check', before: { status: row.status }, after: { status: 'implementing', ...input } });
  });
  return getCapa(deps, actor.enterpriseId, id, locale);
}

/** An action is done by its owner or a manager; the last one of the round sets the effectiveness check's day. */
export async function completeAction(deps: AppDeps, actor: Actor & { isManager: boolean }, id: string, actionId: string, note: string, locale: Locale): Promise<CapaDetailDto> {
  await withTransaction(deps.db, async (trx) => {
    const { row, actions, state } = await load(trx, actor.enterpriseId, id);
    const action = actions.find((a) => a.id === actionId);
    if (!action) throw notFound('capa_action');
    if (!actor.isManager && (await repo.personOfUser(trx, actor.enterpriseId, actor.userId)) !== action.owner_person_id) throw new AppError('FORBIDDEN');
    if (state.status !== 'implementing') refuse(new CapaRuleError('not_implementing'));
    const now = deps.clock.now();
    if (!(await repo.markActionDone(trx, actor.enterpriseId, id, actionId, now.toISOString(), note))) throw new AppError('CONFLICT');
    const today = await enterpriseToday(trx, actor.enterpriseId, now);
    const done = { ...state, actions: state.actions.map((a, i) => (actions[i]?.id === actionId ? { ...a, doneAt: now.toISOString() } : a)) };
    const next = afterActionDone(done, today, Number(row.verify_after_days));
    if (next.status !== row.status) await move(trx, actor.enterpriseId, row, { status: next.status, check_due_on: next.checkDueOn, updated_at: now.toISOString() });
    await recordChange(trx, actor, now, { entity: 'capa_action', entityId: actionId, action: 'done', after: { capaId: id, note, capaStatus: next.status, checkDueOn: next.checkDueOn } });
  });
  return getCapa(deps, actor.enterpriseId, id, locale);
}

/** The effectiveness check (insert-only verdict): effective closes the record; ineffective escalates and asks for new actions. */
export async function checkEffectiveness(deps: AppDeps, actor: Actor, id: string, input: { isEffective: boolean; evidence: string }, locale: Locale): Promise<CapaDetailDto> {
  await withTransaction(deps.db, async (trx) => {
    const { row, state } = await load(trx, actor.enterpriseId, id);
    const now = deps.clock.now();
    const today = await enterpriseToday(trx, actor.enterpriseId, now);
    const checker = await repo.personOfUser(trx, actor.enterpriseId, actor.userId);
    try {
      checkEffectivenessCheck(state, checker, today);
    } catch (e) {
      refuse(e);
    }
    try {
      await repo.insertCheck(trx, { id: newId(), enterprise_id: actor.enterpriseId, capa_id: id, round: state.round, is_effective: toDbBool(input.isEffective), evidence: input.evidence, checked_by_user_id: actor.userId, checked_by_person_id: checker, at: now.toISOString() });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT');
      throw error;
    }
    const status = statusAfterCheck(input.isEffective);
    await move(trx, actor.enterpriseId, row, { status, closed_at: input.isEffective ? now.toISOString() : null, updated_at: now.toISOString() });
    await recordChange(trx, actor, now, { entity: 'capa', entityId: id, action: 'check', before: { status: row.status }, after: { status, ...input, round: state.round } });
    if (!input.isEffective) {
      const ownerUser = row.owner_person_id ? await repo.userOfPerson(trx, actor.enterpriseId, row.owner_person_id) : null;
      await notifyInTransaction(trx, {
        enterpriseId: actor.enterpriseId,
        userIds: [ownerUser],
        roles: ['principal', 'safety_manager'],
        kind: 'capa_escalated',
        title: { 'zh-CN': '纠正措施验证无效，需重新制定措施', 'en-US': 'Corrective action found ineffective: new actions needed' },
        body: { 'zh-CN': `${row.source_label}：${row.description.slice(0, 150)}`, 'en-US': `${row.source_label}: ${row.description.slice(0, 150)}` },
        link: `/improvement/capas/${id}`,
        dedupeKey: `capa_ineffective:${id}:${state.round}`,
        at: now,
      });
    }
  });
  return getCapa(deps, actor.enterpriseId, id, locale);
}

export async function linkHazardToCapa(deps: AppDeps, actor: Actor, id: string, hazardId: string, locale: Locale): Promise<CapaDetailDto> {
  await withTransaction(deps.db, async (trx) => {
    await load(trx, actor.enterpriseId, id);
    const now = deps.clock.now();
    await checkHazards(trx, actor.enterpriseId, [hazardId], now, 'hazardId');
    if (await repo.linkHazard(trx, { enterprise_id: actor.enterpriseId, capa_id: id, hazard_id: hazardId, created_at: now.toISOString() })) {
      await recordChange(trx, actor, now, { entity: 'capa', entityId: id, action: 'link_hazard', after: { hazardId } });
    }
  });
  return getCapa(deps, actor.enterpriseId, id, locale);
}
