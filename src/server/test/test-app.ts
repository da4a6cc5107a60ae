import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import type { AppDeps } from '../app-deps.js';
import { ManualClock } from '../platform/clock.js';
import type { Db } from '../db/create-db.js';
import { type Config, loadConfig } from '../platform/config.js';
import { createTestDb, testDialect } from './test-db.js';

export const testPassword = 'test-pass-123';

/** Integration suites run on PostgreSQL only when its server answered (required under CI). */
export function isDbAvailable(): boolean {
  return testDialect() === 'sqlite' || inject('pgAvailable');
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  clock: ManualClock;
  /** The SQLite connection itself (absent on PostgreSQL): detail-plans.sqlite.int.test.ts records what it prepares. */
  sqlite?: Db['sqlite'];
  close(): Promise<void>;
  login(username: string, password?: string): Promise<string>;
  request(
    cookie: string | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const { db, drop } = await createTestDb();
  const clock = new ManualClock();
  const config = { ...loadConfig({ DATA_DIR: '/tmp/sk-unused' }), ...overrides };
  const deps: AppDeps = { db: db.kysely, dialect: db.dialect, clock, config };
  const app = await buildApp(deps);
  const request: TestApp['request'] = (cookie, method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return {
    app,
    deps,
    clock,
    ...(db.sqlite ? { sqlite: db.sqlite } : {}),
    request,
    close: async () => {
      await app.close();
      await drop();
    },
    login: async (username, password = testPassword) => {
      const res = await request(null, 'POST', '/api/v1/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      return (raw ?? '').split(';')[0] as string;
    },
  };
}
