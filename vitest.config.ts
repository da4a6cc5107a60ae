import { defineConfig } from 'vitest/config';

// One runner for everything. `npm test` (scripts/test.mjs) runs the projects in turn:
// unit (pure code), int on SQLite, int on PostgreSQL, and e2e in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int-sqlite',
          include: ['src/**/*.int.test.ts'],
          globalSetup: ['src/server/test/pg-global-setup.ts'],
          env: { TEST_DB: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'int-postgres',
          include: ['src/**/*.int.test.ts'],
          globalSetup: ['src/server/test/pg-global-setup.ts'],
          env: { TEST_DB: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
