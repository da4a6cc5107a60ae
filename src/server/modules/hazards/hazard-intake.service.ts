import type { AppDeps } from '../../app-deps.js';
import { insertAtCommit } from '../../db/at-commit.js';
import type { Executor } from '../../db/with-transaction.js';
import { AppError } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { notifyAtCommit } from '../notifications/notifications.service.js';
import { findPost } from '../org/posts.service.js';
import { flagRiskForReview } from '../risks/risks.service.js';
import * as repo from './hazards.repository.js';

/** How old a photo sent through the public page may be when an anonymous report names it. */
export const anonymousPhotoMaxAgeMs = 60 * 60_000;

export interface HazardIntakeInput {
  source: 'inspection' | 'adhoc' | 'anonymous';
  recordId?: string | null;
  itemId?: string | null;
  postId?: string | null;
  areaId?: string | null;
  measureId?: string | null;
  description: string;
  photoIds?: string[];
  reporterName?: string | null;
  clientId: string;
}

/**
 * Creates a reported hazard in the caller's transaction: from a failed inspection item (the
 * inspections feature calls this), an ad-hoc "see it, report it", or an anonymous report.
 * - Idempotent on clientId (DATA-MODEL invariant 5): a replay returns the first hazard, isNew false,
 *   and repeats no side effect; two at once are settled by the unique key (insert … on conflict).
 * - A hazard on a control measure flags that measure's risk for review in this same transaction
 *   (invariant 8), with the hazard as reason.
 * - Safety managers and principals are told there is a hazard to confirm.
 */
export async function createHazardInTransaction(
  deps: AppDeps,
  trx: Executor,
  actor: { userId: string | null; enterpriseId: string; personId?: string | null },
  input: HazardIntakeInput,
): Promise<{ hazardId: string; isNew: boolean }> {
  const { enterpriseId } = actor;
  // No read of the clientId first (issue 18: no avoidable reads in the write): the insert below is
  // idempotent on it. A replay whose references no longer hold is still answered with its hazard.
  let checked: Awaited<ReturnType<typeof checkIntake>>;
  try {
    checked = await checkIntake(deps, trx, enterpriseId, input);
  } catch (error) {
    const known = error instanceof AppError ? await repo.findHazardByClientId(trx, input.clientId) : undefined;
    if (known) return replayOf(known, enterpriseId);
    throw error;
  }
  const { postId, areaId, measureId, itemId, riskId, photoIds, description } = checked;

  // The reporter's person comes with the session (AuthContext.personId); looked up only when it did not.
  const reporterPersonId =
    actor.personId !== undefined ? actor.personId : actor.userId ? ((await repo.findActorPerson(trx, enterpriseId, actor.userId))?.person_id ?? null) : null;
  const now = deps.clock.now();
  const at = now.toISOString();
  const hazardId = newId();
  const row = {
    id: hazardId,
    enterprise_id: enterpriseId,
    source: input.source,
    record_id: input.recordId ?? null,
    item_id: itemId,
    post_id: postId,
    area_id: areaId,
    measure_id: measureId,
    grade: null,
    criterion_id: null,
    criterion_other_reason: null,
    description,
    photo_ids: JSON.stringify(photoIds),
    status: 'reported',
    reporter_user_id: input.source === 'anonymous' ? null : actor.userId,
    reporter_person_id: input.source === 'anonymous' ? null : reporterPersonId,
    reporter_name: input.reporterName?.trim() || null,
    rectifier_user_id: null,
    deadline: null,
    escalation_tier: null,
    overdue_at: null,
    is_published: 0,
    client_id: input.clientId,
    created_at: at,
    updated_at: at,
    closed_at: null,
  };
  const isNew = await repo.insertHazardOnce(trx, row);
  if (!isNew) {
    // Lost the race to a concurrent replay: its row is committed now (the unique key waited for it).
    const winner = await repo.findHazardByClientId(trx, input.clientId);
    if (!winner) throw new AppError('CONFLICT', { detail: 'clientId' });
    return replayOf(winner, enterpriseId);
  }
  // The event, audit and outbox rows go in at commit as one statement on PostgreSQL (at-commit.ts).
  await insertAtCommit(trx, 'hazard_event', {
    id: newId(),
    enterprise_id: enterpriseId,
    hazard_id: hazardId,
    action: 'report',
    from_status: null,
    to_status: 'reported',
    actor_user_id: row.reporter_user_id,
    at,
    data: JSON.stringify({ source: input.source, recordId: row.record_id, itemId, clientId: input.clientId }),
  });
  await recordChange(trx, { userId: row.reporter_user_id, enterpriseId }, now, { entity: 'hazard', entityId: hazardId, action: 'report', after: row });
  if (riskId) {
    await flagRiskForReview(trx, enterpriseId, riskId, `隐患：${description.slice(0, 200)}（hazard ${hazardId}）`, now);
  }
  await notifyAtCommit(trx, {
    enterpriseId,
    roles: ['safety_manager', 'principal'],
    kind: 'hazard_to_confirm',
    title: { 'zh-CN': '新隐患待确认', 'en-US': 'New hazard to confirm' },
    body: { 'zh-CN': description.slice(0, 200), 'en-US': description.slice(0, 200) },
    link: `/hazards/${hazardId}`,
    dedupeKey: `hazard_to_confirm:${hazardId}`,
    at: now,
  });
  return { hazardId, isNew: true };
}

/** The references and text of a new hazard, checked against the enterprise (4xx naming the field). */
async function checkIntake(deps: AppDeps, trx: Executor, enterpriseId: string, input: HazardIntakeInput) {

  const postId = input.postId ?? null;
  const areaId = input.areaId ?? null;
  const measureId = input.measureId ?? null;
  const itemId = input.itemId ?? null;
  if (postId && !(await findPost(trx, enterpriseId, postId))) throw referenceMissing('postId');
  if (areaId && !(await repo.placeExists(trx, enterpriseId, 'area', areaId))) throw referenceMissing('areaId');
  if (itemId && !(await repo.placeExists(trx, enterpriseId, 'inspection_item', itemId))) throw referenceMissing('itemId');
  const riskId = measureId ? await repo.findRiskIdOfMeasure(trx, enterpriseId, measureId) : null;
  if (measureId && !riskId) throw referenceMissing('measureId');
  const photoIds = [...new Set(input.photoIds ?? [])];
  if (photoIds.length && input.source === 'anonymous') {
    // Without an account one may only name photos sent through the public page, to this enterprise,
    // within the hour — never a member's evidence photo whose id leaked.
    const since = new Date(deps.clock.now().getTime() - anonymousPhotoMaxAgeMs).toISOString();
    if ((await repo.countAnonymousAttachments(trx, enterpriseId, photoIds, since)) !== photoIds.length) throw referenceMissing('photoIds');
  } else if (photoIds.length && (await repo.hasAttachmentTable(trx, deps.dialect))) {
    if ((await repo.countAttachments(trx, enterpriseId, photoIds)) !== photoIds.length) throw referenceMissing('photoIds');
  }
  const description = input.description.trim();
  if (!description) throw fieldError('description', { 'zh-CN': '请简单描述隐患', 'en-US': 'Describe the hazard in a few words' });
  return { postId, areaId, measureId, itemId, riskId, photoIds, description };
}

function replayOf(known: { id: string; enterprise_id: string }, enterpriseId: string): { hazardId: string; isNew: boolean } {
  // A client id is global: the same id from another enterprise is a conflict, never a link to its hazard.
  if (known.enterprise_id !== enterpriseId) throw new AppError('CONFLICT', { detail: 'clientId' });
  return { hazardId: known.id, isNew: false };
}
