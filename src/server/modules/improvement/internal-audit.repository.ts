/* The only Kysely user for internal audits (internal_audit, audit_finding). */
import type { Executor } from '../../db/with-transaction.js';
import type { AuditFindingTable, InternalAuditTable } from '../../db/tables/improvement-tables.js';

export async function insertAudit(db: Executor, row: InternalAuditTable): Promise<void> {
  await db.insertInto('internal_audit').values(row).execute();
}

export function findAudit(db: Executor, enterpriseId: string, id: string): Promise<InternalAuditTable | undefined> {
  return db.selectFrom('internal_audit').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

/** Not cursor-paged, bounded by nature: an enterprise holds one audit programme a year and a few audits in it (issue 18). */
export function listAudits(db: Executor, enterpriseId: string, f: { year?: number; since?: string; until?: string } = {}): Promise<InternalAuditTable[]> {
  let q = db.selectFrom('internal_audit').selectAll().where('enterprise_id', '=', enterpriseId);
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.since) q = q.where('planned_on', '>=', f.since);
  if (f.until) q = q.where('planned_on', '<=', f.until);
  return q.orderBy('planned_on', 'desc').orderBy('id', 'desc').execute();
}

export async function updateAuditIfPlanned(db: Executor, enterpriseId: string, id: string, patch: Partial<InternalAuditTable>): Promise<boolean> {
  const r = await db.updateTable('internal_audit').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'planned').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertFinding(db: Executor, row: AuditFindingTable): Promise<void> {
  await db.insertInto('audit_finding').values(row).execute();
}

export function listFindings(db: Executor, enterpriseId: string, auditIds: string[]) {
  if (!auditIds.length) return Promise.resolve([]);
  return db
    .selectFrom('audit_finding')
    .leftJoin('user', 'user.id', 'audit_finding.recorded_by_user_id')
    .selectAll('audit_finding')
    .select('user.display_name as recorded_by_name')
    .where('audit_finding.enterprise_id', '=', enterpriseId)
    .where('audit_finding.audit_id', 'in', auditIds)
    .orderBy('audit_finding.at')
    .orderBy('audit_finding.id')
    .execute();
}
