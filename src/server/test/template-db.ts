/* The migrated template every test database is copied from (createTestDb): the ~77 migrations run once
 * per dialect and set of migrations, not once per test file (2.2 s a database on PostgreSQL, 0.26 s on SQLite).
 * PostgreSQL: a database `sk_tpl_<hash>` that no one connects to once built, copied by
 * `CREATE DATABASE … TEMPLATE`. SQLite: a file `sk-tpl-<hash>.sqlite` in the temp directory, copied.
 * The hash covers the migrations' names and source (and the files they import), so an edited or added
 * migration builds a new template and a stale one is never used. */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb } from '../db/create-db.js';
import { knownMigrations, migrateToLatest } from '../db/migrate.js';

const migrationsDir = fileURLToPath(new URL('../db/migrations/', import.meta.url));

/** Names, then the source of every migration file and of the files it imports by a relative path. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  hash.update(knownMigrations().join('\n'));
  const files = new Set<string>();
  for (const name of fs.readdirSync(migrationsDir).sort()) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    const file = path.join(migrationsDir, name);
    files.add(file);
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      files.add(path.resolve(migrationsDir, (spec as string).replace(/\.js$/, '.ts')));
    }
  }
  for (const file of [...files].sort()) {
    hash.update(`\n--- ${path.relative(migrationsDir, file)}\n`);
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : 'missing');
  }
  return hash.digest('hex').slice(0, 16);
}

let hashOnce: string | undefined;
const currentHash = () => (hashOnce ??= migrationsHash());

// ---------------------------------------------------------------- PostgreSQL

/** One advisory lock for every template build on the server: builders of any hash take turns. */
const buildLock = 0x736b_7470; // 'sktp'
/** Templates of other migration sets kept (concurrent runs of other branches copy from theirs). */
const keptTemplates = 4;

export const pgTemplateName = () => `sk_tpl_${currentHash()}`;

/** One connection to `url` for `work`, closed after it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function waitForNoBackends(client: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Builds the template if it is missing, under the advisory lock: into a database of its own, renamed to
 * the template's name only once migrated and closed, so a copy never sees a half-migrated template and no
 * connection stays open on it. Leftovers of a crashed build and the oldest templates of other hashes go.
 */
export async function ensurePgTemplate(adminUrl: string): Promise<string> {
  const name = pgTemplateName();
  await withClient(adminUrl, async (client) => {
    await client.query('select pg_advisory_lock($1)', [buildLock]);
    try {
      const { rows } = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (rows.length) return;
      const leftovers = await client.query(`select datname from pg_database where datname like 'sk\\_tpb\\_%'`);
      for (const row of leftovers.rows) await client.query(`drop database if exists ${row.datname} with (force)`);
      const building = `sk_tpb_${currentHash()}_${randomBytes(4).toString('hex')}`;
      await client.query(`create database ${building}`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      const db = createDb(url.toString(), { poolSize: 1 });
      try {
        await migrateToLatest(db.kysely);
      } finally {
        await db.close();
      }
      await waitForNoBackends(client, building);
      await client.query(`alter database ${building} rename to ${name}`);
      // Nothing may connect to it again: CREATE DATABASE … TEMPLATE refuses a template in use.
      await client.query(`alter database ${name} allow_connections false`);
      const old = await client.query(
        `select datname from pg_database where datname like 'sk\\_tpl\\_%' and datname <> $1 order by oid desc offset $2`,
        [name, keptTemplates - 1],
      );
      for (const row of old.rows) await client.query(`drop database if exists ${row.datname}`);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [buildLock]);
    }
  });
  return name;
}

let pgTemplate: Promise<string> | undefined;

/**
 * `CREATE DATABASE <name> TEMPLATE <the template>`, building the template first if this process has not
 * made sure of it. A template dropped meanwhile (by a run of another branch) is rebuilt; a copy refused
 * because another session is briefly on the template is retried.
 */
export async function createPgFromTemplate(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    pgTemplate ??= ensurePgTemplate(adminUrl).catch((error: unknown) => {
      pgTemplate = undefined;
      throw error;
    });
    const template = await pgTemplate;
    try {
      await withClient(adminUrl, (c) => c.query(`create database ${name} template ${template}`));
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 20 || (code !== '3D000' && code !== '55006')) throw error;
      if (code === '3D000') pgTemplate = undefined;
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
}

// ---------------------------------------------------------------- SQLite

const sqliteTemplateFile = () => path.join(os.tmpdir(), `sk-tpl-${currentHash()}.sqlite`);

/**
 * The template file, built if missing: migrated in a file of its own, closed (SQLite checkpoints the WAL
 * into the file and removes it when the last connection closes), then renamed into place — atomic, so
 * two workers racing both end with a whole template. Templates of other hashes a day old are removed.
 */
export async function ensureSqliteTemplate(): Promise<string> {
  const file = sqliteTemplateFile();
  if (fs.existsSync(file)) return file;
  const building = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const db = createDb(`file:${building}`, { sqliteSynchronous: 'NORMAL' });
  try {
    await migrateToLatest(db.kysely);
    db.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await db.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${building}${suffix}`, { force: true });
  fs.renameSync(building, file);
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    const other = path.join(os.tmpdir(), name);
    if (!/^sk-tpl-[0-9a-f]{16}\.sqlite/.test(name) || other === file) continue;
    try {
      if (fs.statSync(other).mtimeMs < dayAgo) fs.rmSync(other, { force: true });
    } catch {
      // Removed by another worker meanwhile.
    }
  }
  return file;
}

let sqliteTemplate: Promise<string> | undefined;

/** Copies the template to `target` (a file no connection has opened yet), rebuilding a template removed meanwhile. */
export async function copySqliteTemplate(target: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    sqliteTemplate ??= ensureSqliteTemplate().catch((error: unknown) => {
      sqliteTemplate = undefined;
      throw error;
    });
    const template = await sqliteTemplate;
    try {
      fs.copyFileSync(template, target);
      // Its age decides when other hashes' runs may remove it: a template in use stays young.
      fs.utimesSync(template, new Date(), new Date());
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3 || !fs.existsSync(path.dirname(target))) throw error;
      sqliteTemplate = undefined;
    }
  }
}
