import { insertAtCommit } from '../../db/at-commit.js';
import { afterKey } from '../../db/keyset.js';
import type { Executor } from '../../db/with-transaction.js';
import { toDbJson } from '../../db/codecs.js';
import { newId } from '../../platform/ids.js';
import type { AuditLogTable } from '../../db/database.js';

export interface AuditEntry {
  enterpriseId: string | null;
  actorUserId: string | null;
  at: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * Insert-only: the application never updates or deletes an audit row (DATA-MODEL invariant 6).
 * Inserted with the transaction's other queued rows when it commits (at-commit.ts).
 */
export async function insertAuditEntry(db: Executor, entry: AuditEntry): Promise<void> {
  await insertAtCommit(db, 'audit_log', auditRowOf(entry));
}

/** The row of an audit entry (for a write that inserts it in its own statement, see inspection records). */
export function auditRowOf(entry: AuditEntry): AuditLogTable {
  return {
    id: newId(),
    enterprise_id: entry.enterpriseId,
    actor_user_id: entry.actorUserId,
    at: entry.at,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    before: toDbJson(entry.before),
    after: toDbJson(entry.after),
  };
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  from?: string;
  to?: string;
  after?: { at: string; id: string };
  limit: number;
}

export async function listAuditEntries(
  db: Executor,
  enterpriseId: string,
  filter: AuditFilter,
): Promise<(AuditLogTable & { actor_name: string | null })[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('user', 'user.id', 'audit_log.actor_user_id')
    .selectAll('audit_log')
    .select('user.display_name as actor_name')
    .where('audit_log.enterprise_id', '=', enterpriseId);
  if (filter.entity) query = query.where('audit_log.entity', '=', filter.entity);
  if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.actorUserId) query = query.where('audit_log.actor_user_id', '=', filter.actorUserId);
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
  // A cursor before `to` already bounds the range (see listHazardRows).
  if (filter.to && !(filter.after && filter.after.at < filter.to)) query = query.where('audit_log.at', '<', filter.to);
  const after = filter.after;
  if (after) {
    // Newest first: keyset on (at, id) descending.
    query = query.where(afterKey('audit_log.at', 'audit_log.id', after, 'desc'));
  }
  return query.orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
}

/** The latest audit row per enterprise written after `since` (the county view's refresh finds the enterprises that changed). */
export function listActiveEnterprisesSince(db: Executor, since: string) {
  return db
    .selectFrom('audit_log')
    .select(['enterprise_id', (eb) => eb.fn.max('at').as('last_at')])
    .where('at', '>', since)
    .where('enterprise_id', 'is not', null)
    .groupBy('enterprise_id')
    .execute();
}

export async function lastAuditAt(db: Executor, enterpriseId: string): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max('at').as('last_at')).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
  return (row?.last_at as string | null | undefined) ?? null;
}
