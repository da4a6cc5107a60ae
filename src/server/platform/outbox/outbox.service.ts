import type { AppDeps } from '../../app-deps.js';
import { isPrivateTarget } from './webhook-target.js';
import { withTransaction } from '../../db/with-transaction.js';
import { recordChange } from '../../modules/audit/audit.service.js';
import { deliverNotifications } from '../../modules/notifications/notification-fanout.service.js';
import type { OutboxPayload } from './outbox-enqueue.js';
import * as repo from './outbox.repository.js';

export { enqueueOutbox, type OutboxPayload } from './outbox-enqueue.js';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

/** 1, 2, 4, … minutes after each failure, at most six hours apart; never given up (never lost). */
export function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360);
}

/** WeCom and DingTalk robots answer 200 with { errcode: 0 } on success and a non-zero errcode otherwise. */
function robotError(status: number, ok: boolean, text: string): string | null {
  if (!ok) return `HTTP ${status}: ${text.slice(0, 200)}`;
  try {
    const body = JSON.parse(text) as { errcode?: number; errmsg?: string };
    if (typeof body.errcode === 'number' && body.errcode !== 0) return `errcode ${body.errcode}: ${body.errmsg ?? ''}`;
  } catch {
    // Not JSON: a 2xx is success.
  }
  return null;
}

/**
 * Fans out pending notifications (kind 'notify'), then sends every due webhook row once. Each row is claimed by setting sent_at in a transaction that also does
 * the POST: success commits the claim; failure puts the row back with a later next_attempt_at; a crash
 * rolls the claim back, so the row is retried (never lost). Two deliverers never both send a row:
 * the claim is an UPDATE … WHERE sent_at IS NULL. Cost: on SQLite the POST runs inside the write
 * transaction, bounded by `timeoutMs`.
 */
export async function deliverOutbox(
  deps: AppDeps,
  fetchImpl: FetchLike,
  at: Date,
  options: { limit?: number; timeoutMs?: number } = {},
): Promise<{ sent: number; failed: number }> {
  // Notifications first: their fan-out may add webhook rows, sent in this same round.
  await deliverNotifications(deps.db, at);
  const now = at.toISOString();
  const due = await repo.listDueOutboxIds(deps.db, now, options.limit ?? 100);
  let sent = 0;
  let failed = 0;
  for (const { id } of due) {
    const outcome = await withTransaction(deps.db, async (trx) => {
      const row = await repo.claimOutboxRow(trx, id, now);
      if (!row) return 'taken' as const;
      const payload = JSON.parse(row.payload) as OutboxPayload;
      let error: string | null;
      try {
        // Checked again at delivery: a name may resolve to a private address after it was saved.
        if (!deps.config.isWebhookPrivateAllowed && (await isPrivateTarget(payload.url))) throw new Error('refused: the URL reaches a loopback or private address');
        const res = await fetchImpl(payload.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload.body),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
        error = robotError(res.status, res.ok, await res.text());
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      if (error) {
        const next = new Date(at.getTime() + backoffMinutes(row.attempts) * 60_000).toISOString();
        await repo.releaseOutboxRow(trx, id, next, error);
        return 'failed' as const;
      }
      await recordChange(trx, { userId: null, enterpriseId: row.enterprise_id }, at, { entity: 'outbox', entityId: id, action: 'sent', after: { kind: row.kind, attempts: row.attempts } });
      return 'sent' as const;
    });
    if (outcome === 'sent') sent++;
    if (outcome === 'failed') failed++;
  }
  return { sent, failed };
}
