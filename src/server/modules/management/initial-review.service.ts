/* The initial review (初始评审, issue 14 §1; seed 000 一(三)1, 二(二)): a named team reviews the
 * baseline the product pre-fills from the records (initial-review-baseline.service.ts), adds its
 * findings per area, and completes the review. Completion freezes the baseline and stores the list
 * of gaps (the baseline's, by the pure rules of domain/management/initial-review.ts, and the
 * findings marked as gaps); each gap is then followed up by an objective (objectives API) or an
 * action with an owner and a deadline (a due item for its owner). */
import { type BaselineGap, gapText, type ReviewBaseline, reviewGaps } from '../../../domain/management/initial-review.js';
import type { Locale } from '../../../i18n/locale.js';
import type { ReviewAreaKey } from '../../../reference/management/initial-review.js';
import type { GapFollowUpInput, ReviewCreateInput, ReviewDto, ReviewGapDto, ReviewSummaryDto } from '../../../schemas/initial-review.js';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import { capaStatesOf, raiseCorrectiveAction } from '../improvement/capa.service.js';
import { takeBaseline } from './initial-review-baseline.service.js';
import * as repo from './initial-review.repository.js';

interface Actor {
  userId: string;
  enterpriseId: string;
}

const completedAlready = () =>
  new AppError('RECORD_WRONG_STATE', { entity: 'ohs_initial_review', reasonZh: '初始评审已完成，基准和发现不再更改', reasonEn: 'the initial review is completed; its baseline and findings no longer change' });

type FindingRow = Awaited<ReturnType<typeof repo.listFindings>>[number];

type CapaStates = Awaited<ReturnType<typeof capaStatesOf>>;

/**
 * An action that raised a corrective action is done when that record closes (verified effective):
 * its state is read from the CAPA, never kept twice. Actions from before the link keep their own mark.
 */
export function gapActionDoneAt(g: { capa_id?: string | null; action_done_at: string | null }, capas: CapaStates): string | null {
  return g.capa_id ? (capas.get(g.capa_id)?.closedAt ?? null) : g.action_done_at;
}

function gapDto(g: repo.GapRow, locale: Locale, capas: CapaStates): ReviewGapDto {
  const detail = g.detail ? (JSON.parse(g.detail) as BaselineGap) : null;
  return {
    id: g.id,
    area: g.area as ReviewAreaKey,
    key: detail?.key ?? null,
    text: locale === 'zh-CN' ? g.text_zh : g.text_en,
    fromFinding: g.finding_id !== null,
    proposal: detail?.proposal ?? null,
    objectiveId: g.objective_id,
    objectiveName: g.objective_name ?? null,
    actionText: g.action_text,
    actionOwnerPersonId: g.action_owner_person_id,
    actionOwnerName: g.owner_name ?? null,
    actionDueOn: g.action_due_on,
    actionDoneAt: gapActionDoneAt(g, capas),
    capaId: g.capa_id ?? null,
    capaStatus: g.capa_id ? (capas.get(g.capa_id)?.status ?? null) : null,
  };
}

/** The gaps a draft would give now: the baseline's, then the findings marked as gaps. */
function proposedGaps(baseline: ReviewBaseline, findings: FindingRow[]) {
  return [
    ...reviewGaps(baseline).map((g) => ({ area: g.area, detail: g, findingId: null as string | null, text: gapText(g) })),
    ...findings.filter((f) => f.is_gap).map((f) => ({ area: f.area as ReviewAreaKey, detail: null as BaselineGap | null, findingId: f.id as string | null, text: { 'zh-CN': f.text, 'en-US': f.text } })),
  ];
}

export async function getReview(db: Executor, enterpriseId: string, id: string, locale: Locale): Promise<ReviewDto> {
  const row = await repo.findReview(db, enterpriseId, id);
  if (!row) throw notFound('ohs_initial_review');
  const [members, findings] = await Promise.all([repo.listMembers(db, enterpriseId, id), repo.listFindings(db, enterpriseId, id)]);
  const baseline = JSON.parse(row.baseline) as ReviewBaseline;
  const completedBy = row.completed_by_user_id ? await db.selectFrom('user').select('display_name').where('id', '=', row.completed_by_user_id).executeTakeFirst() : undefined;
  const gaps: ReviewGapDto[] =
    row.status === 'completed'
      ? await repo.listGaps(db, enterpriseId, id).then(async (rows) => {
          const capas = await capaStatesOf(db, enterpriseId, rows.flatMap((g) => (g.capa_id ? [g.capa_id] : [])));
          return rows.map((g) => gapDto(g, locale, capas));
        })
      : proposedGaps(baseline, findings).map((g, i) => ({
          id: `proposed-${i}`,
          area: g.area,
          key: g.detail?.key ?? null,
          text: g.text[locale],
          fromFinding: g.findingId !== null,
          proposal: g.detail?.proposal ?? null,
          objectiveId: null,
          objectiveName: null,
          actionText: null,
          actionOwnerPersonId: null,
          actionOwnerName: null,
          actionDueOn: null,
          actionDoneAt: null,
          capaId: null,
          capaStatus: null,
        }));
  return {
    id: row.id,
    title: row.title,
    status: row.status as ReviewDto['status'],
    baseline,
    conclusion: row.conclusion,
    members: members.map((m) => ({ personId: m.person_id, name: m.name, role: m.role })),
    findings: findings.map((f) => ({ id: f.id, area: f.area as ReviewAreaKey, text: f.text, isGap: Boolean(f.is_gap), createdAt: f.created_at })),
    gaps,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    completedByName: completedBy?.display_name ?? null,
  };
}

export async function listReviews(db: Executor, enterpriseId: string): Promise<ReviewSummaryDto[]> {
  return (await repo.listReviewRows(db, enterpriseId)).map((r) => ({ id: r.id, title: r.title, status: r.status as ReviewSummaryDto['status'], createdAt: r.created_at, completedAt: r.completed_at }));
}

async function checkMembers(trx: Executor, enterpriseId: string, members: ReviewCreateInput['members']) {
  const ids = members.map((m) => m.personId);
  if (new Set(ids).size !== ids.length) throw referenceMissing('members');
  if (!(await allActiveExist(trx, 'person', enterpriseId, ids))) throw referenceMissing('members');
}

/** Opens a review with its team and the baseline taken now. */
export async function createReview(deps: AppDeps, actor: Actor, input: ReviewCreateInput, locale: Locale): Promise<ReviewDto> {
  return withTransaction(deps.db, async (trx) => {
    await checkMembers(trx, actor.enterpriseId, input.members);
    const baseline = await takeBaseline({ ...deps, db: trx as AppDeps['db'] }, actor.enterpriseId);
    const id = newId();
    const now = deps.clock.now().toISOString();
    await repo.insertReview(trx, { id, enterprise_id: actor.enterpriseId, title: input.title, status: 'draft', baseline: JSON.stringify(baseline), conclusion: '', created_by_user_id: actor.userId, created_at: now, updated_at: now, completed_by_user_id: null, completed_at: null });
    await repo.replaceMembers(trx, actor.enterpriseId, id, input.members.map((m) => ({ id: newId(), ...m })));
    const dto = await getReview(trx, actor.enterpriseId, id, locale);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_initial_review', entityId: id, action: 'create', after: { title: input.title, members: input.members } });
    return dto;
  });
}

async function draftOf(trx: Executor, enterpriseId: string, id: string) {
  const row = await repo.findReview(trx, enterpriseId, id);
  if (!row) throw notFound('ohs_initial_review');
  if (row.status !== 'draft') throw completedAlready();
  return row;
}

export async function setTeam(deps: AppDeps, actor: Actor, id: string, members: ReviewCreateInput['members'], locale: Locale): Promise<ReviewDto> {
  return withTransaction(deps.db, async (trx) => {
    await draftOf(trx, actor.enterpriseId, id);
    await checkMembers(trx, actor.enterpriseId, members);
    const before = await repo.listMembers(trx, actor.enterpriseId, id);
    await repo.replaceMembers(trx, actor.enterpriseId, id, members.map((m) => ({ id: newId(), ...m })));
    if (!(await repo.updateDraftReview(trx, actor.enterpriseId, id, { updated_at: deps.clock.now().toISOString() }))) throw completedAlready();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_initial_review', entityId: id, action: 'team', before, after: members });
    return getReview(trx, actor.enterpriseId, id, locale);
  });
}

/** Takes the baseline again (a draft only: the team corrected the records the review looked at). */
export async function refreshBaseline(deps: AppDeps, actor: Actor, id: string, locale: Locale): Promise<ReviewDto> {
  return withTransaction(deps.db, async (trx) => {
    const row = await draftOf(trx, actor.enterpriseId, id);
    const baseline = await takeBaseline({ ...deps, db: trx as AppDeps['db'] }, actor.enterpriseId);
    if (!(await repo.updateDraftReview(trx, actor.enterpriseId, id, { baseline: JSON.stringify(baseline), updated_at: deps.clock.now().toISOString() }))) throw completedAlready();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_initial_review', entityId: id, action: 'baseline', before: JSON.parse(row.baseline), after: baseline });
    return getReview(trx, actor.enterpriseId, id, locale);
  });
}

export async function addFinding(deps: AppDeps, actor: Actor, id: string, input: { area: ReviewAreaKey; text: string; isGap: boolean }, locale: Locale): Promise<ReviewDto> {
  return withTransaction(deps.db, async (trx) => {
    await draftOf(trx, actor.enterpriseId, id);
    const findingId = newId();
    const now = deps.clock.now().toISOString();
    await repo.insertFinding(trx, { id: findingId, enterprise_id: actor.enterpriseId, review_id: id, area: input.area, text: input.text, is_gap: input.isGap ? 1 : 0, created_by_user_id: actor.userId, created_at: now });
    await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_initial_review', entityId: id, action: 'finding', after: { findingId, ...input } });
    return getReview(trx, actor.enterpriseId, id, locale);
  });
}

/** Completes the review: the baseline is frozen and the gaps are stored. A second completion is refused. */
export async function completeReview(deps: AppDeps, actor: Actor, id: string, conclusion: string, locale: Locale): Promise<ReviewDto> {
  return withTransaction(deps.db, async (trx) => {
    const row = await draftOf(trx, actor.enterpriseId, id);
    const now = deps.clock.now().toISOString();
    // Claim the draft first: of two concurrent completions, one stores the gaps, the other gets 409.
    if (!(await repo.updateDraftReview(trx, actor.enterpriseId, id, { status: 'completed', conclusion, completed_at: now, completed_by_user_id: actor.userId, updated_at: now }))) throw completedAlready();
    const gaps = proposedGaps(JSON.parse(row.baseline) as ReviewBaseline, await repo.listFindings(trx, actor.enterpriseId, id));
    await repo.insertGaps(
      trx,
      gaps.map((g, i) => ({
        id: newId(),
        enterprise_id: actor.enterpriseId,
        review_id: id,
        position: i,
        area: g.area,
        detail: g.detail ? JSON.stringify(g.detail) : null,
        finding_id: g.findingId,
        text_zh: g.text['zh-CN'],
        text_en: g.text['en-US'],
        objective_id: null,
        action_text: null,
        action_owner_person_id: null,
        action_due_on: null,
        action_done_at: null,
        updated_at: now,
      })),
    );
    const dto = await getReview(trx, actor.enterpriseId, id, locale);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_initial_review', entityId: id, action: 'complete', after: { conclusion, gaps: dto.gaps.map((g) => g.text) } });
    return dto;
  });
}

/** A gap of a completed review becomes an objective (made with the objectives API) or an action with owner and deadline. */
export async function followUpGap(deps: AppDeps, actor: Actor, reviewId: string, gapId: string, input: GapFollowUpInput, locale: Locale): Promise<ReviewDto> {
  return withTransaction(deps.db, async (trx) => {
    const gap = await repo.findGap(trx, actor.enterpriseId, reviewId, gapId);
    if (!gap) throw notFound('ohs_review_gap');
    const now = deps.clock.now().toISOString();
    let patch: Parameters<typeof repo.updateGap>[3];
    if ('objectiveId' in input) {
      if (!(await allActiveExist(trx, 'ohs_objective', actor.enterpriseId, [input.objectiveId]))) throw referenceMissing('objectiveId');
      patch = { objective_id: input.objectiveId, updated_at: now };
    } else if ('actionOwnerPersonId' in input) {
      if (!(await allActiveExist(trx, 'person', actor.enterpriseId, [input.actionOwnerPersonId]))) throw referenceMissing('actionOwnerPersonId');
      // The gap is a shortfall to correct: it becomes the one corrective-action record (CAPA), in this transaction.
      const review = await repo.findReview(trx, actor.enterpriseId, reviewId);
      const capa = await raiseCorrectiveAction(deps, trx, {
        enterpriseId: actor.enterpriseId,
        actorUserId: actor.userId,
        source: { kind: 'initial_review', id: gapId, label: `初始评审：${review?.title ?? ''}` },
        description: `${gap.text_zh}\n拟采取措施：${input.actionText}（完成期限 ${input.actionDueOn}）`,
        ownerPersonId: input.actionOwnerPersonId,
      });
      patch = { action_text: input.actionText, action_owner_person_id: input.actionOwnerPersonId, action_due_on: input.actionDueOn, action_done_at: null, capa_id: capa.id, updated_at: now };
    } else {
      if (!gap.action_due_on) throw new AppError('RECORD_WRONG_STATE', { entity: 'ohs_review_gap', reasonZh: '该差距还没有整改行动', reasonEn: 'this gap has no action yet' });
      if (gap.capa_id) {
        throw new AppError('RECORD_WRONG_STATE', {
          entity: 'ohs_review_gap',
          reasonZh: '该行动随其纠正措施完成：请在“不符合与纠正措施”中完成措施并验证有效',
          reasonEn: 'this action is done when its corrective action is verified effective (under Nonconformities and corrective actions)',
        });
      }
      patch = { action_done_at: now, updated_at: now };
    }
    await repo.updateGap(trx, actor.enterpriseId, gapId, patch);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_review_gap', entityId: gapId, action: 'follow_up', before: gap, after: patch });
    return getReview(trx, actor.enterpriseId, reviewId, locale);
  });
}
