/* Issue 10 §7: backup → restore into an empty instance → every table and every file equal, on the
 * database the suite runs on (SQLite: online backup API; PostgreSQL: logical export of the tables). */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.js';
import { createDb, type Db } from '../../db/create-db.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createScratchDb, type ScratchDb } from '../../test/scratch-db.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { ManualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { readFile, saveFile } from '../files/file-store.js';
import { createBackup, productTables, pruneBackups, restoreBackup, scheduledBackupJob } from './backup.service.js';

async function tableContents(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await productTables(db)) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely)).rows;
    out[table] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))).sort();
  }
  return out;
}

describe.skipIf(!isDbAvailable())('backup and restore', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-backup-test-'));
  const sourceDir = path.join(work, 'source');
  const targetDir = path.join(work, 'target');
  let source: ScratchDb;
  let target: ScratchDb | null = null;
  let enterpriseId: string;
  const photo = randomBytes(70_000);

  beforeAll(async () => {
    source = await createTestDb();
    const deps: AppDeps = { db: source.db.kysely, dialect: source.db.dialect, clock: new ManualClock(), config: { ...loadConfig({ DATA_DIR: sourceDir }) } };
    enterpriseId = (await createEnterpriseWithUsers(deps, 'bak', ['principal', 'safety_manager', 'worker'])).enterpriseId;
    await saveFile(sourceDir, enterpriseId, 'photo-1.jpg', photo);
    await saveFile(sourceDir, enterpriseId, 'floor-plan.png', Buffer.from('plan'));
  });
  afterAll(async () => {
    await source.drop();
    await target?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('restores every table and every uploaded file into an empty instance, and refuses a non-empty one', async () => {
    const file = path.join(work, 'backups', 'b.zip');
    const manifest = await createBackup(source.db, sourceDir, file);
    expect(manifest).toMatchObject({ format: 'shuangkong-backup', dialect: testDialect(), files: 2 });
    expect(manifest.tables.enterprise).toBe(1);
    expect(manifest.tables.user).toBe(3);
    expect(manifest.migrations.length).toBeGreaterThan(10);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    let targetUrl: string;
    if (testDialect() === 'postgres') {
      // An empty database, as `createdb` leaves it (the restore creates the schema).
      target = await createScratchDb('postgres', 'sk_restore');
      targetUrl = target.url;
    } else {
      targetUrl = `file:${path.join(targetDir, 'shuangkong.sqlite')}`;
    }
    await restoreBackup(file, { databaseUrl: targetUrl, dataDir: targetDir });

    const restored = target?.db ?? createDb(targetUrl);
    try {
      const before = await tableContents(source.db);
      const after = await tableContents(restored);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      expect(after.enterprise).toHaveLength(1);
    } finally {
      if (!target) await restored.close();
    }
    expect((await readFile(targetDir, `${enterpriseId}/photo-1.jpg`))?.equals(photo)).toBe(true);
    expect((await readFile(targetDir, `${enterpriseId}/floor-plan.png`))?.toString()).toBe('plan');

    // Restoring again over the restored data is refused: a restore never merges into live records.
    await expect(restoreBackup(file, { databaseUrl: targetUrl, dataDir: targetDir })).rejects.toThrow(/already holds data/);
    // A backup of the other database kind is refused by name.
    const otherUrl = testDialect() === 'postgres' ? `file:${path.join(work, 'x.sqlite')}` : 'postgres://nobody@127.0.0.1:1/none';
    await expect(restoreBackup(file, { databaseUrl: otherUrl, dataDir: path.join(work, 'x') })).rejects.toThrow(/backup; restore it onto/);
  });

  it('writes the nightly backup once a day from the set hour and keeps only the retention days', async () => {
    const dir = path.join(work, 'nightly');
    fs.mkdirSync(dir, { recursive: true });
    for (const day of ['2026-11-01', '2026-11-20', '2026-11-29']) fs.writeFileSync(path.join(dir, `shuangkong-${day}.zip`), 'old');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'kept');
    let now = new Date('2026-12-01T01:30:00Z');
    const job = scheduledBackupJob(source.db, { dataDir: sourceDir, dir, retentionDays: 7, hourUtc: 2, now: () => now });
    expect(await job.run()).toBeNull(); // before the hour
    now = new Date('2026-12-01T02:10:00Z');
    const result = await job.run();
    expect(result?.removed).toEqual(['shuangkong-2026-11-01.zip', 'shuangkong-2026-11-20.zip']);
    const written = path.join(dir, 'shuangkong-2026-12-01.zip');
    const firstTime = fs.statSync(written).mtimeMs;
    now = new Date('2026-12-01T03:10:00Z');
    await job.run(); // once a day
    expect(fs.statSync(written).mtimeMs).toBe(firstTime);
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'shuangkong-2026-11-29.zip', 'shuangkong-2026-12-01.zip']);
    expect(await pruneBackups(path.join(work, 'missing'), 7, now)).toEqual([]);
  });
});
