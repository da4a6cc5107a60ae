import type { Kysely } from 'kysely';
import type { Database } from './db/database.js';
import type { Dialect } from './db/create-db.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';

/** What every service needs, built once in main.ts (or by a test) and handed to app.ts. */
export interface AppDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  config: Config;
}
