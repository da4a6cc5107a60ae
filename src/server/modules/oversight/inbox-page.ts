/* A page of a regulator inbox (bureau reports, statistics submissions), newest first by (at, id): the
 * rows of its jurisdiction's scope and of each enterprise it is linked to by membership are separate
 * index ranges ("streams"), each read up to the page's size after the cursor, then merged. */
import { decodeCursor, toPage } from '../../platform/http/cursor.js';

export type InboxStream<R> = (page: { after?: { at: string; id: string }; limit: number }) => Promise<R[]>;

export async function inboxPage<R extends { id: string }>(streams: InboxStream<R>[], at: (row: R) => string, q: { cursor?: string; limit: number }) {
  const after = decodeCursor(q.cursor);
  const byId = new Map<string, R>();
  for (const rows of await Promise.all(streams.map((s) => s({ after, limit: q.limit + 1 })))) for (const r of rows) byId.set(r.id, r);
  const key = (r: R) => `${at(r)}|${r.id}`;
  const rows = [...byId.values()].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0)).slice(0, q.limit + 1);
  return toPage(rows, q.limit, (r) => ({ at: at(r), id: r.id }), (r) => r);
}
