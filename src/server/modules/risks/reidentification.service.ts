/* Periodic re-identification per post (issue 9 §10; seed 001 第十条, seed 000 "定期"): the
 * enterprise's period (risk_setting, default 12 months — not from the seeds), each recorded
 * re-identification (insert-only: who, when, note), the post's due day, and the due-item provider
 * ('risk.reidentification', notified 14 days ahead). */
import type { Locale } from '../../../i18n/locale.js';
import { endOfLocalDay, localDay } from '../../../domain/calendar/enterprise-day.js';
import {
  defaultReidentificationMonths,
  reidentificationBaseline,
  reidentificationDueOn,
  reidentificationStatus,
} from '../../../domain/risk/reidentification.js';
import type { PostReidentificationDto, ReidentificationInput, RiskSettingsDto } from '../../../schemas/reidentification.js';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import { notFound } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { findEnterpriseTimeZone } from '../../platform/sign-off/sign-off.repository.js';
import { recordChange } from '../audit/audit.service.js';

interface Actor {
  userId: string;
  enterpriseId: string;
}

export async function getRiskSettings(db: Executor, enterpriseId: string): Promise<RiskSettingsDto & { isDefault: boolean }> {
  const row = await db.selectFrom('risk_setting').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();
  return row ? { reidentificationMonths: Number(row.reidentification_months), isDefault: false } : { reidentificationMonths: defaultReidentificationMonths, isDefault: true };
}

export async function putRiskSettings(deps: AppDeps, actor: Actor, input: RiskSettingsDto) {
  return withTransaction(deps.db, async (trx) => {
    const before = await getRiskSettings(trx, actor.enterpriseId);
    const at = deps.clock.now();
    const row = { enterprise_id: actor.enterpriseId, reidentification_months: input.reidentificationMonths, updated_at: at.toISOString() };
    await trx
      .insertInto('risk_setting')
      .values(row)
      .onConflict((oc) => oc.column('enterprise_id').doUpdateSet({ reidentification_months: row.reidentification_months, updated_at: row.updated_at }))
      .execute();
    await recordChange(trx, actor, at, { entity: 'risk_setting', entityId: actor.enterpriseId, action: 'update', before, after: input });
    return { ...input, isDefault: false };
  });
}

interface PostCycle {
  postId: string;
  postName: string;
  firstIdentifiedAt: string | null;
  lastDoneOn: string | null;
}

/** Live posts with their first accepted identification and last recorded re-identification. */
async function listPostCycles(db: Executor, enterpriseId: string, postId?: string): Promise<PostCycle[]> {
  let q = db
    .selectFrom('post')
    .select((eb) => [
      'post.id',
      'post.name',
      eb
        .selectFrom('risk')
        .select((r) => r.fn.min('risk.identified_at').as('m'))
        .whereRef('risk.post_id', '=', 'post.id')
        .where('risk.enterprise_id', '=', enterpriseId)
        .where('risk.status', '=', 'accepted')
        .where('risk.archived_at', 'is', null)
        .as('first_identified_at'),
      eb
        .selectFrom('post_reidentification')
        .select((r) => r.fn.max('post_reidentification.done_on').as('m'))
        .whereRef('post_reidentification.post_id', '=', 'post.id')
        .where('post_reidentification.enterprise_id', '=', enterpriseId)
        .as('last_done_on'),
    ])
    .where('post.enterprise_id', '=', enterpriseId)
    .where('post.archived_at', 'is', null);
  if (postId) q = q.where('post.id', '=', postId);
  const rows = await q.orderBy('post.name').execute();
  return rows.map((r) => ({
    postId: r.id,
    postName: r.name,
    firstIdentifiedAt: (r.first_identified_at as string | null) ?? null,
    lastDoneOn: (r.last_done_on as string | null) ?? null,
  }));
}

function dueOf(c: PostCycle, months: number, timeZone: string) {
  const firstIdentifiedOn = c.firstIdentifiedAt ? localDay(c.firstIdentifiedAt, timeZone) : null;
  // A post with no accepted risk has nothing to re-identify (the onboarding lists it as not identified).
  const dueOn = firstIdentifiedOn ? reidentificationDueOn(reidentificationBaseline(c.lastDoneOn, firstIdentifiedOn), months) : null;
  return { firstIdentifiedOn, dueOn };
}

export async function getPostReidentification(deps: AppDeps, enterpriseId: string, postId: string): Promise<PostReidentificationDto> {
  const [cycle] = await listPostCycles(deps.db, enterpriseId, postId);
  if (!cycle) throw notFound('post');
  const [settings, timeZone] = await Promise.all([getRiskSettings(deps.db, enterpriseId), findEnterpriseTimeZone(deps.db, enterpriseId)]);
  const { firstIdentifiedOn, dueOn } = dueOf(cycle, settings.reidentificationMonths, timeZone);
  const records = await deps.db
    .selectFrom('post_reidentification')
    .innerJoin('person', 'person.id', 'post_reidentification.done_by_person_id')
    .select(['post_reidentification.id', 'done_on', 'done_by_person_id', 'person.name', 'note', 'post_reidentification.created_at'])
    .where('post_reidentification.enterprise_id', '=', enterpriseId)
    .where('post_reidentification.post_id', '=', postId)
    .orderBy('done_on', 'desc')
    .orderBy('post_reidentification.created_at', 'desc')
    .execute();
  return {
    postId,
    months: settings.reidentificationMonths,
    monthsIsDefault: settings.isDefault,
    firstIdentifiedOn,
    lastDoneOn: cycle.lastDoneOn,
    dueOn,
    status: reidentificationStatus(dueOn, localDay(deps.clock.now(), timeZone)),
    records: records.map((r) => ({ id: r.id, doneOn: r.done_on, doneByPersonId: r.done_by_person_id, doneByName: r.name, note: r.note, createdAt: r.created_at })),
  };
}

export async function recordReidentification(deps: AppDeps, actor: Actor, postId: string, input: ReidentificationInput): Promise<PostReidentificationDto> {
  await withTransaction(deps.db, async (trx) => {
    const post = await trx.selectFrom('post').select(['id', 'archived_at']).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', postId).executeTakeFirst();
    if (!post || post.archived_at) throw notFound('post');
    const person = await trx.selectFrom('person').select('id').where('enterprise_id', '=', actor.enterpriseId).where('id', '=', input.doneByPersonId).executeTakeFirst();
    if (!person) throw referenceMissing('doneByPersonId');
    const at = deps.clock.now();
    if (input.doneOn > localDay(at, await findEnterpriseTimeZone(trx, actor.enterpriseId))) {
      throw fieldError('doneOn', { 'zh-CN': '辨识日期不能晚于今天', 'en-US': 'The date (doneOn) cannot be after today' });
    }
    const id = newId();
    await trx
      .insertInto('post_reidentification')
      .values({ id, enterprise_id: actor.enterpriseId, post_id: postId, done_on: input.doneOn, done_by_person_id: input.doneByPersonId, note: input.note, recorded_by_user_id: actor.userId, created_at: at.toISOString() })
      .execute();
    await recordChange(trx, actor, at, { entity: 'post_reidentification', entityId: id, action: 'create', after: { postId, ...input } });
  });
  return getPostReidentification(deps, actor.enterpriseId, postId);
}

const title = (postName: string): Record<Locale, string> => ({ 'zh-CN': `岗位风险定期辨识：${postName}`, 'en-US': `Periodic risk re-identification: ${postName}` });

/** Each identified post's next re-identification (due or overdue; a recorded one moves the day on). */
export const reidentificationDueItemProvider: DueItemProvider = {
  feature: 'risk',
  notifyDaysBefore: 14,
  async listDueItems(deps, enterpriseId, window): Promise<DueItem[]> {
    const [cycles, settings, timeZone] = await Promise.all([
      listPostCycles(deps.db, enterpriseId),
      getRiskSettings(deps.db, enterpriseId),
      findEnterpriseTimeZone(deps.db, enterpriseId),
    ]);
    const now = deps.clock.now();
    const items: DueItem[] = [];
    for (const c of cycles) {
      const { dueOn } = dueOf(c, settings.reidentificationMonths, timeZone);
      if (!dueOn) continue;
      const dueAt = endOfLocalDay(dueOn, timeZone);
      if (new Date(dueAt) > window.to) continue;
      items.push({
        kind: 'risk.reidentification',
        title: title(c.postName),
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: null,
        link: `/posts/${c.postId}`,
        sourceRef: `post_reidentification:${c.postId}:${dueOn}`,
      });
    }
    return items;
  },
};
