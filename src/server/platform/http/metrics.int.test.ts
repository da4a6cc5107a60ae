/* Issue 10 §11: request ids on every answer (a proxy's kept), and Prometheus metrics behind METRICS=true. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('operator view', () => {
  let t: TestApp;
  let metrics: Awaited<ReturnType<typeof buildApp>>;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    metrics = await buildApp({ ...t.deps, config: { ...t.deps.config, isMetricsEnabled: true } }, { poolStats: () => ({ totalCount: 3, idleCount: 2, waitingCount: 0 }) });
    const e = await createEnterpriseWithUsers(t.deps, 'met', ['safety_manager']);
    cookie = await t.login(e.usernames.safety_manager as string);
    await t.deps.db.insertInto('scheduler_lease').values({ job: 'inspection-tasks', node: 'test:1', started_at: new Date(t.clock.now().getTime() - 90_000).toISOString(), finished_at: new Date(t.clock.now().getTime() - 60_000).toISOString(), runs: 1 }).execute();
  });
  afterAll(async () => {
    await metrics.close();
    await t.close();
  });

  it('answers with a request id, keeping a proxy’s plain one and replacing anything else', async () => {
    const made = await t.request(null, 'GET', '/api/health');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.request(null, 'GET', '/api/health', undefined, { 'x-request-id': 'edge-7f3a.42' });
    expect(kept.headers['x-request-id']).toBe('edge-7f3a.42');
    const problem = await t.request(null, 'GET', '/api/v1/posts', undefined, { 'x-request-id': 'bad id with spaces' });
    expect(problem.statusCode).toBe(401);
    expect(problem.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes /metrics only when METRICS=true: requests and latencies per route, pool, outbox backlog, scheduler lag', async () => {
    expect((await t.app.inject('/metrics')).statusCode).toBe(404);
    for (let i = 0; i < 3; i++) await metrics.inject({ url: '/api/v1/posts', headers: { cookie } });
    await metrics.inject({ url: '/api/v1/posts' });
    const res = await metrics.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toContain('shuangkong_http_requests_total{method="GET",route="/api/v1/posts",status="200"} 3');
    expect(text).toContain('shuangkong_http_requests_total{method="GET",route="/api/v1/posts",status="401"} 1');
    expect(text).toContain('shuangkong_http_request_duration_seconds_count{method="GET",route="/api/v1/posts"} 4');
    expect(text).toMatch(/shuangkong_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/posts",le="\+Inf"\} 4/);
    expect(text).toContain('shuangkong_db_pool_connections{state="idle"} 2');
    expect(text).toMatch(/^shuangkong_outbox_backlog \d+$/m);
    expect(text).toContain('shuangkong_scheduler_seconds_since_last_run{job="inspection-tasks"} 60.0');
  });
});
