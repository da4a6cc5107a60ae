import { defineConfig } from 'vitest/config';

// One runner for everything. `npm test` (scripts/test.mjs) runs the projects in turn:
// unit (pure code), int on SQLite, int on PostgreSQL, and e2e in Chromium.
// unit, int and e2e files share their worker's module cache (isolate: false): each int file imports the
// whole server, and re-importing it per file cost more than the tests themselves (import 186 s →
// 26 s for unit + int-sqlite). Every int file builds its own app on its own scratch database, so
// no state is shared but the modules' code; module-level registries must stay idempotent.
export default defineConfig({
  test: {
    // Two files at a time even on a 2-core machine (Vitest's default there is one): an int file on
    // PostgreSQL spends much of its time waiting on the database server.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          isolate: false,
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int-sqlite',
          isolate: false,
          include: ['src/**/*.int.test.ts'],
          // A file of one database's cases only is named *.postgres.int.test.ts or *.sqlite.int.test.ts
          // and runs in that database's project (a file with no case would fail the other's).
          exclude: ['src/**/*.postgres.int.test.ts', 'node_modules/**'],
          globalSetup: ['src/server/test/pg-global-setup.ts'],
          env: { TEST_DB: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'int-postgres',
          isolate: false,
          include: ['src/**/*.int.test.ts'],
          exclude: ['src/**/*.sqlite.int.test.ts', 'node_modules/**'],
          globalSetup: ['src/server/test/pg-global-setup.ts'],
          env: { TEST_DB: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          isolate: false,
          // The journeys run one file at a time, after the unit and int files (which run two at a time).
          sequence: { groupOrder: 1 },
          include: ['e2e/**/*.spec.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
