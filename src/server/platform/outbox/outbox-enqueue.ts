import { insertAtCommit } from '../../db/at-commit.js';
import type { OutboxTable } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';
import { newId } from '../ids.js';
import * as repo from './outbox.repository.js';

/** What a webhook outbox row carries: an HTTP POST of a JSON body (robot webhooks). */
export interface OutboxPayload {
  url: string;
  body: unknown;
}

/**
 * Written in the transaction that caused the message: it exists exactly when that change does.
 * `kind` 'notify' carries a NotifyInput (fanned out by modules/notifications/notification-fanout.service.ts);
 * every other kind is a webhook POST (OutboxPayload).
 */
export async function enqueueOutbox(trx: Executor, entry: OutboxEntry): Promise<boolean> {
  return repo.insertOutboxOnce(trx, outboxRow(entry));
}

/** Like enqueueOutbox, inserted when the transaction commits with its other queued rows (at-commit.ts); a duplicate dedupe key is ignored. */
export async function enqueueOutboxAtCommit(trx: Executor, entry: OutboxEntry): Promise<void> {
  await insertAtCommit(trx, 'outbox', outboxRow(entry), { ignoreConflictOn: 'dedupe_key' });
}

interface OutboxEntry {
  enterpriseId: string;
  kind: string;
  payload: OutboxPayload | Record<string, unknown>;
  dedupeKey: string;
  at: Date;
}

function outboxRow(entry: OutboxEntry): OutboxTable {
  const at = entry.at.toISOString();
  return {
    id: newId(),
    enterprise_id: entry.enterpriseId,
    kind: entry.kind,
    payload: JSON.stringify(entry.payload),
    dedupe_key: entry.dedupeKey,
    attempts: 0,
    next_attempt_at: at,
    claimed_until: null,
    sent_at: null,
    last_error: null,
    created_at: at,
  };
}
