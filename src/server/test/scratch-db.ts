/* A throw-away database for tests and benchmarks: a temp SQLite file, or a new database on the
 * local PostgreSQL server that is dropped afterwards. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db, type Dialect, type SqliteSynchronous } from '../db/create-db.js';
import { copySqliteTemplate, createPgFromTemplate, withClient } from './template-db.js';

export const adminDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ScratchDb {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

export async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const withAdmin = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => withClient(adminDatabaseUrl, work);

/** Drops a scratch database whose pool has been closed. */
export async function dropPgDatabase(name: string): Promise<void> {
  await withAdmin(async (c) => {
    // pool.end() resolves before the server has seen every backend go; forcing the drop then
    // kills a closing connection and its client reports an unhandled FATAL. Wait for them.
    for (let i = 0; i < 50; i++) {
      const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await c.query(`drop database if exists ${name} with (force)`);
  });
}

let dropQueue: Promise<void> = Promise.resolve();

/**
 * Drops a closed scratch database in the background, one at a time per process. On PostgreSQL 15 every
 * DROP DATABASE forces an immediate checkpoint (0.7–4 s on the shared CI machine): a test file's
 * afterAll need not wait for it. A database the process leaves undropped (the worker ended first) is
 * dropped by the run's global teardown (pg-global-setup.ts).
 */
export function dropPgDatabaseLater(name: string): void {
  dropQueue = dropQueue.then(() =>
    dropPgDatabase(name).catch((error: unknown) => {
      console.error(`scratch database ${name} not dropped: ${String(error)}`);
    }),
  );
}

export async function createScratchDb(
  dialect: Dialect,
  prefix: string,
  poolSize = 5,
  options: {
    sqliteSynchronous?: SqliteSynchronous;
    /** Already migrated to the latest: a copy of the template migrated once per set of migrations (template-db.ts). */
    migrated?: boolean;
    /** PostgreSQL: drop() closes the pool and leaves the drop to the background (dropPgDatabaseLater). */
    dropLater?: boolean;
  } = {},
): Promise<ScratchDb> {
  if (dialect === 'postgres') {
    const name = `${prefix}_${randomBytes(6).toString('hex')}`;
    if (options.migrated) await createPgFromTemplate(adminDatabaseUrl, name);
    else await withAdmin((c) => c.query(`create database ${name}`));
    const url = new URL(adminDatabaseUrl);
    url.pathname = `/${name}`;
    const db = createDb(url.toString(), { poolSize });
    return {
      db,
      url: url.toString(),
      drop: async () => {
        await db.close();
        if (options.dropLater) dropPgDatabaseLater(name);
        else await dropPgDatabase(name);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const url = `file:${path.join(dir, 'scratch.sqlite')}`;
  if (options.migrated) await copySqliteTemplate(path.join(dir, 'scratch.sqlite'));
  // A throw-away database: durability against power loss buys nothing here (the product uses FULL).
  const db = createDb(url, { sqliteSynchronous: options.sqliteSynchronous ?? 'NORMAL' });
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
