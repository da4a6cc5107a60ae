/* Notifications for items falling due, read from the due-item providers only (DESIGN "Due items"):
 * the owner (or, with no owner account, the safety managers) hears once when an item comes within
 * its provider's notice period, and once more when it is overdue. Idempotent by dedupe key, so
 * the hourly job may run on several nodes. */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { DueItemProvider } from '../../platform/due-items/due-items.js';
import type { ScheduledJob } from '../../platform/scheduler.js';
import { readableInstant } from '../../../domain/calendar/enterprise-day.js';
import { loadCalendar } from '../inspections/shifts.service.js';
import { notifyInTransaction } from './notifications.service.js';
import * as repo from './notifications.repository.js';

const day = 86_400_000;

export async function notifyFallingDue(deps: AppDeps, providers: readonly DueItemProvider[], enterpriseId: string, at: Date): Promise<number> {
  let sent = 0;
  let timeZone: string | null = null;
  for (const p of providers) {
    if (p.notifyDaysBefore === null) continue;
    const horizon = new Date(at.getTime() + p.notifyDaysBefore * day);
    const items = await p.listDueItems(deps, enterpriseId, { from: at, to: horizon });
    for (const item of items) {
      if (item.status === 'done' || new Date(item.dueAt) > horizon) continue;
      const isOverdue = item.status === 'overdue';
      sent += await withTransaction(deps.db, async (trx) => {
        const owner = item.ownerPersonId ? await repo.findUserIdOfPerson(trx, enterpriseId, item.ownerPersonId) : null;
        timeZone ??= (await loadCalendar(trx, enterpriseId)).timeZone;
        const date = readableInstant(item.dueAt, timeZone); // the enterprise's day, not the UTC one
        return notifyInTransaction(trx, {
          enterpriseId,
          userIds: [owner],
          roles: owner ? [] : ['safety_manager'],
          kind: isOverdue ? 'due_item_overdue' : 'due_item_near',
          title: isOverdue ? { 'zh-CN': '事项已逾期', 'en-US': 'Overdue' } : { 'zh-CN': '事项即将到期', 'en-US': 'Falling due' },
          body: { 'zh-CN': `${item.title['zh-CN']}（到期 ${date}）`, 'en-US': `${item.title['en-US']} (due ${date})` },
          link: item.link,
          dedupeKey: `${isOverdue ? 'due_overdue' : 'due_near'}:${item.sourceRef}:${item.kind}:${item.dueAt}`,
          at,
        });
      });
    }
  }
  return sent;
}

export async function notifyFallingDueForAll(deps: AppDeps, providers: readonly DueItemProvider[], at: Date): Promise<number> {
  let sent = 0;
  for (const { id } of await repo.listLiveEnterpriseIds(deps.db)) sent += await notifyFallingDue(deps, providers, id, at);
  return sent;
}

export function dueItemScheduledJobs(deps: AppDeps, providers: readonly DueItemProvider[]): ScheduledJob[] {
  return [{ name: 'due-item-notifications', everyMs: 60 * 60_000, run: () => notifyFallingDueForAll(deps, providers, deps.clock.now()) }];
}
