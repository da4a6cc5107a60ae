import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import type { Database } from './database.js';
import { withPreparedStatements } from './pg-prepared.js';
import { SqliteLiteralLimitPlugin } from './sqlite-literal-limit.js';
import { withStatementCache } from './statement-cache.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite connection itself (its online backup API); absent on PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
  /** The PostgreSQL pool (its counts for /metrics); absent on SQLite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export function dialectOf(databaseUrl: string): Dialect {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite';
}

function sqliteFileOf(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, '').replace(/^sqlite:/, '');
}

/**
 * SQLite's `synchronous` (issue 10 §6). In WAL mode, NORMAL survives a killed process but may lose
 * the last acknowledged transactions on power loss (the WAL is synced only at checkpoints); FULL
 * syncs the WAL at every commit, so an acknowledged inspection record, sign-off or hazard event
 * survives power loss too. FULL is the product's setting; NORMAL only for throw-away databases
 * (tests) or an operator who accepts the risk (SQLITE_SYNCHRONOUS=NORMAL). `npm run bench` prints the cost.
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** One Kysely instance; the dialect follows DATABASE_URL. */
export function createDb(databaseUrl: string, options: { poolSize?: number; sqliteSynchronous?: SqliteSynchronous } = {}): Db {
  if (dialectOf(databaseUrl) === 'postgres') {
    // Loaded only for PostgreSQL: a SQLite start does not pay for it.
    const { Pool } = createRequire(import.meta.url)('pg') as typeof pg;
    const pool = new Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server closes (restart, failover, admin kill) must not crash the
    // process: the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => {
      console.error(`PostgreSQL idle connection error: ${error.message}`);
    });
    // Statements marked prepared are sent named (pg-prepared.ts).
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
    return { kysely, dialect: 'postgres', pool, close: () => kysely.destroy() };
  }
  const file = sqliteFileOf(databaseUrl);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`synchronous = ${options.sqliteSynchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  // Prepared statements are reused across calls (statement-cache.ts), LIMIT and OFFSET as literals (sqlite-literal-limit.ts).
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new SqliteLiteralLimitPlugin()] });
  return { kysely, dialect: 'sqlite', sqlite, close: () => kysely.destroy() };
}

/**
 * The settings that decide whether an acknowledged commit survives power loss, as the database
 * reports them: SQLite `synchronous` (FULL = 2), PostgreSQL `fsync`, `synchronous_commit`,
 * `full_page_writes` (all `on` by default: a commit returns after its WAL record is flushed).
 */
export async function durabilityOf(db: Db): Promise<{ settings: Record<string, string>; isDurable: boolean }> {
  if (db.dialect === 'sqlite') {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db.kysely);
    const level = Number(rows[0]?.synchronous);
    const name = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][level] ?? String(level);
    return { settings: { synchronous: name, journal_mode: 'wal' }, isDurable: level >= 2 };
  }
  const settings: Record<string, string> = {};
  for (const name of ['fsync', 'synchronous_commit', 'full_page_writes']) {
    const { rows } = await sql<Record<string, string>>`select current_setting(${name}) as value`.execute(db.kysely);
    settings[name] = String(rows[0]?.value);
  }
  const isDurable = settings.fsync === 'on' && settings.full_page_writes === 'on' && !['off', 'local'].includes(settings.synchronous_commit ?? '');
  return { settings, isDurable };
}
