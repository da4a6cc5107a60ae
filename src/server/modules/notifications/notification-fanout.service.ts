/* Issue 18 §3: the notification fan-out leaves the request path. A write enqueues ONE outbox row
 * (kind 'notify', the NotifyInput as payload, its dedupe key) in its own transaction
 * (notifyInTransaction); this module turns each such row, exactly once, into one in-app row per
 * recipient (role members resolved now) and, when the enterprise has a robot, one webhook row.
 *
 * Who runs it, so users still see a notification at once:
 * - right after the write commits (afterCommit → kickNotifications, 100 ms later, after the response
 *   is on its way; the writes committing meanwhile, and during the run, are fanned out in the same
 *   run or the next one 100 ms later — one transaction
 *   for every pending row, so on SQLite one durable commit per run, not one per notifying write);
 * - the notifications list, for the reader's enterprise, before it reads (so the bell is never
 *   behind, whatever the timing — this is also what lets tests read right after an action);
 * - the scheduler's outbox round (deliverOutbox, every 15 s, under its lease), for anything left
 *   (a kick lost to a crash, a write from a transaction not opened by withTransaction).
 * Exactly once under any number of runners and processes: a row is claimed by an UPDATE … WHERE
 * sent_at IS NULL in the transaction that writes its fan-out (a second claimer waits for the row
 * lock and then finds it taken); the in-app and webhook rows keep their dedupe keys besides. */
import type { Kysely } from 'kysely';
import type { Database, NotificationTable } from '../../db/database.js';
import { fromDbBool } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { newId } from '../../platform/ids.js';
import { enqueueOutbox } from '../../platform/outbox/outbox-enqueue.js';
import * as outbox from '../../platform/outbox/outbox.repository.js';
import type { Locale } from '../../../i18n/locale.js';
import * as repo from './notifications.repository.js';
import { type WebhookFormat, webhookBody } from './webhook-message.js';

export type LocalizedText = Record<Locale, string>;

export interface NotifyInput {
  enterpriseId: string;
  /** Users by id, plus every member holding one of the roles (fanned out to one row per user). */
  userIds?: (string | null)[];
  roles?: readonly string[];
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  link: string;
  /** Same key → notified once (per user, and once to the webhook). */
  dedupeKey: string;
  at: Date;
}

type PendingNotify = Omit<NotifyInput, 'at'> & { at: string };

/**
 * The fan-out of claimed notify rows, in the claiming transaction: role members and the robot
 * setting read once per enterprise, every in-app row in a few multi-row inserts.
 */
async function fanOut(trx: Executor, rows: readonly { payload: string }[]): Promise<number> {
  const recipientsOf = new Map<string, Promise<string[]>>();
  const settingOf = new Map<string, ReturnType<typeof repo.findSetting>>();
  const notifications: NotificationTable[] = [];
  for (const row of rows) {
    const input = JSON.parse(row.payload) as PendingNotify;
    const roles = input.roles ?? [];
    const rolesKey = `${input.enterpriseId}|${roles.join(',')}`;
    if (!recipientsOf.has(rolesKey)) recipientsOf.set(rolesKey, repo.listUserIdsWithRoles(trx, input.enterpriseId, roles));
    const roleUsers = await (recipientsOf.get(rolesKey) as Promise<string[]>);
    const recipients = [...new Set([...(input.userIds ?? []).filter((u): u is string => Boolean(u)), ...roleUsers])];
    // No audit row of its own (issue 18: one audit row per change): the change that caused it is
    // audited, and the notification rows are the record.
    for (const userId of recipients) {
      notifications.push({
        id: newId(),
        enterprise_id: input.enterpriseId,
        user_id: userId,
        role: input.roles?.join(',') ?? null,
        kind: input.kind,
        title: JSON.stringify(input.title),
        body: JSON.stringify(input.body),
        link: input.link,
        read_at: null,
        dedupe_key: `${input.dedupeKey}:${userId}`,
        created_at: input.at,
      });
    }
    if (!settingOf.has(input.enterpriseId)) settingOf.set(input.enterpriseId, repo.findSetting(trx, input.enterpriseId));
    const setting = await settingOf.get(input.enterpriseId);
    if (setting && fromDbBool(setting.is_webhook_enabled) && setting.webhook_url) {
      await enqueueOutbox(trx, {
        enterpriseId: input.enterpriseId,
        kind: `webhook:${input.kind}`,
        payload: {
          url: setting.webhook_url,
          // Robots sit in Chinese work groups: the webhook speaks zh-CN.
          body: webhookBody(setting.webhook_format as WebhookFormat, { title: input.title['zh-CN'], body: input.body['zh-CN'], link: input.link }),
        },
        dedupeKey: `webhook:${input.dedupeKey}`,
        at: new Date(input.at),
      });
    }
  }
  let created = 0;
  // Bounded statements (SQLite's and PostgreSQL's parameter limits).
  for (let i = 0; i < notifications.length; i += insertChunk) created += await repo.insertNotificationsOnce(trx, notifications.slice(i, i + insertChunk));
  return created;
}

const insertChunk = 200;

/**
 * Fans out every pending notification (of one enterprise, or all) once; returns the in-app rows made.
 * Batched: all pending rows are claimed and fanned out in ONE transaction (on SQLite one durable
 * commit per run, not one per notifying write). Should that transaction fail (one bad row, a
 * deadlock between two runners), each row is tried again in a transaction of its own, so one row
 * never holds back the others; a row that still fails stays pending with its error noted, and is
 * tried alone (outside the batch) from then on.
 */
export async function deliverNotifications(db: Kysely<Database>, at: Date, options: { enterpriseId?: string; limit?: number } = {}): Promise<number> {
  const pending = await outbox.listPendingNotifyIds(db, options.limit ?? 500, options.enterpriseId);
  if (!pending.length) return 0;
  const claimedAt = at.toISOString();
  // A row that failed before goes alone, so it cannot make every batch fail.
  let singles = pending.filter((r) => r.last_error !== null).map((r) => r.id);
  const batch = pending.filter((r) => r.last_error === null).map((r) => r.id);
  let created = 0;
  if (batch.length) {
    try {
      created += await withTransaction(db, async (trx) => fanOut(trx, await outbox.claimNotifyRows(trx, batch, claimedAt)));
    } catch {
      // Rolled back as a whole: nothing of the batch was fanned out; one at a time now.
      singles = [...batch, ...singles];
    }
  }
  for (const id of singles) {
    try {
      created += await withTransaction(db, async (trx) => fanOut(trx, await outbox.claimNotifyRows(trx, [id], claimedAt)));
    } catch (error) {
      // Rolled back: still pending, tried again by the next runner; the error is kept on the row.
      await outbox.noteOutboxSkip(db, id, error instanceof Error ? error.message.slice(0, 1000) : String(error)).catch(() => undefined);
    }
  }
  return created;
}

/** How long a kick waits before it fans out (users see a notification this much later, at most). */
const kickGatherMs = 100;

const kicks = new WeakMap<Kysely<Database>, { isRunning: boolean; isWanted: boolean }>();

/**
 * Fans out what is pending now, outside any request; one run at a time per database, and one more
 * when asked again meanwhile (a write that committed during the run). Errors are left to the next
 * runner: a kick never throws (it may outlive a test's database).
 */
export function kickNotifications(db: Kysely<Database>): void {
  const state = kicks.get(db) ?? { isRunning: false, isWanted: false };
  kicks.set(db, state);
  state.isWanted = true;
  if (state.isRunning) return;
  state.isRunning = true;
  void (async () => {
    try {
      // A moment's wait before each run gathers the notifications of writes committing meanwhile
      // into one batch — also between runs under a steady stream of writes, which would otherwise
      // be fanned out a few rows at a time, each run paying its seven statements.
      while (state.isWanted) {
        await new Promise((resolve) => setTimeout(resolve, kickGatherMs));
        state.isWanted = false;
        await deliverNotifications(db, new Date());
      }
    } catch {
      // Left pending: the list read, the next kick or the outbox round delivers it.
    } finally {
      state.isRunning = false;
    }
  })();
}
