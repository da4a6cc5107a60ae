/* Drills (seed 000 三(五)3: "演习要按计划进行，演习尽量模拟真实的情况。应急预案演习后应进行评审 … 必要时对应急
 * 预案进行完善和修订"; seed 003 重点4 "开展针对性的应急演练"). A yearly programme under the enterprise's
 * cadence setting, each drill recorded, participants signing in through the sign-off mechanism
 * (subject type 'emergency-drill'), then one insert-only review whose findings become hazards and
 * which may open a new plan version. */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { currentSignatures } from '../../../domain/sign-off/sign-off-chain.js';
import { cadenceRequirements, type DrillCadence } from '../../../domain/emergency/drill-cadence.js';
import { localDateOf } from '../../../domain/emergency/supply-state.js';
import { defaultDrillCadence, type PlanKind } from '../../../reference/emergency-plans.js';
import type { CadenceDto, DrillDto, DrillProgrammeDto, DrillReviewInput } from '../../../schemas/emergency.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { registerSignOffSubject } from '../../platform/sign-off/sign-off-registry.js';
import { listSignOffs } from '../../platform/sign-off/sign-off.service.js';
import { recordChange } from '../audit/audit.service.js';
import { createHazardInTransaction } from '../hazards/hazard-intake.service.js';
import { allAttachmentsExist } from '../inspections/attachments.service.js';
import * as repo from './emergency.repository.js';
import { type EmergencyActor, getPlanDetail, revisePlan } from './emergency-plans.service.js';

export const drillSignOffType = 'emergency-drill';

registerSignOffSubject({
  type: drillSignOffType,
  entity: 'emergency_drill',
  async describe({ db, enterpriseId, subjectId }) {
    const d = await repo.findDrill(db, enterpriseId, subjectId);
    if (!d) return null;
    const hasReview = (await repo.listReviews(db, enterpriseId, [d.id])).length > 0;
    return {
      title: `应急演练：${d.plan_title}（${d.held_on ?? d.planned_on}）`,
      revision: '',
      isOpen: !hasReview,
      closedReason: hasReview ? { 'zh-CN': '演练已评估', 'en-US': 'the drill has been reviewed' } : null,
      expected: (JSON.parse(d.participant_person_ids) as string[]).map((personId) => ({
        personId,
        role: 'participant',
        roleLabel: { 'zh-CN': '参演人员', 'en-US': 'Participant' },
        statement: { 'zh-CN': '本人参加了本次应急演练。', 'en-US': 'I took part in this drill.' },
      })),
    };
  },
});

const wrongState = (zh: string, en: string) => new AppError('DRILL_WRONG_STATE', { reasonZh: zh, reasonEn: en });

export async function getCadence(db: Executor, enterpriseId: string): Promise<DrillCadence> {
  const s = await repo.findSetting(db, enterpriseId);
  return s ? { comprehensiveOrSpecialPerYear: s.comprehensive_per_year, onsiteEveryMonths: s.onsite_every_months } : { ...defaultDrillCadence };
}

export async function putCadence(deps: AppDeps, actor: EmergencyActor, input: CadenceDto): Promise<CadenceDto> {
  return withTransaction(deps.db, async (trx) => {
    const before = await getCadence(trx, actor.enterpriseId);
    await repo.upsertSetting(trx, { enterprise_id: actor.enterpriseId, comprehensive_per_year: input.comprehensiveOrSpecialPerYear, onsite_every_months: input.onsiteEveryMonths, updated_at: deps.clock.now().toISOString() });
    await recordChange(trx, actor, deps.clock.now(), { entity: 'emergency_setting', entityId: actor.enterpriseId, action: 'update', before, after: input });
    return input;
  });
}

async function toDrillDtos(db: Executor, enterpriseId: string, rows: repo.DrillRow[]): Promise<DrillDto[]> {
  const reviews = new Map((await repo.listReviews(db, enterpriseId, rows.map((r) => r.id))).map((r) => [r.drill_id, r]));
  const result: DrillDto[] = [];
  for (const r of rows) {
    const rv = reviews.get(r.id);
    const signed = currentSignatures(await listSignOffs(db, enterpriseId, drillSignOffType, r.id), '');
    result.push({
      id: r.id,
      planId: r.plan_id,
      planTitle: r.plan_title,
      kind: r.kind as PlanKind,
      plannedOn: r.planned_on,
      scenario: r.scenario,
      status: r.status as DrillDto['status'],
      heldOn: r.held_on,
      description: r.description,
      participantPersonIds: JSON.parse(r.participant_person_ids) as string[],
      signedInPersonIds: [...new Set(signed.map((s) => s.personId))],
      photoIds: JSON.parse(r.photo_ids) as string[],
      planVersionId: r.plan_version_id,
      review: rv
        ? {
            id: rv.id,
            whatWorked: rv.what_worked,
            whatFailed: rv.what_failed,
            needsRevision: rv.needs_revision === 1,
            findings: JSON.parse(rv.findings) as { text: string; postId: string | null; hazardId: string }[],
            newVersionId: rv.new_version_id,
            reviewedByUserId: rv.reviewed_by_user_id,
            createdAt: rv.created_at,
          }
        : null,
      createdAt: r.created_at,
      archivedAt: r.archived_at,
    });
  }
  return result;
}

export async function getDrill(db: Executor, enterpriseId: string, id: string): Promise<DrillDto> {
  const row = await repo.findDrill(db, enterpriseId, id);
  if (!row) throw notFound('emergency_drill');
  return (await toDrillDtos(db, enterpriseId, [row]))[0] as DrillDto;
}

async function todayOf(db: Executor, enterpriseId: string, at: Date) {
  return localDateOf(at, (await repo.findEnterprise(db, enterpriseId))?.time_zone ?? 'Asia/Shanghai');
}

/** The year's programme: the cadence requirements of today's periods and every drill of the year. */
export async function getProgramme(deps: AppDeps, enterpriseId: string, year?: number): Promise<DrillProgrammeDto> {
  const today = await todayOf(deps.db, enterpriseId, deps.clock.now());
  const y = year ?? Number(today.slice(0, 4));
  const cadence = await getCadence(deps.db, enterpriseId);
  const asOf = y === Number(today.slice(0, 4)) ? today : `${y}-12-31`;
  const held = await repo.listHeldDrills(deps.db, enterpriseId, `${y}-01-01`, `${y}-12-31`);
  const rows = await repo.listDrills(deps.db, enterpriseId, `${y}-01-01`, `${y}-12-31`);
  return {
    year: y,
    cadence: cadence as CadenceDto,
    requirements: cadenceRequirements(cadence, held.map((h) => ({ kind: h.kind as PlanKind, heldOn: h.held_on as string })), asOf),
    drills: await toDrillDtos(deps.db, enterpriseId, rows),
  };
}

async function checkPeople(trx: Executor, enterpriseId: string, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length && (await repo.liveIdsOf(trx, 'person', enterpriseId, unique)).size !== unique.length) throw referenceMissing(field);
}

export async function planDrill(deps: AppDeps, actor: EmergencyActor, input: { planId: string; plannedOn: string; scenario: string; participantPersonIds: string[] }): Promise<DrillDto> {
  return withTransaction(deps.db, async (trx) => {
    const plan = await repo.findPlan(trx, actor.enterpriseId, input.planId);
    if (!plan || plan.archived_at) throw referenceMissing('planId');
    await checkPeople(trx, actor.enterpriseId, input.participantPersonIds, 'participantPersonIds');
    const now = deps.clock.now().toISOString();
    const id = newId();
    await repo.insertDrill(trx, {
      id,
      enterprise_id: actor.enterpriseId,
      plan_id: plan.id,
      kind: plan.kind,
      planned_on: input.plannedOn,
      scenario: input.scenario || plan.title,
      status: 'planned',
      held_on: null,
      description: '',
      participant_person_ids: JSON.stringify([...new Set(input.participantPersonIds)]),
      photo_ids: '[]',
      plan_version_id: null,
      recorded_by_user_id: null,
      recorded_at: null,
      created_at: now,
      updated_at: now,
      archived_at: null,
    });
    const dto = await getDrill(trx, actor.enterpriseId, id);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'emergency_drill', entityId: id, action: 'create', after: dto });
    return dto;
  });
}

/** Records what happened (once: a held drill is evidence). The plan version in force is noted. */
export async function recordDrillHeld(
  deps: AppDeps,
  actor: EmergencyActor,
  drillId: string,
  input: { heldOn?: string; description: string; participantPersonIds?: string[]; photoIds: string[] },
): Promise<DrillDto> {
  return withTransaction(deps.db, async (trx) => {
    const before = await getDrill(trx, actor.enterpriseId, drillId);
    if (before.status !== 'planned') throw wrongState('演练已记录，记录不能修改', 'the drill is already recorded; a record is not changed');
    if (!input.heldOn) throw fieldError('heldOn', { 'zh-CN': '请填写演练日期', 'en-US': 'Give the date the drill was held' });
    if (!input.description) throw fieldError('description', { 'zh-CN': '请记录演练经过', 'en-US': 'Describe what happened' });
    if (input.participantPersonIds) await checkPeople(trx, actor.enterpriseId, input.participantPersonIds, 'participantPersonIds');
    // Photos are the enterprise's own uploads: never a reference to another enterprise's file.
    if (!(await allAttachmentsExist(deps, actor.enterpriseId, input.photoIds, trx))) throw referenceMissing('photoIds');
    const plan = await getPlanDetail(trx, actor.enterpriseId, before.planId);
    const ok = await repo.recordDrill(trx, actor.enterpriseId, drillId, {
      status: 'held',
      held_on: input.heldOn,
      description: input.description,
      ...(input.participantPersonIds && { participant_person_ids: JSON.stringify([...new Set(input.participantPersonIds)]) }),
      photo_ids: JSON.stringify(input.photoIds),
      plan_version_id: plan.current?.id ?? null,
      recorded_by_user_id: actor.userId,
      recorded_at: deps.clock.now().toISOString(),
      updated_at: deps.clock.now().toISOString(),
    });
    if (!ok) throw wrongState('演练已记录，记录不能修改', 'the drill is already recorded; a record is not changed');
    const after = await getDrill(trx, actor.enterpriseId, drillId);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'emergency_drill', entityId: drillId, action: 'record', before, after });
    return after;
  });
}

/** The post-drill review (演练评估): findings become hazards; with needsRevision the plan gets a new draft version. */
export async function reviewDrill(deps: AppDeps, actor: EmergencyActor, drillId: string, input: DrillReviewInput): Promise<DrillDto> {
  return withTransaction(deps.db, async (trx) => {
    const drill = await getDrill(trx, actor.enterpriseId, drillId);
    if (drill.status !== 'held') throw wrongState('演练尚未记录，不能评估', 'the drill has not been recorded yet');
    if (drill.review) throw wrongState('演练已评估，评估记录不能修改', 'the drill has already been reviewed; a review is not changed');
    const postIds = [...new Set(input.findings.map((f) => f.postId).filter((p): p is string => Boolean(p)))];
    if (postIds.length && (await repo.liveIdsOf(trx, 'post', actor.enterpriseId, postIds)).size !== postIds.length) throw referenceMissing('findings.postId');
    const reviewId = newId();
    const findings: { text: string; postId: string | null; hazardId: string }[] = [];
    for (const [i, f] of input.findings.entries()) {
      const { hazardId } = await createHazardInTransaction(deps, trx, actor, {
        source: 'adhoc',
        postId: f.postId,
        description: `演练评估发现（${drill.planTitle}，${drill.heldOn}）：${f.text}`,
        clientId: `drill-review-${reviewId}-${i}`,
      });
      findings.push({ text: f.text, postId: f.postId, hazardId });
    }
    let newVersionId: string | null = null;
    if (input.needsRevision) {
      const revised = await revisePlan(deps, actor, drill.planId, { reason: input.revisionReason || `演练评估（${drill.heldOn}）：${input.whatFailed || '需要修订'}`, drillReviewId: reviewId }, trx);
      newVersionId = revised.draft?.id ?? null;
    }
    const isNew = await repo.insertReviewOnce(trx, {
      id: reviewId,
      enterprise_id: actor.enterpriseId,
      drill_id: drillId,
      what_worked: input.whatWorked,
      what_failed: input.whatFailed,
      needs_revision: input.needsRevision ? 1 : 0,
      findings: JSON.stringify(findings),
      new_version_id: newVersionId,
      reviewed_by_user_id: actor.userId,
      created_at: deps.clock.now().toISOString(),
    });
    if (!isNew) throw wrongState('演练已评估，评估记录不能修改', 'the drill has already been reviewed; a review is not changed');
    const after = await getDrill(trx, actor.enterpriseId, drillId);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'drill_review', entityId: reviewId, action: 'create', after: after.review });
    return after;
  });
}
