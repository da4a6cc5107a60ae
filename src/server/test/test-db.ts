import { knownMigrations, migrateOnly, migrateToLatest } from '../db/migrate.js';
import { createScratchDb, type ScratchDb } from './scratch-db.js';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

/** A fresh, migrated database of the project's dialect: a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDb(): Promise<ScratchDb> {
  const scratch = await createScratchDb(testDialect(), 'sk_test');
  await migrateToLatest(scratch.db.kysely);
  return scratch;
}

/**
 * A fresh database of the project's dialect migrated up to, not including, the named migration (every
 * migration whose name sorts before it, as Kysely orders them): a test inserts the rows an installation
 * had then, and `migrateToLatest` runs the named one and the rest over them — a migration's backfill tested with data.
 */
export async function createTestDbBefore(migration: string): Promise<ScratchDb> {
  if (!knownMigrations().includes(migration)) throw new Error(`No migration named ${migration}`);
  const scratch = await createScratchDb(testDialect(), 'sk_test');
  await migrateOnly(scratch.db.kysely, knownMigrations().filter((name) => name < migration));
  return scratch;
}

/**
 * Cases that exist on one database only (SQLite's synchronous mode, PostgreSQL's advisory locks):
 * registered in that database's project and absent from the other's, so neither lists them as skipped.
 * `onDialect('postgres', describe)('…', () => { … })`. A file whose every case is one database's is named
 * `*.postgres.int.test.ts` / `*.sqlite.int.test.ts` so the other project does not load it (vitest.config.ts).
 */
export function onDialect<T extends (...args: never[]) => unknown>(dialect: TestDialect, register: T): T {
  return (testDialect() === dialect ? register : () => undefined) as T;
}
