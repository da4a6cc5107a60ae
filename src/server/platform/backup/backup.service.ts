/* Backup and restore of a whole installation (issue 10 §7): `shuangkong backup <file>` writes one
 * .zip holding the database and every uploaded file; `shuangkong restore <file>` puts it into an
 * empty instance. Format (version 1):
 *   manifest.json           what made it: dialect, migrations applied, row count per table, files
 *   database.sqlite         SQLite: a consistent copy by SQLite's online backup API, taken while running
 *   tables/<table>.jsonl    PostgreSQL: every row of every table of the product, one JSON object a line
 *   files/<enterprise>/<n>  the file store (DATA_DIR/files)
 * A SQLite backup restores onto SQLite only (the file itself); a PostgreSQL backup restores onto
 * PostgreSQL: the schema of the backup's migrations, the rows, then the migrations added since.
 * Nightly backups (BACKUP_DIR) keep BACKUP_RETENTION_DAYS days (`scheduledBackupJob`). */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Kysely, sql } from 'kysely';
import type unzipper from 'unzipper';
import { createDb, type Db, dialectOf } from '../../db/create-db.js';
import type { Database } from '../../db/database.js';
import { knownMigrations, migrateOnly, migrateToLatest } from '../../db/migrate.js';
import { fileStoreOf } from '../files/file-store.js';
import { loadArchiver, loadUnzipper } from '../lazy-modules.js';

export interface BackupManifest {
  format: 'shuangkong-backup';
  version: 1;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  migrations: string[];
  tables: Record<string, number>;
  files: number;
}

const internalTables = new Set(['kysely_migration', 'kysely_migration_lock']);

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** The product's tables on PostgreSQL (current schema), without Kysely's bookkeeping. */
async function postgresTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.map((r) => r.table_name).filter((t) => !internalTables.has(t));
}

/** The product's tables on SQLite (FTS shadow tables are rebuilt by their own triggers; not counted). */
async function sqliteTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'CREATE VIRTUAL TABLE%' order by name`.execute(db);
  const virtual = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`.execute(db)).rows.map((r) => r.name);
  return rows.map((r) => r.name).filter((t) => !internalTables.has(t) && !virtual.some((v) => t.startsWith(`${v}_`)));
}

export async function productTables(db: Db): Promise<string[]> {
  return db.dialect === 'postgres' ? postgresTables(db.kysely) : sqliteTables(db.kysely);
}

async function countRows(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Writes the backup of the running installation to `file` (a temporary name, then renamed: never half a backup). */
export async function createBackup(db: Db, dataDir: string, file: string, now = new Date()): Promise<BackupManifest> {
  const target = path.resolve(file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-backup-'));
  const partial = `${target}.partial`;
  try {
    const zip = loadArchiver()('zip', { zlib: { level: 6 } });
    const written = pipeline(zip, createWriteStream(partial));
    const tables: Record<string, number> = {};
    const migrations = await appliedMigrations(db.kysely);
    if (db.dialect === 'sqlite') {
      if (!db.sqlite) throw new Error('the SQLite connection is not available for its backup API');
      const copy = path.join(work, 'database.sqlite');
      await db.sqlite.backup(copy);
      const snapshot = createDb(`file:${copy}`);
      try {
        for (const table of await productTables(snapshot)) tables[table] = await countRows(snapshot.kysely, table);
      } finally {
        await snapshot.close();
      }
      zip.file(copy, { name: 'database.sqlite' });
    } else {
      // One snapshot of every table: a repeatable-read transaction sees the database at one instant.
      await db.kysely.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
        for (const table of await postgresTables(trx)) {
          const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(trx)).rows;
          tables[table] = rows.length;
          const lines = rows.map((r) => JSON.stringify(r)).join('\n');
          const part = path.join(work, `${table}.jsonl`);
          await fs.writeFile(part, lines ? `${lines}\n` : '');
          zip.file(part, { name: `tables/${table}.jsonl` });
        }
      });
    }
    const store = fileStoreOf(dataDir);
    const files = await store.list();
    for (const rel of files) {
      const content = await store.read(rel);
      if (content) zip.append(content, { name: `files/${rel}` });
    }
    const manifest: BackupManifest = { format: 'shuangkong-backup', version: 1, createdAt: now.toISOString(), dialect: db.dialect, migrations, tables, files: files.length };
    zip.append(JSON.stringify(manifest, null, 2), { name: 'manifest.json' });
    await zip.finalize();
    await written;
    await fs.rename(partial, target);
    return manifest;
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

async function readManifest(directory: unzipper.CentralDirectory): Promise<BackupManifest> {
  const entry = directory.files.find((f) => f.path === 'manifest.json');
  if (!entry) throw new Error('not a Shuangkong backup: manifest.json is missing');
  const manifest = JSON.parse((await entry.buffer()).toString('utf8')) as BackupManifest;
  if (manifest.format !== 'shuangkong-backup' || manifest.version !== 1) throw new Error('not a Shuangkong backup of a version this program reads');
  return manifest;
}

function safeRelative(rel: string): string {
  const normalised = path.posix.normalize(rel);
  if (normalised.startsWith('..') || path.posix.isAbsolute(normalised) || normalised.includes('\0')) throw new Error(`unsafe path in backup: ${rel}`);
  return normalised;
}

/** Empty as the first-run set-up means it: no enterprise and no login. */
async function isEmptyInstance(db: Db): Promise<boolean> {
  return (await countRows(db.kysely, 'enterprise')) === 0 && (await countRows(db.kysely, 'user')) === 0;
}

async function restoreFiles(directory: unzipper.CentralDirectory, dataDir: string): Promise<number> {
  const store = fileStoreOf(dataDir);
  let count = 0;
  for (const entry of directory.files) {
    if (entry.type !== 'File' || !entry.path.startsWith('files/')) continue;
    const rel = safeRelative(entry.path.slice('files/'.length));
    const [enterpriseId, baseName, ...rest] = rel.split('/');
    if (!enterpriseId || !baseName || rest.length) throw new Error(`unexpected file in backup: ${rel}`);
    await store.save(enterpriseId, baseName, await entry.buffer());
    count++;
  }
  return count;
}

/**
 * Restores `file` into an empty instance (`databaseUrl`, `dataDir`): SQLite — the database file
 * must not exist yet or hold no enterprise and no login (stop the server first); PostgreSQL — an
 * empty database (created by `createdb`). Returns the backup's manifest.
 */
export async function restoreBackup(file: string, target: { databaseUrl: string; dataDir: string }): Promise<BackupManifest> {
  const directory = await loadUnzipper().Open.file(path.resolve(file));
  const manifest = await readManifest(directory);
  const dialect = dialectOf(target.databaseUrl);
  if (dialect !== manifest.dialect) throw new Error(`this is a ${manifest.dialect} backup; restore it onto ${manifest.dialect} (DATABASE_URL)`);
  if (dialect === 'sqlite') {
    const dbFile = target.databaseUrl.replace(/^file:/, '').replace(/^sqlite:/, '');
    try {
      await fs.access(dbFile);
      const existing = createDb(target.databaseUrl, { sqliteSynchronous: 'NORMAL' });
      try {
        await migrateToLatest(existing.kysely);
        if (!(await isEmptyInstance(existing))) throw new Error(`${dbFile} already holds data; restore into an empty instance (stop the server, move the file away)`);
      } finally {
        await existing.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const entry = directory.files.find((f) => f.path === 'database.sqlite');
    if (!entry) throw new Error('the backup holds no database.sqlite');
    await fs.mkdir(path.dirname(path.resolve(dbFile)), { recursive: true });
    const partial = `${dbFile}.restoring`;
    await pipeline(entry.stream(), createWriteStream(partial));
    for (const suffix of ['-wal', '-shm']) await fs.rm(`${dbFile}${suffix}`, { force: true });
    await fs.rename(partial, dbFile);
    const restored = createDb(target.databaseUrl);
    try {
      await migrateToLatest(restored.kysely);
    } finally {
      await restored.close();
    }
  } else {
    const db = createDb(target.databaseUrl);
    try {
      const unknown = manifest.migrations.filter((m) => !knownMigrations().includes(m));
      if (unknown.length) throw new Error(`The backup was made by a newer version (migrations ${unknown.join(', ')}).`);
      await migrateOnly(db.kysely, manifest.migrations);
      if (!(await isEmptyInstance(db))) throw new Error('the target database already holds data; restore into an empty database (createdb)');
      await restorePostgresRows(db, directory, manifest);
      await migrateToLatest(db.kysely);
    } finally {
      await db.close();
    }
  }
  await restoreFiles(directory, target.dataDir);
  return manifest;
}

/** All rows in one transaction, foreign keys checked at its end (so the order of tables and rows does not matter). */
async function restorePostgresRows(db: Db, directory: unzipper.CentralDirectory, manifest: BackupManifest): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const { rows: fks } = await sql<{ table_name: string; name: string }>`
      select conrelid::regclass::text as table_name, conname as name from pg_constraint
      where contype = 'f' and connamespace = current_schema()::regnamespace`.execute(trx);
    for (const fk of fks) await sql`alter table ${sql.table(fk.table_name)} alter constraint ${sql.id(fk.name)} deferrable initially deferred`.execute(trx);
    await sql`set constraints all deferred`.execute(trx);
    for (const table of Object.keys(manifest.tables)) {
      // Rows a migration created (a system login, say) make way for the backup's own.
      await sql`delete from ${sql.table(table)}`.execute(trx);
      const entry = directory.files.find((f) => f.path === `tables/${table}.jsonl`);
      if (!entry) throw new Error(`the backup lacks tables/${table}.jsonl`);
      const lines = (await entry.buffer()).toString('utf8').split('\n').filter(Boolean);
      for (let i = 0; i < lines.length; i += 500) {
        const rows = lines.slice(i, i + 500).map((l) => JSON.parse(l) as Record<string, unknown>);
        await trx.insertInto(table as keyof Database).values(rows as never).execute();
      }
    }
    await sql`set constraints all immediate`.execute(trx);
    for (const fk of fks) await sql`alter table ${sql.table(fk.table_name)} alter constraint ${sql.id(fk.name)} not deferrable`.execute(trx);
  });
}

/** The backup file name of a day, and the ones to delete: older than `retentionDays`. */
export function backupFileName(at: Date): string {
  return `shuangkong-${at.toISOString().slice(0, 10)}.zip`;
}

export async function pruneBackups(dir: string, retentionDays: number, now: Date): Promise<string[]> {
  const cutoff = now.getTime() - retentionDays * 24 * 60 * 60 * 1000;
  const removed: string[] = [];
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const m = /^shuangkong-(\d{4}-\d{2}-\d{2})\.zip$/.exec(name);
    if (!m || Date.parse(`${m[1]}T00:00:00Z`) >= cutoff) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed.sort();
}

/**
 * The nightly backup as a scheduler job (checked hourly): from `hour` (UTC) on, today's backup is
 * written once into `dir`, and backups older than `retentionDays` are deleted.
 */
export function scheduledBackupJob(db: Db, options: { dataDir: string; dir: string; retentionDays: number; hourUtc: number; now: () => Date }) {
  return {
    name: 'nightly-backup',
    everyMs: 60 * 60 * 1000,
    run: async () => {
      const now = options.now();
      if (now.getUTCHours() < options.hourUtc) return null;
      const file = path.join(options.dir, backupFileName(now));
      const exists = await fs.access(file).then(
        () => true,
        () => false,
      );
      if (!exists) await createBackup(db, options.dataDir, file, now);
      return { file, removed: await pruneBackups(options.dir, options.retentionDays, now) };
    },
  };
}
