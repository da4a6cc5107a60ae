import { migrateToLatest } from '../db/migrate.js';
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
 * Cases that exist on one database only (SQLite's synchronous mode, PostgreSQL's advisory locks):
 * registered in that database's project and absent from the other's, so neither lists them as skipped.
 * `onDialect('postgres', describe)('…', () => { … })`. A file whose every case is one database's is named
 * `*.postgres.int.test.ts` / `*.sqlite.int.test.ts` so the other project does not load it (vitest.config.ts).
 */
export function onDialect<T extends (...args: never[]) => unknown>(dialect: TestDialect, register: T): T {
  return (testDialect() === dialect ? register : () => undefined) as T;
}
