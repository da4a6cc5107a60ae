import { knownMigrations, migrateOnly } from '../db/migrate.js';
import { inject } from 'vitest';
import { createScratchDb, type ScratchDb } from './scratch-db.js';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * A fresh, migrated database of the project's dialect: a temp SQLite file, or a new PostgreSQL database —
 * a copy of the template the migrations built once for the run (template-db.ts), not migrated anew:
 * 0.1 s instead of 2.2 s on PostgreSQL.
 */
export async function createTestDb(): Promise<ScratchDb> {
  return createScratchDb(testDialect(), testDbPrefix(), 5, { migrated: true, dropLater: true });
}

/**
 * `sk_test_r<pid of the Vitest run>`: the run's global teardown drops those of its databases a worker
 * left to drop in the background and did not (pg-global-setup.ts).
 */
export function testDbPrefix(): string {
  const run = inject('testRun') as number | undefined;
  return run ? `sk_test_r${run}` : 'sk_test';
}

/**
 * A fresh database of the project's dialect migrated up to, not including, the named migration (every
 * migration whose name sorts before it, as Kysely orders them): a test inserts the rows an installation
 * had then, and `migrateToLatest` runs the named one and the rest over them — a migration's backfill tested with data.
 */
export async function createTestDbBefore(migration: string): Promise<ScratchDb> {
  if (!knownMigrations().includes(migration)) throw new Error(`No migration named ${migration}`);
  const scratch = await createScratchDb(testDialect(), testDbPrefix(), 5, { dropLater: true });
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
