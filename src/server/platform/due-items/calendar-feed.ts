/* One calendar of what is due (issue 15 §6): a person's secret .ics feed (RFC 5545, written by
 * ical-generator) of the due items they own — and, for the principal and the safety manager, the
 * enterprise's items that name no owner. The URL carries a random token stored only as its hash;
 * making a new one revokes the old, and it can be revoked outright. Reads the providers only. */
import { randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { AppDeps } from '../../app-deps.js';
import { localDay, readableInstant } from '../../../domain/calendar/enterprise-day.js';
import { findPersonAndPostsOfMember } from '../../modules/auth/auth.service.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { sessionIdOf } from '../auth/session-token.js';
import { newId } from '../ids.js';
import { findEnterpriseTimeZone } from '../sign-off/sign-off.repository.js';
import { collectDueItems, type DueItem, type DueItemProvider } from './due-items.js';

const day = 86_400_000;
/** Roles that also get the enterprise's unowned items (plan reviews, re-identification, 16号令 statistics…). */
const enterpriseWideRoles = new Set(['principal', 'safety_manager']);
const statusText = { due: '待办', overdue: '已逾期', done: '已完成' } as const;

export interface FeedOwner {
  userId: string;
  enterpriseId: string;
}

export async function getCalendarFeedState(deps: AppDeps, owner: FeedOwner): Promise<{ isActive: boolean; createdAt: string | null }> {
  const row = await deps.db
    .selectFrom('calendar_feed')
    .select('created_at')
    .where('enterprise_id', '=', owner.enterpriseId)
    .where('user_id', '=', owner.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return { isActive: Boolean(row), createdAt: row?.created_at ?? null };
}

async function revokeAll(db: Executor, owner: FeedOwner, at: string) {
  await db.updateTable('calendar_feed').set({ revoked_at: at }).where('enterprise_id', '=', owner.enterpriseId).where('user_id', '=', owner.userId).where('revoked_at', 'is', null).execute();
}

/** A new secret path (shown once); any earlier one stops working. */
export async function createCalendarFeed(deps: AppDeps, owner: FeedOwner): Promise<{ path: string; createdAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const at = deps.clock.now().toISOString();
  await withTransaction(deps.db, async (trx) => {
    await revokeAll(trx, owner, at);
    await trx.insertInto('calendar_feed').values({ id: newId(), enterprise_id: owner.enterpriseId, user_id: owner.userId, token_hash: sessionIdOf(token), created_at: at, revoked_at: null }).execute();
  });
  return { path: `/api/v1/calendar-feeds/${token}.ics`, createdAt: at };
}

export async function revokeCalendarFeed(deps: AppDeps, owner: FeedOwner): Promise<void> {
  await withTransaction(deps.db, (trx) => revokeAll(trx, owner, deps.clock.now().toISOString()));
}

/** The feed's owner and role for a token, or null (unknown, revoked, or no longer a member). */
async function resolveFeed(deps: AppDeps, token: string) {
  return deps.db
    .selectFrom('calendar_feed')
    .innerJoin('membership', (j) => j.onRef('membership.user_id', '=', 'calendar_feed.user_id').onRef('membership.enterprise_id', '=', 'calendar_feed.enterprise_id'))
    .innerJoin('enterprise', 'enterprise.id', 'calendar_feed.enterprise_id')
    .select(['calendar_feed.user_id', 'calendar_feed.enterprise_id', 'membership.role', 'enterprise.name as enterprise_name'])
    .where('calendar_feed.token_hash', '=', sessionIdOf(token))
    .where('calendar_feed.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** The items a feed shows: the person's own, plus unowned ones for the principal and the safety manager. */
export function itemsOfFeed(items: readonly DueItem[], personId: string | null, role: string): DueItem[] {
  return items.filter((i) => (personId !== null && i.ownerPersonId === personId) || (i.ownerPersonId === null && enterpriseWideRoles.has(role)));
}

/** The .ics text for a token, or null when the token does not open a feed. */
export async function calendarFeedText(deps: AppDeps, providers: readonly DueItemProvider[], token: string): Promise<string | null> {
  const feed = await resolveFeed(deps, token);
  if (!feed) return null;
  const now = deps.clock.now();
  const [held, timeZone] = await Promise.all([findPersonAndPostsOfMember(deps, feed.user_id, feed.enterprise_id), findEnterpriseTimeZone(deps.db, feed.enterprise_id)]);
  const { items } = await collectDueItems(deps, providers, feed.enterprise_id, { from: new Date(now.getTime() - 30 * day), to: new Date(now.getTime() + 366 * day) }, { limit: 2000 });
  const calendar = ical({ name: `双控待办 · ${feed.enterprise_name}`, prodId: { company: 'shuangkong', product: 'due-items', language: 'ZH' }, method: ICalCalendarMethod.PUBLISH, ttl: 3600 });
  for (const item of itemsOfFeed(items, held.personId, feed.role)) {
    const on = localDay(item.dueAt, timeZone);
    const start = new Date(`${on}T00:00:00.000Z`); // all-day: ical-generator writes the UTC date of a DATE value
    const title = item.title['zh-CN'];
    calendar.createEvent({
      id: `${item.sourceRef}@shuangkong`,
      start,
      end: new Date(start.getTime() + day),
      allDay: true,
      stamp: now,
      summary: item.status === 'due' ? title : `【${statusText[item.status]}】${title}`,
      description: `${statusText[item.status]} · 到期 ${readableInstant(item.dueAt, timeZone)}\n${item.link}`,
      status: ICalEventStatus.CONFIRMED,
      categories: [{ name: item.kind }],
    });
  }
  return calendar.toString();
}
