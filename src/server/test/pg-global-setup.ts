import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { adminDatabaseUrl } from './scratch-db.js';


/** The PostgreSQL project runs only when the server answers; under CI it must answer. */
export default async function setup(project: TestProject): Promise<void> {
  if (project.name !== 'int-postgres') {
    project.provide('pgAvailable', false);
    return;
  }
  const client = new pg.Client({ connectionString: adminDatabaseUrl, connectionTimeoutMillis: 3000 });
  let isAvailable = false;
  try {
    await client.connect();
    await client.query('select 1');
    isAvailable = true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL is required under CI=true but ${adminDatabaseUrl} did not answer: ${String(error)}`);
    }
    console.log(`[int-postgres] SKIPPED: PostgreSQL at ${adminDatabaseUrl} is not reachable (${String(error)})`);
  } finally {
    await client.end().catch(() => undefined);
  }
  project.provide('pgAvailable', isAvailable);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAvailable: boolean;
  }
}
