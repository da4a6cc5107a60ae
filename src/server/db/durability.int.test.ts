/* Issue 10 §6: an acknowledged write (inspection record, sign-off, hazard event) survives power
 * loss, not only a killed process: SQLite syncs its WAL at every commit (synchronous=FULL), and the
 * PostgreSQL the product runs on keeps its durable defaults. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { createTestDb, onDialect } from '../test/test-db.js';
import { isDbAvailable } from '../test/test-app.js';
import { createDb, durabilityOf } from './create-db.js';

describe.skipIf(!isDbAvailable())('durable commits', () => {
  onDialect('sqlite', it)('opens SQLite with synchronous=FULL unless the operator chooses NORMAL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-durable-'));
    try {
      const config = loadConfig({ DATA_DIR: dir });
      expect(config.sqliteSynchronous).toBe('FULL');
      const db = createDb(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
      const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db.kysely);
      expect(rows[0]?.synchronous).toBe(2); // FULL
      expect(await durabilityOf(db)).toEqual({ settings: { synchronous: 'FULL', journal_mode: 'wal' }, isDurable: true });
      await db.close();
      // The default of createDb itself is FULL too (the CLI, e2e and any other caller).
      const plain = createDb(`file:${path.join(dir, 'plain.sqlite')}`);
      expect((await durabilityOf(plain)).isDurable).toBe(true);
      await plain.close();
      const normal = loadConfig({ DATA_DIR: dir, SQLITE_SYNCHRONOUS: 'normal' });
      expect(normal.sqliteSynchronous).toBe('NORMAL');
      expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(/FULL or NORMAL/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  onDialect('postgres', it)("reads PostgreSQL's durability settings: fsync, synchronous_commit and full_page_writes on", async () => {
    const { db, drop } = await createTestDb();
    try {
      const durability = await durabilityOf(db);
      expect(durability.settings).toMatchObject({ fsync: 'on', full_page_writes: 'on' });
      expect(['on', 'remote_write', 'remote_apply']).toContain(durability.settings.synchronous_commit);
      expect(durability.isDurable).toBe(true);
    } finally {
      await drop();
    }
  });
});
