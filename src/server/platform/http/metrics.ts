/* The operator's view (issue 10 §11): request ids on every answer and in every log line, and — when
 * METRICS=true — a Prometheus text endpoint `GET /metrics`: requests and latencies per route, the
 * PostgreSQL pool, the outbox backlog and how long ago each scheduled job last finished. Counted in
 * this process (each node exposes its own); the database figures are read at scrape time. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../../app-deps.js';

const requestIdPattern = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's genReqId: a caller's (a proxy's) X-Request-Id when it is a plain token, else a new UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
}

export function installRequestIds(app: FastifyInstance): void {
  // On the raw response at once (a synchronous hook, no onSend promise per request): every answer carries it.
  app.addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader('x-request-id', request.id);
    done();
  });
}

export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface RouteStats {
  counts: Map<string, number>; // status → requests
  buckets: number[];
  sum: number;
  count: number;
}

const label = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function installMetrics(app: FastifyInstance, deps: AppDeps, pool: (() => PoolStats) | null): void {
  const routes = new Map<string, RouteStats>();
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    if (route === '/metrics') return;
    const key = `${request.method} ${route}`;
    let stats = routes.get(key);
    if (!stats) {
      stats = { counts: new Map(), buckets: buckets.map(() => 0), sum: 0, count: 0 };
      routes.set(key, stats);
    }
    const status = String(reply.statusCode);
    stats.counts.set(status, (stats.counts.get(status) ?? 0) + 1);
    const seconds = reply.elapsedTime / 1000;
    stats.sum += seconds;
    stats.count += 1;
    buckets.forEach((b, i) => {
      if (seconds <= b) (stats as RouteStats).buckets[i] = ((stats as RouteStats).buckets[i] ?? 0) + 1;
    });
  });

  app.get('/metrics', async (_request, reply) => {
    const lines: string[] = [];
    lines.push('# HELP shuangkong_http_requests_total Requests answered, by method, route and status.', '# TYPE shuangkong_http_requests_total counter');
    for (const [key, stats] of routes) {
      const [method, route] = key.split(' ') as [string, string];
      for (const [status, n] of stats.counts) lines.push(`shuangkong_http_requests_total{method="${method}",route="${label(route)}",status="${status}"} ${n}`);
    }
    lines.push('# HELP shuangkong_http_request_duration_seconds Time to answer, by method and route.', '# TYPE shuangkong_http_request_duration_seconds histogram');
    for (const [key, stats] of routes) {
      const [method, route] = key.split(' ') as [string, string];
      const base = `method="${method}",route="${label(route)}"`;
      buckets.forEach((b, i) => lines.push(`shuangkong_http_request_duration_seconds_bucket{${base},le="${b}"} ${stats.buckets[i]}`));
      lines.push(`shuangkong_http_request_duration_seconds_bucket{${base},le="+Inf"} ${stats.count}`);
      lines.push(`shuangkong_http_request_duration_seconds_sum{${base}} ${stats.sum.toFixed(6)}`);
      lines.push(`shuangkong_http_request_duration_seconds_count{${base}} ${stats.count}`);
    }
    if (pool) {
      const p = pool();
      lines.push('# HELP shuangkong_db_pool_connections PostgreSQL pool connections by state.', '# TYPE shuangkong_db_pool_connections gauge');
      lines.push(`shuangkong_db_pool_connections{state="total"} ${p.totalCount}`, `shuangkong_db_pool_connections{state="idle"} ${p.idleCount}`, `shuangkong_db_pool_connections{state="waiting"} ${p.waitingCount}`);
    }
    const backlog = await sql<{ n: string | number }>`select count(*) as n from outbox where sent_at is null`.execute(deps.db);
    lines.push('# HELP shuangkong_outbox_backlog Deliveries (notification fan-outs, webhooks) not yet done.', '# TYPE shuangkong_outbox_backlog gauge', `shuangkong_outbox_backlog ${Number(backlog.rows[0]?.n ?? 0)}`);
    const now = deps.clock.now().getTime();
    const jobs = await deps.db.selectFrom('scheduler_lease').select(['job', 'finished_at']).orderBy('job').execute();
    lines.push('# HELP shuangkong_scheduler_seconds_since_last_run Seconds since each scheduled job last finished (on any node).', '# TYPE shuangkong_scheduler_seconds_since_last_run gauge');
    for (const j of jobs) if (j.finished_at) lines.push(`shuangkong_scheduler_seconds_since_last_run{job="${label(j.job)}"} ${Math.max(0, (now - Date.parse(j.finished_at)) / 1000).toFixed(1)}`);
    return reply.type('text/plain; version=0.0.4; charset=utf-8').header('cache-control', 'no-store').send(`${lines.join('\n')}\n`);
  });
}
