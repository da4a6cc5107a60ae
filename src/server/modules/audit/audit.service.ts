import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../../db/database.js';
import { fromDbJson } from '../../db/codecs.js';
import type { Executor } from '../../db/with-transaction.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import type { AuditEntryDto } from '../../../schemas/org.js';
import { type AuditEntry, auditRowOf, insertAuditEntry, lastAuditAt, listActiveEnterprisesSince, listAuditEntries } from './audit.repository.js';

export interface Actor {
  userId: string | null;
  enterpriseId: string | null;
}

/** Every write calls this inside its transaction, so the change and its audit row land together. */
type Change = { entity: string; entityId: string; action: string; before?: unknown; after?: unknown };

export async function recordChange(trx: Executor, actor: Actor, at: Date, change: Change): Promise<void> {
  await insertAuditEntry(trx, entryOf(actor, at, change));
}

/** recordChange's row, for a write that inserts it in the same statement as its own rows (one round trip less on PostgreSQL). */
export function changeRowOf(actor: Actor, at: Date, change: Change): AuditLogTable {
  return auditRowOf(entryOf(actor, at, change));
}

function entryOf(actor: Actor, at: Date, change: Change): AuditEntry {
  return {
    enterpriseId: actor.enterpriseId,
    actorUserId: actor.userId,
    at: at.toISOString(),
    entity: change.entity,
    entityId: change.entityId,
    action: change.action,
    before: change.before ?? null,
    after: change.after ?? null,
  };
}

export async function listAudit(
  db: Kysely<Database>,
  enterpriseId: string,
  query: { cursor?: string; limit: number; entity?: string; entityId?: string; actorUserId?: string; action?: string; from?: string; to?: string },
) {
  const rows = await listAuditEntries(db, enterpriseId, { ...query, after: decodeCursor(query.cursor), limit: query.limit + 1 });
  return toPage(
    rows,
    query.limit,
    (r) => ({ at: r.at, id: r.id }),
    (r): AuditEntryDto => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: fromDbJson(r.before),
      after: fromDbJson(r.after),
    }),
  );
}

/** DESIGN "Indicators": the enterprises that wrote anything after `since`, with their latest write (the county view's refresh). */
export async function enterprisesActiveSince(db: Executor, since: Date): Promise<{ enterpriseId: string; lastAt: string }[]> {
  const rows = await listActiveEnterprisesSince(db, since.toISOString());
  return rows.map((r) => ({ enterpriseId: r.enterprise_id as string, lastAt: String(r.last_at) }));
}

/** The enterprise's last activity: its latest audit row (every write adds one). */
export function lastActivityOf(db: Executor, enterpriseId: string): Promise<string | null> {
  return lastAuditAt(db, enterpriseId);
}
