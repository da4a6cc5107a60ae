/* The accident register's only Kysely user. Rows are inserted, never updated or deleted. */
import { sql } from 'kysely';
import type { AccidentTable } from '../../db/database.js';
import { afterKey } from '../../db/keyset.js';
import type { Executor } from '../../db/with-transaction.js';

export async function insertAccident(db: Executor, row: AccidentTable): Promise<void> {
  await db.insertInto('accident').values(row).execute();
}

export interface AccidentFilter {
  rootId?: string;
  kind?: string;
  postIds?: string[];
  areaIds?: string[];
  equipmentIds?: string[];
  since?: string;
  until?: string;
  includeVoid?: boolean;
  q?: string;
  /** Keyset: rows after (occurred_on, root_id) in descending order. */
  before?: { at: string; id: string };
  limit?: number;
}

function selectCurrent(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('accident as a')
    .leftJoin('post', 'post.id', 'a.post_id')
    .leftJoin('area', 'area.id', 'a.area_id')
    .leftJoin('equipment', 'equipment.id', 'a.equipment_id')
    .leftJoin('user', 'user.id', 'a.recorded_by_user_id')
    .selectAll('a')
    .select(['post.name as post_name', 'area.name as area_name', 'equipment.name as equipment_name', 'user.display_name as recorded_by_name'])
    .where('a.enterprise_id', '=', enterpriseId);
}
export type AccidentRow = AccidentTable & { post_name: string | null; area_name: string | null; equipment_name: string | null; recorded_by_name: string | null };

/** The current revision of each entry (the highest revision of its root), filtered. */
export async function listCurrentAccidents(db: Executor, enterpriseId: string, f: AccidentFilter): Promise<AccidentRow[]> {
  let query = selectCurrent(db, enterpriseId).where((eb) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('accident as newer')
          .select('newer.id')
          .whereRef('newer.root_id', '=', 'a.root_id')
          .whereRef('newer.revision', '>', 'a.revision'),
      ),
    ),
  );
  if (f.rootId) query = query.where('a.root_id', '=', f.rootId);
  if (f.kind) query = query.where('a.kind', '=', f.kind);
  if (!f.includeVoid) query = query.where('a.is_void', '=', 0);
  if (f.since) query = query.where('a.occurred_on', '>=', f.since);
  if (f.until) query = query.where('a.occurred_on', '<=', f.until);
  const places = [
    ...(f.postIds?.length ? [['a.post_id', f.postIds] as const] : []),
    ...(f.areaIds?.length ? [['a.area_id', f.areaIds] as const] : []),
    ...(f.equipmentIds?.length ? [['a.equipment_id', f.equipmentIds] as const] : []),
  ];
  if (places.length) query = query.where((eb) => eb.or(places.map(([column, ids]) => eb(column, 'in', ids))));
  if (f.q) {
    const pattern = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or(['a.description', 'a.people_involved'].map((c) => eb(sql`lower(${sql.ref(c)})`, 'like', sql<string>`${pattern} escape '\\'`))),
    );
  }
  // The page bound on accident_page_idx (enterprise_id, occurred_on, root_id). The filters are
  // checked on the enterprise's rows in that order: a register holds a few dozen entries a year.
  if (f.before) query = query.where(afterKey('a.occurred_on', 'a.root_id', f.before, 'desc'));
  query = query.orderBy('a.occurred_on', 'desc').orderBy('a.root_id', 'desc');
  if (f.limit) query = query.limit(f.limit);
  return query.execute() as Promise<AccidentRow[]>;
}

export function listRevisions(db: Executor, enterpriseId: string, rootId: string): Promise<AccidentRow[]> {
  return selectCurrent(db, enterpriseId).where('a.root_id', '=', rootId).orderBy('a.revision').execute() as Promise<AccidentRow[]>;
}
