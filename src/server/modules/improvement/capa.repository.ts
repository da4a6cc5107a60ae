/* The only Kysely user for corrective actions (capa, capa_action, capa_check, capa_hazard). */
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/with-transaction.js';
import { afterKey } from '../../db/keyset.js';
import type { CapaActionTable, CapaCheckTable, CapaTable } from '../../db/tables/improvement-tables.js';

export type CapaRow = CapaTable & { owner_name: string | null };

const withOwner = (db: Executor) =>
  db
    .selectFrom('capa')
    .leftJoin('person', (j) => j.onRef('person.id', '=', 'capa.owner_person_id').onRef('person.enterprise_id', '=', 'capa.enterprise_id'))
    .selectAll('capa')
    .select('person.name as owner_name');

export async function insertCapa(db: Executor, row: CapaTable): Promise<void> {
  await db.insertInto('capa').values(row).execute();
}

export function findCapa(db: Executor, enterpriseId: string, id: string): Promise<CapaRow | undefined> {
  return withOwner(db).where('capa.enterprise_id', '=', enterpriseId).where('capa.id', '=', id).executeTakeFirst();
}

export function findCapaOfSource(db: Executor, enterpriseId: string, kind: string, sourceId: string) {
  return db.selectFrom('capa').select('id').where('enterprise_id', '=', enterpriseId).where('source_kind', '=', kind).where('source_id', '=', sourceId).executeTakeFirst();
}

/** Status and closing time of the named records (bounded by the ids given). */
export function listCapaStates(db: Executor, enterpriseId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('capa').select(['id', 'status', 'closed_at']).where('enterprise_id', '=', enterpriseId).where('id', 'in', [...ids]).execute();
}

export async function updateCapa(db: Executor, enterpriseId: string, id: string, patch: Partial<CapaTable>): Promise<void> {
  await db.updateTable('capa').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

/** Moves the record only if it is still in `from` (two requests at once: the second sees 0 rows). */
export async function updateCapaFrom(db: Executor, enterpriseId: string, id: string, from: string, patch: Partial<CapaTable>): Promise<boolean> {
  const r = await db.updateTable('capa').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface CapaListFilter {
  status?: string;
  sourceKind?: string;
  isOpen?: boolean;
  after?: { at: string; id: string };
  limit: number;
}

/** Still open: the WHERE of the partial index capa_open_page_idx, verbatim (SQLite matches it by the term). */
const openLiteral = sql<SqlBool>`capa.status <> 'effective'`;

/** One page, newest first, each filter served in order by an index (list-plans.int.test.ts). */
export function listCapas(db: Executor, enterpriseId: string, f: CapaListFilter): Promise<CapaRow[]> {
  let q = withOwner(db).where('capa.enterprise_id', '=', enterpriseId);
  if (f.status) q = q.where('capa.status', '=', f.status);
  if (f.sourceKind) q = q.where('capa.source_kind', '=', f.sourceKind);
  if (f.isOpen === true) q = q.where(openLiteral);
  if (f.isOpen === false) q = q.where('capa.status', '=', 'effective');
  if (f.after) q = q.where(afterKey('capa.created_at', 'capa.id', f.after, 'desc'));
  return q.orderBy('capa.created_at', 'desc').orderBy('capa.id', 'desc').limit(f.limit).execute();
}

/** Every record of the enterprise (open ones, or all raised since a day) for due items, escalation and indicators. */
export function listCapasFor(db: Executor, enterpriseId: string, f: { openOnly?: boolean; since?: string; until?: string }): Promise<CapaRow[]> {
  let q = withOwner(db).where('capa.enterprise_id', '=', enterpriseId);
  if (f.openOnly) q = q.where('capa.status', '!=', 'effective');
  if (f.since) q = q.where('capa.created_at', '>=', f.since);
  if (f.until) q = q.where('capa.created_at', '<', f.until);
  return q.orderBy('capa.created_at').orderBy('capa.id').execute();
}

export async function listEnterprisesWithOpenCapas(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('capa').select('enterprise_id').where('status', '!=', 'effective').distinct().execute();
  return rows.map((r) => r.enterprise_id);
}

export type ActionRow = CapaActionTable & { owner_name: string | null };

export function listActions(db: Executor, enterpriseId: string, capaIds: string[]): Promise<ActionRow[]> {
  if (!capaIds.length) return Promise.resolve([]);
  return db
    .selectFrom('capa_action')
    .leftJoin('person', (j) => j.onRef('person.id', '=', 'capa_action.owner_person_id').onRef('person.enterprise_id', '=', 'capa_action.enterprise_id'))
    .selectAll('capa_action')
    .select('person.name as owner_name')
    .where('capa_action.enterprise_id', '=', enterpriseId)
    .where('capa_action.capa_id', 'in', capaIds)
    .orderBy('capa_action.created_at')
    .orderBy('capa_action.id')
    .execute();
}

export async function insertAction(db: Executor, row: CapaActionTable): Promise<void> {
  await db.insertInto('capa_action').values(row).execute();
}

export async function markActionDone(db: Executor, enterpriseId: string, capaId: string, actionId: string, at: string, note: string): Promise<boolean> {
  const r = await db
    .updateTable('capa_action')
    .set({ done_at: at, done_note: note })
    .where('enterprise_id', '=', enterpriseId)
    .where('capa_id', '=', capaId)
    .where('id', '=', actionId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertCheck(db: Executor, row: CapaCheckTable): Promise<void> {
  await db.insertInto('capa_check').values(row).execute();
}

export function listChecks(db: Executor, enterpriseId: string, capaId: string) {
  return db
    .selectFrom('capa_check')
    .leftJoin('user', 'user.id', 'capa_check.checked_by_user_id')
    .selectAll('capa_check')
    .select('user.display_name as checked_by_name')
    .where('capa_check.enterprise_id', '=', enterpriseId)
    .where('capa_check.capa_id', '=', capaId)
    .orderBy('capa_check.at')
    .execute();
}

export async function listHazardIds(db: Executor, enterpriseId: string, capaIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!capaIds.length) return out;
  const rows = await db.selectFrom('capa_hazard').select(['capa_id', 'hazard_id']).where('enterprise_id', '=', enterpriseId).where('capa_id', 'in', capaIds).orderBy('created_at').execute();
  for (const r of rows) out.set(r.capa_id, [...(out.get(r.capa_id) ?? []), r.hazard_id]);
  return out;
}

export async function linkHazard(db: Executor, row: { enterprise_id: string; capa_id: string; hazard_id: string; created_at: string }): Promise<boolean> {
  const existing = await db.selectFrom('capa_hazard').select('hazard_id').where('capa_id', '=', row.capa_id).where('hazard_id', '=', row.hazard_id).executeTakeFirst();
  if (existing) return false;
  await db.insertInto('capa_hazard').values(row).execute();
  return true;
}

export async function personOfUser(db: Executor, enterpriseId: string, userId: string): Promise<string | null> {
  const r = await db.selectFrom('membership').select('person_id').where('enterprise_id', '=', enterpriseId).where('user_id', '=', userId).executeTakeFirst();
  return r?.person_id ?? null;
}

export async function userOfPerson(db: Executor, enterpriseId: string, personId: string): Promise<string | null> {
  const r = await db.selectFrom('membership').select('user_id').where('enterprise_id', '=', enterpriseId).where('person_id', '=', personId).executeTakeFirst();
  return r?.user_id ?? null;
}

export async function setEscalatedKey(db: Executor, enterpriseId: string, id: string, key: string): Promise<boolean> {
  const r = await db
    .updateTable('capa')
    .set({ escalated_key: key })
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('escalated_key', 'is', null), eb('escalated_key', '!=', key)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
