import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import { adminDatabaseUrl } from './pg-global-setup.js';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

/** A fresh, migrated database of the project's dialect: a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDb(): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  if (testDialect() === 'postgres') {
    const name = `sk_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminDatabaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminDatabaseUrl);
    url.pathname = `/${name}`;
    const db = createDb(url.toString(), { poolSize: 5 });
    await migrateToLatest(db.kysely);
    return {
      db,
      url: url.toString(),
      drop: async () => {
        await db.close();
        const c = new pg.Client({ connectionString: adminDatabaseUrl });
        await c.connect();
        // pool.end() resolves before the server has seen every backend go; forcing the drop then
        // kills a closing connection and its client reports an unhandled FATAL. Wait for them.
        for (let i = 0; i < 50; i++) {
          const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-test-'));
  const url = `file:${path.join(dir, 'test.sqlite')}`;
  const db = createDb(url);
  await migrateToLatest(db.kysely);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
