/* Generic reads and writes for simple enterprise-owned tables (org units, posts, people, areas,
 * equipment, materials). Table names are fixed by the feature specs, never by the request. */
import { type Expression, sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.js';
import { afterKey } from '../../db/keyset.js';
import { enterpriseColumn, likeContains, searchedColumns, searchPage } from '../../db/text-search.js';
import type { Executor } from '../../db/with-transaction.js';

export type TenantTable = 'org_unit' | 'post' | 'person' | 'area' | 'equipment' | 'material' | 'emergency_supply' | 'emergency_contact' | 'ohs_objective' | 'change_request' | 'contractor' | 'contractor_qualification' | 'special_equipment' | 'ppe_requirement' | 'comm_channel' | 'monitoring_item';
export type Row = Record<string, unknown> & { id: string; enterprise_id: string; created_at: string; archived_at: string | null };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySelect = SelectQueryBuilder<Database, any, any>;

export interface ListSpec {
  enterpriseId: string;
  equals: Record<string, unknown>;
  search?: { columns: string[]; text: string };
  includeArchived: boolean;
  after?: { at: string; id: string };
  limit: number;
  refine?: (query: AnySelect) => AnySelect;
}

export async function listRows(db: Executor, table: TenantTable, spec: ListSpec): Promise<Row[]> {
  const search = spec.search;
  // People through the full-text index (db/text-search.ts); the other org tables hold a few
  // dozen rows per enterprise and are matched by LIKE.
  if (table === 'person' && search?.text && search.columns.join() === searchedColumns.person.join()) {
    return searchPage({
      db,
      table: 'person',
      enterpriseId: spec.enterpriseId,
      text: search.text,
      order: 'asc',
      after: spec.after,
      limit: spec.limit,
      page: (match, bound, limit, byRowid) => pageRows(db, table, { ...spec, search: undefined, limit }, match, bound, byRowid),
    });
  }
  return pageRows(db, table, spec);
}

async function pageRows(db: Executor, table: TenantTable, spec: ListSpec, match?: Expression<SqlBool>, bound?: Expression<SqlBool>, byRowid?: boolean): Promise<Row[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let query: AnySelect = (db as any).selectFrom(table).selectAll().where(enterpriseColumn('enterprise_id', byRowid), '=', spec.enterpriseId);
  for (const [column, value] of Object.entries(spec.equals)) {
    if (value !== undefined) query = query.where(column, '=', value);
  }
  if (!spec.includeArchived) query = query.where('archived_at', 'is', null);
  if (spec.search && spec.search.text) {
    const { columns, text } = spec.search;
    query = query.where((eb) => eb.or(columns.map((c) => likeContains(c, text, db))));
  }
  if (match) query = query.where(match);
  if (bound) query = query.where(bound);
  if (spec.refine) query = spec.refine(query);
  const after = spec.after;
  if (after) {
    query = query.where(afterKey('created_at', 'id', after, 'asc'));
  }
  return (await query.orderBy('created_at').orderBy('id').limit(spec.limit).execute()) as Row[];
}

export async function findRow(db: Executor, table: TenantTable, enterpriseId: string, id: string): Promise<Row | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await (db as any)
    .selectFrom(table)
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .executeTakeFirst()) as Row | undefined;
}

/** True when every id names a live row of this enterprise. */
export async function allActiveExist(db: Executor, table: TenantTable, enterpriseId: string, ids: string[]): Promise<boolean> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return true;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const rows = await (db as any)
    .selectFrom(table)
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('id', 'in', unique)
    .where('archived_at', 'is', null)
    .execute();
  return rows.length === unique.length;
}

export async function insertRow(db: Executor, table: TenantTable, row: Row): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await (db as any).insertInto(table).values(row).execute();
}

export async function updateRow(db: Executor, table: TenantTable, enterpriseId: string, id: string, patch: Record<string, unknown>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await (db as any).updateTable(table).set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}
