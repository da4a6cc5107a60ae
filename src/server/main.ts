import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import type { AppDeps } from './app-deps.js';
import { createDb, durabilityOf } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { isDatabaseEmpty, seedDemo } from './demo/seed-demo.js';
import { systemClock } from './platform/clock.js';
import { capaScheduledJobs } from './modules/improvement/capa-due-items.service.js';
import { startScheduler } from './platform/scheduler.js';
import { runWithLease } from './platform/job-lease.js';
import { purgeRateLimits } from './platform/http/rate-limit-store.js';
import { scheduledBackupJob } from './platform/backup/backup.service.js';
import { hazardScheduledJobs } from './modules/hazards/hazard-jobs.service.js';
import { materialiseAllEnterprises } from './modules/inspections/inspection-tasks.service.js';
import { loadConfig } from './platform/config.js';
import { dueItemScheduledJobs } from './modules/notifications/due-item-notifications.service.js';
import { allDueItemProviders } from './due-item-providers.js';
import { emergencyScheduledJobs } from './modules/emergency/emergency-supplies.service.js';
import { oversightScheduledJobs } from './modules/oversight/county-indicators.service.js';
import { textSearchScheduledJobs } from './db/text-search-merge.js';

/** How long a SIGTERM waits for in-flight requests and the current job before the process exits anyway. */
const shutdownGraceMs = 30_000;

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Read config, open the database, migrate, seed an empty database, listen. */
export async function startServer(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const db = createDb(config.databaseUrl, { poolSize: config.databasePoolSize, sqliteSynchronous: config.sqliteSynchronous });
  const deps: AppDeps = { db: db.kysely, dialect: db.dialect, clock: systemClock, config };
  const applied = await migrateToLatest(db.kysely);
  if (config.isDemoSeedEnabled && (await isDatabaseEmpty(deps))) {
    const demo = await seedDemo(deps, config.demoPassword);
    const lines = [
      '',
      '=== 双控 Shuangkong — demo data created / 已创建演示数据 ===',
      `Logins / 登录账号: ${demo.usernames.join(', ')}`,
      `Password / 密码: ${demo.password}${config.demoPassword ? ' (from DEMO_PASSWORD)' : ' (random; shown only this once)'}`,
      '',
    ];
    console.log(lines.join('\n'));
  }
  const app = await buildApp(deps, {
    webDir: path.join(rootDir, 'dist', 'web'),
    logger: { level: config.logLevel },
    poolStats: db.pool ? () => ({ totalCount: db.pool?.totalCount ?? 0, idleCount: db.pool?.idleCount ?? 0, waitingCount: db.pool?.waitingCount ?? 0 }) : null,
  });
  // Idempotent by unique keys: harmless when several nodes run it (DESIGN.md "Recurring work is idempotent").
  const stopScheduler = startScheduler(
    [
      { name: 'inspection-tasks', everyMs: 60_000, run: () => materialiseAllEnterprises(deps) },
      ...hazardScheduledJobs(deps),
      ...dueItemScheduledJobs(deps, allDueItemProviders()),
      ...emergencyScheduledJobs(deps),
      ...capaScheduledJobs(deps),
      ...oversightScheduledJobs(deps),
      ...textSearchScheduledJobs(db.kysely),
      { name: 'rate-limit-purge', everyMs: 60 * 60 * 1000, run: () => purgeRateLimits(db.kysely, Date.now()) },
      ...(config.backupDir
        ? [scheduledBackupJob(db, { dataDir: config.dataDir, dir: config.backupDir, retentionDays: config.backupRetentionDays, hourUtc: config.backupHourUtc, now: () => systemClock.now() })]
        : []),
    ],
    app.log,
    // Several nodes on one PostgreSQL: each round of a job runs on one of them.
    (job, work) => runWithLease(job, { db: db.kysely, dialect: db.dialect, node: `${os.hostname()}:${process.pid}`, now: () => systemClock.now() }, work),
  );
  // Graceful shutdown (SIGTERM from systemd, a container runtime, a rolling upgrade): no new job and
  // no new connection; the requests and the scheduler job under way finish; then the pool closes.
  let isClosing = false;
  const close = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info(`${signal}: shutting down (in-flight requests and the current job finish first)`);
    const force = setTimeout(() => {
      console.error(`Shutdown took longer than ${shutdownGraceMs / 1000} s; exiting.`);
      process.exit(1);
    }, shutdownGraceMs);
    force.unref();
    try {
      const schedulerStopped = stopScheduler();
      await app.close();
      await schedulerStopped;
      await db.close();
      process.exit(0);
    } catch (error) {
      console.error('Shutdown failed:', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
  const durability = await durabilityOf(db);
  if (!durability.isDurable) {
    app.log.warn({ durability: durability.settings }, 'the database does not sync every commit: acknowledged records may be lost on power loss');
  }
  await app.listen({ port: config.port, host: config.host });
  const ms = Math.round(performance.now() - startedAt);
  const cpu = process.cpuUsage();
  console.log(
    `Shuangkong ready on http://localhost:${(app.server.address() as { port: number } | null)?.port ?? config.port} (${db.dialect}${applied.length ? `, ${applied.length} migrations applied` : ''}) in ${ms} ms; process start to ready ${Math.round(process.uptime() * 1000)} ms (CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms)`,
  );
}
