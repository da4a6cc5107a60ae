/* Issue 18 §3: the notification fan-out leaves the request path. A write enqueues ONE outbox row
 * (kind 'notify', the NotifyInput as payload, its dedupe key) in its own transaction
 * (notifyInTransaction); this module turns each such row, exactly once, into one in-app row per
 * recipient (role members resolved now) and, when the enterprise has a robot, one webhook row.
 *
 * Who runs it, so users still see a notification at once:
 * - right after the write commits (afterCommit → kickNotifications, on setImmediate, after the
 *   response is on its way);
 * - the notifications list, for the reader's enterprise, before it reads (so the bell is never
 *   behind, whatever the timing — this is also what lets tests read right after an action);
 * - the scheduler's outbox round (deliverOutbox, every 15 s, under its lease), for anything left
 *   (a kick lost to a crash, a write from a transaction not opened by withTransaction).
 * Exactly once under any number of runners and processes: a row is claimed by an UPDATE … WHERE
 * sent_at IS NULL in the transaction that writes its fan-out (a second claimer waits for the row
 * lock and then finds it taken); the in-app and webhook rows keep their dedupe keys besides. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
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

/** One notification's rows: in-app per recipient and the webhook row, in the claiming transaction. */
async function fanOut(trx: Executor, input: NotifyInput): Promise<number> {
  const roleUsers = await repo.listUserIdsWithRoles(trx, input.enterpriseId, input.roles ?? []);
  const recipients = [...new Set([...(input.userIds ?? []).filter((u): u is string => Boolean(u)), ...roleUsers])];
  const at = input.at.toISOString();
  // No audit row of its own (issue 18: one audit row per change): the change that caused it is
  // audited, and the notification rows are the record.
  const created = await repo.insertNotificationsOnce(
    trx,
    recipients.map((userId) => ({
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
      created_at: at,
    })),
  );
  const setting = await repo.findSetting(trx, input.enterpriseId);
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
      at: input.at,
    });
  }
  return created;
}

/** Fans out every pending notification (of one enterprise, or all) once; returns the in-app rows made. */
export async function deliverNotifications(db: Kysely<Database>, at: Date, options: { enterpriseId?: string; limit?: number } = {}): Promise<number> {
  let created = 0;
  for (const { id } of await outbox.listPendingNotifyIds(db, options.limit ?? 500, options.enterpriseId)) {
    try {
      created += await withTransaction(db, async (trx) => {
        const row = await outbox.claimNotifyRow(trx, id, at.toISOString());
        if (!row) return 0; // fanned out by another runner
        const input = JSON.parse(row.payload) as Omit<NotifyInput, 'at'> & { at: string };
        return fanOut(trx, { ...input, at: new Date(input.at) });
      });
    } catch (error) {
      // Rolled back: still pending, tried again by the next runner; the error is kept on the row.
      await outbox.noteOutboxSkip(db, id, error instanceof Error ? error.message.slice(0, 1000) : String(error)).catch(() => undefined);
    }
  }
  return created;
}

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
      while (state.isWanted) {
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
