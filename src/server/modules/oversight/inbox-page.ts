/* A page of a regulator inbox (bureau reports, statistics submissions), newest first by (at, id): the
 * rows of its jurisdiction's scope and of each enterprise it is linked to by membership are separate
 * index ranges ("sources"), each read up to the page's size after the cursor, then merged.
 *
 * Both inboxes are written once here: `sourcePage` bounds a table's query to one source and the cursor
 * (one range of its `*_county_page_idx`, `*_town_page_idx` or `*_enterprise_page_idx`), `inboxPage`
 * reads every source of a regulator and merges them. */
import { sql, type SelectQueryBuilder } from 'kysely';
import { afterKey } from '../../db/keyset.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import type { Scope } from './county.repository.js';

/** The rows of a jurisdiction's scope (by the rows' copy of their enterprise's county and town), or of one linked enterprise. */
export type InboxSource = { scope: Scope } | { enterpriseId: string };
export type InboxBound = { after?: { at: string; id: string }; limit: number };

/**
 * `query` (an inbox table aliased `alias`, with its joins and columns) limited to the source's rows after
 * the cursor, newest first by (`at`, id), `limit` rows: one range of the source's page index.
 */
export function sourcePage<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, alias: TB & string, at: string, source: InboxSource, page: InboxBound) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  if ('scope' in source) {
    query = query.where(column('county_code'), '=', source.scope.countyCode);
    if (source.scope.townCode) query = query.where(column('town_code'), '=', source.scope.townCode);
  } else query = query.where(column('enterprise_id'), '=', source.enterpriseId);
  if (page.after) query = query.where(afterKey(`${alias}.${at}`, `${alias}.id`, page.after, 'desc'));
  return query.orderBy(column(at), 'desc').orderBy(column('id'), 'desc').limit(page.limit);
}

/**
 * A regulator's page of an inbox: `read` of its jurisdiction's scope (if it has one) and of each
 * enterprise it is linked to, each up to the page's size after the cursor, merged newest first (a row of
 * two sources once). The first `limit` of the merge are among the first `limit` of each source.
 */
export async function inboxPage<R extends { id: string }>(
  sources: { scope: Scope | null; enterpriseIds: string[] },
  read: (source: InboxSource, page: InboxBound) => Promise<R[]>,
  at: (row: R) => string,
  q: { cursor?: string; limit: number },
) {
  const after = decodeCursor(q.cursor);
  const all: InboxSource[] = [...(sources.scope ? [{ scope: sources.scope }] : []), ...sources.enterpriseIds.map((enterpriseId) => ({ enterpriseId }))];
  const byId = new Map<string, R>();
  for (const rows of await Promise.all(all.map((s) => read(s, { after, limit: q.limit + 1 })))) for (const r of rows) byId.set(r.id, r);
  const key = (r: R) => `${at(r)}|${r.id}`;
  const rows = [...byId.values()].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0)).slice(0, q.limit + 1);
  return toPage(rows, q.limit, (r) => ({ at: at(r), id: r.id }), (r) => r);
}
