import { createHash } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type pg from 'pg';

/**
 * PostgreSQL: a few hot statements sent as named prepared statements (issue 18). Kysely sends every
 * statement unnamed, so PostgreSQL parses and plans it at each call; the hazard page (4 left joins)
 * spent 0.6–1.2 ms planning for 0.15–0.3 ms of execution. Named, with every value but the LIMIT a
 * parameter, PostgreSQL plans it generically after five calls and then only executes it: measured on
 * the bench data (50,000 hazards, status filter, one connection, min of 320 calls) 1,353 µs a call
 * unnamed, 397 µs named. (With the LIMIT a parameter too, PostgreSQL keeps custom plans — a generic
 * LIMIT is priced at 10 % of the rows — and saves only the parse: 1,204 µs.)
 *
 * Only statements that start with `preparedMarker` (`.modifyFront(preparedMarker)`) are named: a
 * generic plan suits a query whose best plan does not depend on its values (a page walked down an
 * index led by the enterprise); not a text search, whose best plan depends on the text's length.
 * At most `maxNamed` texts are named per process (each is prepared once per connection and kept);
 * the rest go unnamed. A statement whose result columns changed under it (a migration by another
 * node during a rolling upgrade: "cached plan must not change result type") is resent unnamed, and
 * its text unnamed from then on.
 */
export const preparedMarker: RawBuilder<unknown> = sql.raw('/* prepared */');
const markerText = 'select /* prepared */ ';
const maxNamed = 500;

const names = new Map<string, string>();
const retired = new Set<string>();

function nameOf(text: string): string | undefined {
  if (!text.startsWith(markerText) || retired.has(text)) return undefined;
  let name = names.get(text);
  if (!name && names.size < maxNamed) {
    name = `sk_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

type Query = (text: unknown, values?: unknown) => Promise<unknown>;
const wrapped = new WeakSet<object>();

/** Makes a pooled client send marked statements named (once per client; the pool reuses clients). */
function wrapClient(client: pg.PoolClient): pg.PoolClient {
  if (wrapped.has(client)) return client;
  wrapped.add(client);
  const query = client.query.bind(client) as unknown as Query;
  (client as unknown as { query: Query }).query = (text, values) => {
    const name = typeof text === 'string' ? nameOf(text) : undefined;
    if (!name) return query(text, values);
    return query({ name, text, values }).catch((error: { message?: string }) => {
      if (!String(error?.message).includes('cached plan must not change result type')) throw error;
      retired.add(text as string);
      return query(text, values);
    });
  };
  return client;
}

/** The pool Kysely's PostgresDialect uses: its clients send marked statements named. */
export function withPreparedStatements(pool: pg.Pool): pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'connect') return async () => wrapClient(await connect());
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
