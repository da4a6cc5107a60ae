import type { AppDeps } from '../../app-deps.js';
import type { HazardTable } from '../../db/database.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { type ActorFacts, canTransition, type HazardAction, type HazardGrade, type HazardRole, type HazardStatus } from '../../../domain/hazard/hazard-lifecycle.js';
import { tierOfOrgUnit } from '../../../domain/hazard/overdue.js';
import { findMajorHazardCriterion } from '../../../reference/major-hazard-criteria.js';
import type { ConfirmInput, RectificationPlanInput, RemediationPlanInput, SubmitRectificationInput } from '../../../schemas/hazards.js';
import { allAttachmentsExist } from '../inspections/attachments.service.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { readableInstant } from '../../../domain/calendar/enterprise-day.js';
import { loadCalendar } from '../inspections/shifts.service.js';
import { recordChange } from '../audit/audit.service.js';
import { hasPassedRemediationEvaluation, reportToBureau } from '../oversight/oversight.service.js';
import { type LocalizedText, notifyInTransaction } from '../notifications/notifications.service.js';
import * as repo from './hazards.repository.js';

export interface HazardActor {
  userId: string;
  enterpriseId: string;
  role: HazardRole;
  displayName: string;
}

/** Gathers what the pure lifecycle needs to know about the actor (seed 001 Art. 18 checks). */
export async function actorFacts(trx: Executor, hazard: HazardTable, actor: HazardActor, grade: HazardGrade | null): Promise<ActorFacts> {
  const me = await repo.findActorPerson(trx, actor.enterpriseId, actor.userId);
  const personId = me?.person_id ?? null;
  const plan = await repo.findRectificationPlan(trx, actor.enterpriseId, hazard.id);
  const remediation = await repo.findRemediationPlan(trx, actor.enterpriseId, hazard.id);
  let isReporterDeptHead = false;
  if (actor.role === 'dept_head' && me?.org_unit_id && hazard.reporter_person_id) {
    const reporter = await repo.findPersonUnit(trx, actor.enterpriseId, hazard.reporter_person_id);
    const parents = await repo.orgUnitParents(trx, actor.enterpriseId);
    // The head's unit is the reporter's unit or one above it.
    for (let unit = reporter?.org_unit_id ?? null, hops = 0; unit && hops < 50; unit = parents.get(unit) ?? null, hops++) {
      if (unit === me.org_unit_id) {
        isReporterDeptHead = true;
        break;
      }
    }
  }
  const isOwner = Boolean(plan && personId && plan.owner_person_id === personId);
  return {
    role: actor.role,
    grade,
    isReporter: hazard.reporter_user_id === actor.userId || Boolean(personId && hazard.reporter_person_id === personId),
    isReporterDeptHead,
    hasNoReporter: !hazard.reporter_user_id && !hazard.reporter_person_id,
    isOwner,
    // Invariant 7: whoever fixed it on the spot or reported the rectification done, and the plan's owner.
    isRectifier: hazard.rectifier_user_id === actor.userId || (isOwner && hazard.status !== 'under_rectification'),
    hasRemediationPlan: Boolean(remediation),
    isPublished: hazard.is_published === 1,
  };
}

interface StepResult {
  patch?: Partial<HazardTable>;
  data?: Record<string, unknown>;
  after?: (trx: Executor, hazard: HazardTable, to: HazardStatus) => Promise<void>;
}

/**
 * One lifecycle step in one transaction: load (404 across tenants), ask the pure lifecycle, write
 * the new state only if nobody moved it meanwhile, append the event, audit it.
 */
export async function runTransition(
  deps: AppDeps,
  actor: HazardActor,
  hazardId: string,
  action: HazardAction,
  step: (trx: Executor, hazard: HazardTable, facts: ActorFacts) => Promise<StepResult>,
  gradeOverride?: HazardGrade,
): Promise<void> {
  const now = deps.clock.now();
  const at = now.toISOString();
  await withTransaction(deps.db, async (trx) => {
    const hazard = await repo.findHazard(trx, actor.enterpriseId, hazardId);
    if (!hazard) throw notFound('hazard');
    const grade = gradeOverride ?? (hazard.grade as HazardGrade | null);
    const facts = await actorFacts(trx, hazard, actor, grade);
    const verdict = canTransition(hazard.status as HazardStatus, action, facts);
    if (!verdict.ok) {
      const code = verdict.reason === 'WRONG_STATE' ? 'HAZARD_WRONG_STATE' : 'HAZARD_NOT_PERMITTED';
      throw new AppError(code, { reasonZh: verdict.message['zh-CN'], reasonEn: verdict.message['en-US'] }, [], { reason: verdict.reason });
    }
    const result = await step(trx, hazard, facts);
    const patch = { ...result.patch, status: verdict.to, updated_at: at };
    if (!(await repo.updateHazardFrom(trx, actor.enterpriseId, hazardId, hazard.status, patch))) {
      throw new AppError('HAZARD_WRONG_STATE', { reasonZh: '隐患已被他人处理', reasonEn: 'someone else changed the hazard first' });
    }
    await repo.insertEvent(trx, {
      id: newId(),
      enterprise_id: actor.enterpriseId,
      hazard_id: hazardId,
      action,
      from_status: hazard.status,
      to_status: verdict.to,
      actor_user_id: actor.userId,
      at,
      data: JSON.stringify(result.data ?? {}),
    });
    await recordChange(trx, actor, now, { entity: 'hazard', entityId: hazardId, action, before: hazard, after: { ...hazard, ...patch } });
    await result.after?.(trx, { ...hazard, ...patch }, verdict.to);
  });
}

const notice = (title: LocalizedText, body: string, hazardId: string) => ({ title, body: { 'zh-CN': body, 'en-US': body }, link: `/hazards/${hazardId}` });

export function confirmHazard(deps: AppDeps, actor: HazardActor, hazardId: string, input: ConfirmInput) {
  if (input.criterionId && !findMajorHazardCriterion(input.criterionId)) {
    throw fieldError('criterionId', { 'zh-CN': '不是10号令中的判定标准', 'en-US': 'Not a criterion of 10号令' });
  }
  const isMajor = input.grade === 'major';
  return runTransition(
    deps,
    actor,
    hazardId,
    'confirm',
    async () => ({
      patch: {
        grade: input.grade,
        criterion_id: isMajor ? (input.criterionId ?? null) : null,
        criterion_other_reason: isMajor && !input.criterionId ? (input.criterionOtherReason ?? null) : null,
        deadline: input.deadline ? new Date(input.deadline).toISOString() : null,
      },
      data: { grade: input.grade, criterionId: input.criterionId ?? null, criterionOtherReason: input.criterionOtherReason ?? null },
      after: async (trx, h) => {
        if (!isMajor) return;
        // Seed 001 Art. 17: stop work at once and withdraw the people, in this transaction.
        const now = deps.clock.now();
        const stop = {
          id: newId(),
          enterprise_id: actor.enterpriseId,
          hazard_id: hazardId,
          post_id: h.post_id,
          area_id: h.area_id,
          stopped_at: now.toISOString(),
          stopped_by_user_id: actor.userId,
          people_withdrawn: input.peopleWithdrawn ?? '',
          withdrawn_by: input.withdrawnBy || actor.displayName,
          lifted_at: null,
          lifted_by_user_id: null,
        };
        await repo.insertStopWork(trx, stop);
        await recordChange(trx, actor, now, { entity: 'stop_work', entityId: stop.id, action: 'stop', after: stop });
        // Seed 001 Art. 17: 及时报告当地县级应急管理等相关部门 — a report record delivered to the linked regulators.
        await reportToBureau(trx, { enterpriseId: actor.enterpriseId, hazardId, kind: 'major_hazard', userId: actor.userId, summary: h.description, at: now });
        await notifyInTransaction(trx, {
          enterpriseId: actor.enterpriseId,
          roles: ['principal', 'safety_manager'],
          kind: 'major_hazard',
          ...notice({ 'zh-CN': '重大事故隐患：已停止作业，须报告县级应急管理部门', 'en-US': 'Major hazard: work stopped; report to the county bureau' }, h.description.slice(0, 200), hazardId),
          dedupeKey: `major_hazard:${hazardId}`,
          at: now,
        });
      },
    }),
    input.grade,
  );
}

export function rejectHazard(deps: AppDeps, actor: HazardActor, hazardId: string, reason: string) {
  return runTransition(deps, actor, hazardId, 'reject', async () => ({ data: { reason }, patch: { closed_at: null } }));
}

export function fixHazardOnSpot(deps: AppDeps, actor: HazardActor, hazardId: string, note: string) {
  return runTransition(deps, actor, hazardId, 'fix_on_spot', async () => ({
    patch: { rectifier_user_id: actor.userId },
    data: { note },
    after: (trx, h) => notifyAcceptors(deps, trx, actor.enterpriseId, h),
  }));
}

export function planRemediation(deps: AppDeps, actor: HazardActor, hazardId: string, input: RemediationPlanInput) {
  return runTransition(deps, actor, hazardId, 'plan_remediation', async (trx) => {
    const at = deps.clock.now().toISOString();
    const row = {
      hazard_id: hazardId,
      enterprise_id: actor.enterpriseId,
      objective: input.objective,
      methods: input.methods,
      funds_and_materials: input.fundsAndMaterials,
      organisation_and_people: input.organisationAndPeople,
      schedule: input.schedule,
      safety_and_emergency: input.safetyAndEmergency,
      situation_and_cause: input.situationAndCause,
      severity_and_difficulty: input.severityAndDifficulty,
      result: null,
      planned_by_user_id: actor.userId,
      created_at: at,
      updated_at: at,
    };
    await repo.upsertRemediationPlan(trx, row);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'remediation_plan', entityId: hazardId, action: 'plan', after: row });
    return { data: { remediationPlan: input } };
  });
}

export function planRectification(deps: AppDeps, actor: HazardActor, hazardId: string, input: RectificationPlanInput) {
  return runTransition(deps, actor, hazardId, 'plan_rectification', async (trx) => {
    const owner = await repo.findPersonUnit(trx, actor.enterpriseId, input.ownerPersonId);
    if (!owner || owner.archived_at) throw referenceMissing('ownerPersonId');
    const now = deps.clock.now();
    const deadline = new Date(input.deadline).toISOString();
    const row = {
      hazard_id: hazardId,
      enterprise_id: actor.enterpriseId,
      measure: input.measure,
      owner_person_id: input.ownerPersonId,
      funds_cny: input.fundsCny,
      deadline,
      interim_measure: input.interimMeasure,
      planned_by_user_id: actor.userId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await repo.upsertRectificationPlan(trx, row);
    await recordChange(trx, actor, now, { entity: 'rectification_plan', entityId: hazardId, action: 'plan', after: row });
    return {
      patch: { deadline, escalation_tier: tierOfOrgUnit(owner.org_unit_kind), overdue_at: null, rectifier_user_id: null },
      data: { plan: { ...input, deadline } },
      after: async (t, h) => {
        await notifyInTransaction(t, {
          enterpriseId: actor.enterpriseId,
          userIds: [await userOfPerson(t, actor.enterpriseId, input.ownerPersonId)],
          kind: 'hazard_assigned',
          ...notice(
            { 'zh-CN': '您有一项隐患需要整改', 'en-US': 'A hazard to rectify is assigned to you' },
            `${h.description.slice(0, 150)}（期限 ${readableInstant(deadline, (await loadCalendar(t, actor.enterpriseId)).timeZone)}）`,
            hazardId,
          ),
          dedupeKey: `hazard_assigned:${hazardId}:${deadline}:${input.ownerPersonId}`,
          at: now,
        });
      },
    };
  });
}

/** 整改完成 with the "after" photos: a 重大 hazard needs at least one (issue 8 §7); they stay in the insert-only event. */
export function submitRectification(deps: AppDeps, actor: HazardActor, hazardId: string, input: SubmitRectificationInput) {
  return runTransition(deps, actor, hazardId, 'submit', async (trx, hazard) => {
    if (hazard.grade === 'major' && input.photoIds.length === 0) {
      throw fieldError('photoIds', { 'zh-CN': '重大事故隐患整改完成须附整改后的照片', 'en-US': 'A major hazard needs photos of the rectified state' });
    }
    if (!(await allAttachmentsExist(deps, actor.enterpriseId, input.photoIds, trx))) throw referenceMissing('photoIds');
    return submitted(deps, actor, input);
  });
}

function submitted(deps: AppDeps, actor: HazardActor, input: SubmitRectificationInput): StepResult {
  return {
    patch: { rectifier_user_id: actor.userId },
    data: { note: input.note, photoIds: input.photoIds },
    after: (trx, h) => notifyAcceptors(deps, trx, actor.enterpriseId, h),
  };
}

/** Acceptance closes the hazard and — only here — lifts its stop work (DATA-MODEL invariant 7). */
export function acceptHazard(deps: AppDeps, actor: HazardActor, hazardId: string, input: { note: string; result?: string }) {
  return runTransition(deps, actor, hazardId, 'accept', async (trx, hazard) => {
    const now = deps.clock.now();
    // 16号令: a major hazard's remediation is evaluated (technical staff or experts) before work resumes.
    if (hazard.grade === 'major' && !(await hasPassedRemediationEvaluation(trx, actor.enterpriseId, hazardId))) throw new AppError('REMEDIATION_NOT_EVALUATED');
    const lifted = await repo.liftStopWork(trx, actor.enterpriseId, hazardId, now.toISOString(), actor.userId);
    for (const id of lifted) await recordChange(trx, actor, now, { entity: 'stop_work', entityId: id, action: 'lift', after: { liftedAt: now.toISOString() } });
    if (hazard.grade === 'major' && input.result) await repo.setRemediationResult(trx, actor.enterpriseId, hazardId, input.result, now.toISOString());
    // Seed 001 Art. 17: 治理结果及时报告 — the result report reaches the regulators too.
    if (hazard.grade === 'major') {
      await reportToBureau(trx, { enterpriseId: actor.enterpriseId, hazardId, kind: 'result', userId: actor.userId, summary: input.result || input.note || hazard.description, at: now });
    }
    return { patch: { closed_at: now.toISOString() }, data: { note: input.note, liftedStopWork: lifted } };
  });
}

export function sendBackHazard(deps: AppDeps, actor: HazardActor, hazardId: string, reason: string) {
  return runTransition(deps, actor, hazardId, 'send_back', async (trx, hazard) => {
    const plan = await repo.findRectificationPlan(trx, actor.enterpriseId, hazardId);
    return {
      patch: { rectifier_user_id: null },
      data: { reason },
      after: async (t) => {
        const owner = plan ? await userOfPerson(t, actor.enterpriseId, plan.owner_person_id) : null;
        await notifyInTransaction(t, {
          enterpriseId: actor.enterpriseId,
          userIds: [owner, hazard.rectifier_user_id],
          kind: 'hazard_sent_back',
          ...notice({ 'zh-CN': '隐患整改被退回', 'en-US': 'Rectification sent back' }, reason, hazardId),
          dedupeKey: `hazard_sent_back:${hazardId}:${newId()}`,
          at: deps.clock.now(),
        });
      },
    };
  });
}

export function publishHazard(deps: AppDeps, actor: HazardActor, hazardId: string) {
  return runTransition(deps, actor, hazardId, 'publish', async () => ({ patch: { is_published: 1 }, data: {} }));
}

async function userOfPerson(trx: Executor, enterpriseId: string, personId: string): Promise<string | null> {
  const row = await repo.findUserOfPerson(trx, enterpriseId, personId);
  return row ?? null;
}

/** The reporter (or, for anonymous reports, the managers) is told the hazard waits for acceptance. */
async function notifyAcceptors(deps: AppDeps, trx: Executor, enterpriseId: string, h: HazardTable): Promise<void> {
  const anonymous = !h.reporter_user_id && !h.reporter_person_id;
  const reporter = h.reporter_user_id ?? (h.reporter_person_id ? await userOfPerson(trx, enterpriseId, h.reporter_person_id) : null);
  await notifyInTransaction(trx, {
    enterpriseId,
    userIds: [reporter],
    roles: anonymous ? ['safety_manager', 'principal'] : [],
    kind: 'hazard_to_accept',
    ...notice({ 'zh-CN': '隐患整改完成，待验收', 'en-US': 'Rectification done; waiting for acceptance' }, h.description.slice(0, 200), h.id),
    dedupeKey: `hazard_to_accept:${h.id}:${deps.clock.now().toISOString()}`,
    at: deps.clock.now(),
  });
}
