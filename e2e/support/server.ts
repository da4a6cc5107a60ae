/* The real server, in-process, on a throw-away SQLite file, serving the built SPA. */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { AppDeps } from '../../src/server/app-deps.js';
import { createDb } from '../../src/server/db/create-db.js';
import { systemClock } from '../../src/server/platform/clock.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { copyDemoDatabase } from './demo-template.js';

export const demoPassword = 'demo-pass-123';
const webDir = path.resolve('dist/web');

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds the SPA when dist/web is missing or older than anything it is built from. */
export function ensureWebBuild(): void {
  const index = path.join(webDir, 'index.html');
  const sources = ['src/web', 'src/phone', 'src/schemas', 'src/i18n', 'vite.config.ts'].filter((p) => fs.existsSync(p));
  const sourceTime = Math.max(...sources.map(newestMtime));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sourceTime) return;
  // Vitest sets NODE_ENV=test; the journeys must run the production bundle users get.
  execSync('npx vite build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** false: an empty database, as a production install started with SEED_DEMO=false (first-run set-up). */
  isDemoSeeded?: boolean;
}

export async function startServer({ isDemoSeeded = true }: StartServerOptions = {}): Promise<TestServer> {
  ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuangkong-e2e-'));
  const file = path.join(dataDir, 'e2e.sqlite');
  // Its own copy of the database migrated (and demo-seeded) once for the run (demo-template.ts).
  await copyDemoDatabase(file, isDemoSeeded, demoPassword);
  const db = createDb(`file:${file}`);
  const deps: AppDeps = {
    db: db.kysely,
    dialect: db.dialect,
    clock: systemClock,
    config: loadConfig({ ...process.env, DATA_DIR: dataDir, ...(isDemoSeeded ? {} : { SEED_DEMO: 'false' }) }),
  };
  const app: FastifyInstance = await buildApp(deps, { webDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
