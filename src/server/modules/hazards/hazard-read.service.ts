import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import type { Executor } from '../../db/with-transaction.js';
import { canTransition, type HazardAction, hazardActions, type HazardGrade, type HazardRole, type HazardStatus } from '../../../domain/hazard/hazard-lifecycle.js';
import { actorFacts } from './hazard-transitions.service.js';
import { isOverdue } from '../../../domain/hazard/overdue.js';
import type { HazardDetailDto, HazardDto, HazardListQuery } from '../../../schemas/hazards.js';
import { notFound } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { findHazardRow, type HazardRow, listHazardRows, type WorkerScope } from './hazard-list.repository.js';
import * as repo from './hazards.repository.js';

export function toHazardDto(r: HazardRow, now: Date): HazardDto {
  return {
    id: r.id,
    source: r.source as HazardDto['source'],
    recordId: r.record_id,
    itemId: r.item_id,
    postId: r.post_id,
    postName: r.post_name ?? null,
    areaId: r.area_id,
    areaName: r.area_name ?? null,
    measureId: r.measure_id,
    grade: r.grade as HazardDto['grade'],
    criterionId: r.criterion_id,
    criterionOtherReason: r.criterion_other_reason,
    description: r.description,
    photoIds: fromDbJson<string[]>(r.photo_ids) ?? [],
    status: r.status as HazardStatus,
    reporterUserId: r.reporter_user_id,
    reporterPersonId: r.reporter_person_id,
    // Anonymous and contractor reports carry a typed name; members are named from their person or login.
    reporterName: r.reporter_name ?? r.reporter_person_name ?? r.reporter_user_name ?? null,
    deadline: r.deadline,
    isOverdue: isOverdue({ status: r.status as HazardStatus, deadline: r.deadline }, now),
    escalationTier: r.escalation_tier,
    isPublished: r.is_published === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    archivedAt: null,
  };
}

/** Who is looking at the list: the caller's user id and role in the active enterprise. */
export interface HazardViewer {
  userId: string;
  role: string;
}

/**
 * A worker sees the hazards they reported, those whose rectification they own (the plan names their
 * person, or they fixed it / reported it done), and every hazard on a post they hold — their own
 * workplace's dangers are theirs to know (Art. 11 公示). Everyone else in the enterprise sees all.
 */
export async function workerScopeOf(db: Executor, enterpriseId: string, viewer: HazardViewer | undefined): Promise<WorkerScope | undefined> {
  if (!viewer || viewer.role !== 'worker') return undefined;
  const { personId, postIds } = await repo.findWorkerPosts(db, enterpriseId, viewer.userId);
  return { userId: viewer.userId, personId, postIds };
}

export function toFilter(q: HazardListQuery, now: Date, viewer?: HazardViewer, workerScope?: WorkerScope) {
  return {
    reportedBy: q.reportedByMe && viewer ? viewer.userId : undefined,
    workerScope,
    status: q.status,
    grade: q.grade,
    postId: q.postId,
    areaId: q.areaId,
    overdue: q.overdue,
    now: now.toISOString(),
    from: q.from ? new Date(q.from).toISOString() : undefined,
    to: q.to ? new Date(q.to).toISOString() : undefined,
    q: q.q || undefined,
  };
}

export async function listHazards(deps: AppDeps, enterpriseId: string, q: HazardListQuery, viewer?: HazardViewer) {
  const now = deps.clock.now();
  const scope = await workerScopeOf(deps.db, enterpriseId, viewer);
  const rows = await listHazardRows(deps.db, enterpriseId, { ...toFilter(q, now, viewer, scope), after: decodeCursor(q.cursor), limit: q.limit + 1 });
  return toPage(rows, q.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => toHazardDto(r, now));
}

/**
 * The steps the viewer may take now, from the same pure lifecycle the transitions enforce, so the
 * UI shows only the buttons that will work (the API still checks every call).
 */
async function allowedActionsOf(db: Executor, row: HazardRow, viewer: HazardViewer & { enterpriseId: string }): Promise<HazardAction[]> {
  const actor = { userId: viewer.userId, enterpriseId: viewer.enterpriseId, role: viewer.role as HazardRole, displayName: '' };
  const facts = await actorFacts(db, row, actor, (row.grade as HazardGrade | null) ?? null);
  const status = row.status as HazardStatus;
  return hazardActions.filter((action) => {
    // Confirming decides the grade; ask with the one that allows the most.
    const asked = action === 'confirm' ? { ...facts, grade: 'general' as const } : facts;
    return canTransition(status, action, asked).ok;
  });
}

export async function getHazardDetail(db: Executor, enterpriseId: string, hazardId: string, now: Date, viewer?: HazardViewer): Promise<HazardDetailDto> {
  const row = await findHazardRow(db, enterpriseId, hazardId, await workerScopeOf(db, enterpriseId, viewer));
  if (!row) throw notFound('hazard');
  const [events, plan, remediation, stops] = [
    await repo.listEvents(db, enterpriseId, hazardId),
    await repo.findRectificationPlan(db, enterpriseId, hazardId),
    await repo.findRemediationPlan(db, enterpriseId, hazardId),
    await repo.listStopWork(db, enterpriseId, hazardId),
  ];
  return {
    ...toHazardDto(row, now),
    allowedActions: viewer ? await allowedActionsOf(db, row, { ...viewer, enterpriseId }) : [],
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorUserId: e.actor_user_id,
      actorName: e.actor_name ?? null,
      at: e.at,
      data: fromDbJson<Record<string, unknown>>(e.data) ?? {},
    })),
    rectificationPlan: plan
      ? { measure: plan.measure, ownerPersonId: plan.owner_person_id, fundsCny: Number(plan.funds_cny), deadline: plan.deadline, interimMeasure: plan.interim_measure }
      : null,
    remediationPlan: remediation
      ? {
          objective: remediation.objective,
          methods: remediation.methods,
          fundsAndMaterials: remediation.funds_and_materials,
          organisationAndPeople: remediation.organisation_and_people,
          schedule: remediation.schedule,
          safetyAndEmergency: remediation.safety_and_emergency,
          situationAndCause: remediation.situation_and_cause,
          severityAndDifficulty: remediation.severity_and_difficulty,
          result: remediation.result,
        }
      : null,
    // The latest submission's "after" photos: a send-back and a new submission bring new ones.
    afterPhotoIds: ((): string[] => {
      const last = [...events].reverse().find((e) => e.action === 'submit');
      const ids = (last ? fromDbJson<{ photoIds?: unknown }>(last.data) : null)?.photoIds;
      return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
    })(),
    stopWork: stops.map((s) => ({
      id: s.id,
      postId: s.post_id,
      areaId: s.area_id,
      stoppedAt: s.stopped_at,
      peopleWithdrawn: s.people_withdrawn,
      withdrawnBy: s.withdrawn_by,
      liftedAt: s.lifted_at,
    })),
  };
}
