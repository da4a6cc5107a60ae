/* The corrective action's steps after it is raised (capa.service.ts): root-cause analysis, actions,
 * the risk check before implementing, completing actions, the effectiveness check, linked hazards. */
import type { AppDeps } from '../../app-deps.js';
import { toDbBool, toDbJson } from '../../db/codecs.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { afterActionDone, afterPlanning, CapaRuleError, type CapaStatus, checkEffectivenessCheck, checkRiskCheck, roundForNewAction, statusAfterCheck } from '../../../domain/improvement/capa-lifecycle.js';
import type { Locale } from '../../../i18n/locale.js';
import type { CapaAnalysisInput, CapaDetailDto } from '../../../schemas/capa.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import { enterpriseToday } from '../management/objectives.service.js';
import { notifyInTransaction } from '../notifications/notifications.service.js';
import * as repo from './capa.repository.js';
import { type Actor, checkHazards, getCapa, refuse, stateOf } from './capa.service.js';

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
