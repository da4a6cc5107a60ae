#!/usr/bin/env node
/* shuangkong <command>: start | migrate | seed-demo | create-admin <username> <password> | backup <file> | restore <file> */
import { createDb } from '../server/db/create-db.js';
import { createBackup, restoreBackup } from '../server/platform/backup/backup.service.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { withTransaction } from '../server/db/with-transaction.js';
import { isDatabaseEmpty, seedDemo } from '../server/demo/seed-demo.js';
import { startServer } from '../server/main.js';
import { createUser } from '../server/modules/auth/auth.service.js';
import { systemClock } from '../server/platform/clock.js';
import { loadConfig } from '../server/platform/config.js';

async function withDb<T>(work: (deps: Parameters<typeof seedDemo>[0]) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = createDb(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
  try {
    await migrateToLatest(db.kysely);
    return await work({ db: db.kysely, dialect: db.dialect, clock: systemClock, config });
  } finally {
    await db.close();
  }
}

const [command = 'start', ...args] = process.argv.slice(2);
switch (command) {
  case 'start':
    await startServer();
    break;
  case 'migrate':
    await withDb(async () => console.log('Migrations applied.'));
    break;
  case 'seed-demo':
    await withDb(async (deps) => {
      if (!(await isDatabaseEmpty(deps))) {
        console.log('The database already has data; demo data is only created on an empty database.');
        return;
      }
      const demo = await seedDemo(deps, deps.config.demoPassword);
      console.log(`Demo logins: ${demo.usernames.join(', ')} — password: ${demo.password}`);
    });
    break;
  case 'create-admin': {
    const [username, password] = args;
    if (!username || !password || password.length < 8) {
      console.error('Usage: shuangkong create-admin <username> <password (8+ characters)>');
      process.exit(2);
    }
    await withDb((deps) => withTransaction(deps.db, (trx) => createUser(deps, trx, { username, displayName: username, password, isAdmin: true })));
    console.log(`Administrator ${username} created.`);
    break;
  }
  case 'backup': {
    const [file] = args;
    if (!file) {
      console.error('Usage: shuangkong backup <file.zip>');
      process.exit(2);
    }
    const config = loadConfig();
    const db = createDb(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
    try {
      await migrateToLatest(db.kysely);
      const manifest = await createBackup(db, config.dataDir, file);
      const rows = Object.values(manifest.tables).reduce((n, c) => n + c, 0);
      console.log(`Backup written to ${file}: ${manifest.dialect}, ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files} files.`);
    } finally {
      await db.close();
    }
    break;
  }
  case 'restore': {
    const [file] = args;
    if (!file) {
      console.error('Usage: shuangkong restore <file.zip>   (into an empty instance: stop the server; PostgreSQL: an empty database)');
      process.exit(2);
    }
    const config = loadConfig();
    try {
      const manifest = await restoreBackup(file, { databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      console.log(`Restored the backup of ${manifest.createdAt} (${manifest.dialect}, ${manifest.files} files).`);
    } catch (error) {
      console.error(`Restore refused: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    break;
  }
  default:
    console.error(`Unknown command "${command}". Commands: start, migrate, seed-demo, create-admin, backup, restore`);
    process.exit(2);
}
