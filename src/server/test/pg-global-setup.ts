import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { adminDatabaseUrl } from './scratch-db.js';

/**
 * The PostgreSQL project runs only when the server answers; under CI it must answer. Its test databases
 * are named after the run (test-db.ts testDbPrefix); those its workers left undropped go at the end.
 */
export default async function setup(project: TestProject): Promise<void | (() => Promise<void>)> {
  project.provide('testRun', process.pid);
  if (project.name !== 'int-postgres') {
    project.provide('pgAvailable', false);
    return;
  }
  const client = new pg.Client({ connectionString: adminDatabaseUrl, connectionTimeoutMillis: 3000 });
  let isAvailable = false;
  try {
    await client.connect();
    await client.query('select 1');
    isAvailable = true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL is required under CI=true but ${adminDatabaseUrl} did not answer: ${String(error)}`);
    }
    console.log(`[int-postgres] SKIPPED: PostgreSQL at ${adminDatabaseUrl} is not reachable (${String(error)})`);
  } finally {
    await client.end().catch(() => undefined);
  }
  project.provide('pgAvailable', isAvailable);
  if (isAvailable) return dropRunDatabases;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** This run's test databases still there, and those of runs no longer running (killed before their teardown). */
async function dropRunDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like 'sk\\_test\\_r%'`);
    for (const { datname } of rows) {
      const run = Number(/^sk_test_r(\d+)_/.exec(datname)?.[1]);
      if (run !== process.pid && (!run || isRunning(run))) continue;
      await client.query(`drop database if exists ${datname} with (force)`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAvailable: boolean;
    /** The pid of the Vitest process running the tests. */
    testRun: number;
  }
}
