/* A @fastify/rate-limit store in the database (issue 10 §10): the login, set-up and public-report
 * limits count per route and client address in table rate_limit, so two nodes behind one load
 * balancer share one count instead of each allowing the limit. One statement per request, atomic on
 * both databases (insert … on conflict do update … returning). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

export function databaseRateLimitStore(db: Kysely<Database>, nowMs: () => number = Date.now) {
  return class DatabaseRateLimitStore {
    private readonly prefix: string;

    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : '';
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const now = nowMs();
      const expired = now - timeWindow;
      sql<{ count: number | string; window_start_ms: number | string }>`
        insert into rate_limit (key, count, window_start_ms) values (${this.prefix + key}, 1, ${now})
        on conflict (key) do update set
          count = case when rate_limit.window_start_ms <= ${expired} then 1 else rate_limit.count + 1 end,
          window_start_ms = case when rate_limit.window_start_ms <= ${expired} then ${now} else rate_limit.window_start_ms end
        returning count, window_start_ms`
        .execute(db)
        .then(({ rows }) => {
          const row = rows[0];
          cb(null, { current: Number(row?.count ?? 1), ttl: Math.max(0, Number(row?.window_start_ms ?? now) + timeWindow - now) });
        }, cb);
    }

    read(key: string, cb: Callback, timeWindow: number): void {
      const now = nowMs();
      db.selectFrom('rate_limit')
        .select(['count', 'window_start_ms'])
        .where('key', '=', this.prefix + key)
        .executeTakeFirst()
        .then((row) => {
          if (!row || Number(row.window_start_ms) + timeWindow <= now) return cb(null, { current: 0, ttl: 0 });
          cb(null, { current: Number(row.count), ttl: Number(row.window_start_ms) + timeWindow - now });
        }, cb);
    }

    child(routeOptions: { routeInfo?: { method?: string | string[]; url?: string } }): DatabaseRateLimitStore {
      const info = routeOptions.routeInfo ?? {};
      return new DatabaseRateLimitStore(`${String(info.method ?? '')} ${info.url ?? ''}|`);
    }
  };
}

/** Counts whose window ended more than an hour ago (the longest window is a minute): removed hourly by the scheduler. */
export async function purgeRateLimits(db: Kysely<Database>, nowMs: number): Promise<number> {
  const result = await db.deleteFrom('rate_limit').where('window_start_ms', '<', nowMs - 60 * 60 * 1000).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
