/* 手指口述 (issue 11 §4): a post's card drafted from its phased measures (domain/frontline/point-and-call.ts),
 * saved and edited by the managers and team leaders (each save a revision row); the first save
 * adds the post's inspection item "手指口述抽查" (through the inspections feature), under which a
 * team leader records spot checks — who performed, correct or not — insert-only. */
import { draftPointCallSteps, type PointCallStep } from '../../../domain/frontline/point-and-call.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { PointCallCardDto, PointCallCardInput, PointCallSpotCheckInput } from '../../../schemas/point-and-call.js';
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { createExtraItem } from '../inspections/inspection-lists.service.js';
import { listLiveMeasuresOfRisks, listPublishedRisksOfPost } from '../publication/publication.repository.js';
import { findEnterpriseName, findPostWithUnit, listPostWorkers } from './accident-scenarios.repository.js';

export const pointCallEditorRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader'] as const satisfies readonly EnterpriseRole[];

export interface PointCallActor {
  userId: string;
  enterpriseId: string;
  role: EnterpriseRole;
}

const spotCheckItemText = '手指口述抽查：岗位人员按手指口述卡逐项"眼看、手指、口述"，动作和用语正确';

export async function requireLivePost(db: Executor, enterpriseId: string, postId: string) {
  const post = await findPostWithUnit(db, enterpriseId, postId);
  if (!post || post.archived_at) throw notFound('post');
  return post;
}

const findCard = (db: Executor, enterpriseId: string, postId: string) =>
  db.selectFrom('point_call_card').selectAll().where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId).executeTakeFirst();

async function draftOf(db: Executor, enterpriseId: string, postId: string): Promise<PointCallStep[]> {
  const risks = await listPublishedRisksOfPost(db, enterpriseId, postId);
  const measures = await listLiveMeasuresOfRisks(db, enterpriseId, risks.map((r) => r.id));
  return draftPointCallSteps(measures.map((m) => ({ text: m.text, phase: (m.phase as 'before' | 'during' | 'after' | null) ?? null })));
}

export async function getPointCallCard(deps: AppDeps, enterpriseId: string, postId: string, db: Executor = deps.db): Promise<PointCallCardDto> {
  const post = await requireLivePost(db, enterpriseId, postId);
  const card = await findCard(db, enterpriseId, postId);
  const workers = (await listPostWorkers(db, enterpriseId, [postId])).map((w) => ({ id: w.id, name: w.name }));
  const checks = card
    ? await db
        .selectFrom('point_call_spot_check')
        .innerJoin('person', 'person.id', 'point_call_spot_check.performer_person_id')
        .leftJoin('user', 'user.id', 'point_call_spot_check.checked_by_user_id')
        .select(['point_call_spot_check.id', 'point_call_spot_check.is_correct', 'point_call_spot_check.note', 'point_call_spot_check.card_revision', 'point_call_spot_check.checked_at', 'person.id as person_id', 'person.name as person_name', 'user.display_name as checker'])
        .where('point_call_spot_check.enterprise_id', '=', enterpriseId)
        .where('point_call_spot_check.post_id', '=', postId)
        .orderBy('point_call_spot_check.checked_at', 'desc')
        .orderBy('point_call_spot_check.id', 'desc')
        .limit(100)
        .execute()
    : [];
  return {
    postId,
    postName: post.name,
    enterpriseName: (await findEnterpriseName(db, enterpriseId))?.name ?? '',
    isDraft: !card,
    revision: card?.revision ?? 0,
    steps: card ? (fromDbJson<PointCallStep[]>(card.steps) ?? []) : await draftOf(db, enterpriseId, postId),
    inspectionItemId: card?.inspection_item_id ?? null,
    workers,
    spotChecks: checks.map((c) => ({
      id: c.id,
      performer: { id: c.person_id, name: c.person_name },
      isCorrect: c.is_correct === 1,
      note: c.note,
      checkedBy: c.checker ?? '-',
      cardRevision: c.card_revision,
      checkedAt: c.checked_at,
    })),
  };
}

/** Saves the card (a new revision); the first save also adds the post's spot-check inspection item. */
export async function savePointCallCard(deps: AppDeps, actor: PointCallActor, postId: string, input: PointCallCardInput): Promise<PointCallCardDto> {
  const now = deps.clock.now();
  const at = now.toISOString();
  await withTransaction(deps.db, async (trx) => {
    await requireLivePost(trx, actor.enterpriseId, postId);
    const card = await findCard(trx, actor.enterpriseId, postId);
    const current = card?.revision ?? 0;
    if (input.revision !== current) throw new AppError('CONFLICT', { detail: `revision：此卡已被他人保存为第 ${current} 版，请刷新后再改 / saved by someone else as revision ${current}; reload first` });
    const steps = JSON.stringify(input.steps);
    let cardId = card?.id;
    if (!card) {
      const item = await createExtraItem(deps, actor, { postId, measureId: null, content: spotCheckItemText, method: 'look', period: 'week', responsiblePersonId: null, responsibleIsPostHolders: false, supervisorPostId: null }, trx);
      cardId = newId();
      await trx.insertInto('point_call_card').values({ id: cardId, enterprise_id: actor.enterpriseId, post_id: postId, steps, revision: 1, inspection_item_id: item.id, created_at: at, updated_at: at }).execute();
    } else {
      const r = await trx
        .updateTable('point_call_card')
        .set({ steps, revision: current + 1, updated_at: at })
        .where('id', '=', card.id)
        .where('revision', '=', current)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { detail: 'revision' });
    }
    await trx.insertInto('point_call_card_revision').values({ id: newId(), enterprise_id: actor.enterpriseId, card_id: cardId as string, revision: current + 1, steps, edited_by_user_id: actor.userId, edited_at: at }).execute();
    await recordChange(trx, actor, now, { entity: 'point_call_card', entityId: cardId as string, action: card ? 'update' : 'create', before: card ? fromDbJson(card.steps) : null, after: input.steps });
  });
  return getPointCallCard(deps, actor.enterpriseId, postId);
}

/** A team leader's spot check: who performed the card, correct or not (insert-only). */
export async function recordSpotCheck(deps: AppDeps, actor: PointCallActor, postId: string, input: PointCallSpotCheckInput): Promise<PointCallCardDto> {
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    await requireLivePost(trx, actor.enterpriseId, postId);
    const card = await findCard(trx, actor.enterpriseId, postId);
    if (!card) throw new AppError('CONFLICT', { detail: '本岗位还没有保存手指口述卡，请先保存 / save the post card first' });
    const onPost = (await listPostWorkers(trx, actor.enterpriseId, [postId])).some((w) => w.id === input.performerPersonId);
    if (!onPost) throw fieldError('performerPersonId', { 'zh-CN': '此人不是本岗位人员', 'en-US': 'This person does not work on this post' });
    const me = await trx.selectFrom('membership').select('person_id').where('enterprise_id', '=', actor.enterpriseId).where('user_id', '=', actor.userId).executeTakeFirst();
    const id = newId();
    await trx
      .insertInto('point_call_spot_check')
      .values({
        id,
        enterprise_id: actor.enterpriseId,
        card_id: card.id,
        post_id: postId,
        inspection_item_id: card.inspection_item_id,
        card_revision: card.revision,
        performer_person_id: input.performerPersonId,
        is_correct: input.isCorrect ? 1 : 0,
        note: input.note,
        checked_by_user_id: actor.userId,
        checked_by_person_id: me?.person_id ?? null,
        client_id: input.clientId ?? null,
        checked_at: now.toISOString(),
      })
      .execute();
    await recordChange(trx, actor, now, { entity: 'point_call_spot_check', entityId: id, action: 'create', after: { postId, ...input } });
  });
  return getPointCallCard(deps, actor.enterpriseId, postId);
}
