/* The demo-seeded database a journey's server starts on, seeded once and copied per journey: migrating
 * and seeding took 4–5 s a journey (the migrations at the product's synchronous=FULL); a file copy takes
 * milliseconds. Each journey still gets its own database. The demo's dates are relative to now, so the
 * template is seeded in this run, and again when the day changed (UTC or the demo enterprise's
 * Asia/Shanghai) or it is ten minutes old, so a journey sees the demo as if seeded just before it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../src/server/db/create-db.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { systemClock } from '../../src/server/platform/clock.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { copySqliteTemplate } from '../../src/server/test/template-db.js';
import { demoEnterpriseDay } from './date-field.js';

const maxAgeMs = 10 * 60_000;

interface SeededTemplate {
  file: string;
  seededAt: number;
  days: string;
}

let seeded: Promise<SeededTemplate> | undefined;

const daysNow = () => `${new Date().toISOString().slice(0, 10)}/${demoEnterpriseDay()}`;

/** A Vitest worker may end without 'exit': templates of earlier runs an hour old go. */
function removeStaleTemplates(): void {
  const hourAgo = Date.now() - 3600_000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith('shuangkong-e2e-demo-')) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      if (fs.statSync(dir).mtimeMs < hourAgo) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed meanwhile.
    }
  }
}

async function seedTemplate(password: string): Promise<SeededTemplate> {
  removeStaleTemplates();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuangkong-e2e-demo-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'demo.sqlite');
  const days = daysNow();
  const seededAt = Date.now();
  await copySqliteTemplate(file);
  // Throw-away while seeding; the journey's server opens its copy with the product's FULL.
  const db = createDb(`file:${file}`, { sqliteSynchronous: 'NORMAL' });
  try {
    const config = loadConfig({ ...process.env, DATA_DIR: dir });
    await seedDemo({ db: db.kysely, dialect: db.dialect, clock: systemClock, config }, password);
    // Closing the last connection checkpoints the WAL into the file: the copy is the whole database.
    db.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await db.close();
  }
  return { file, seededAt, days };
}

/** Copies the demo-seeded database (the migrated one when `isDemoSeeded` is false) to `target`. */
export async function copyDemoDatabase(target: string, isDemoSeeded: boolean, password: string): Promise<void> {
  if (!isDemoSeeded) return copySqliteTemplate(target);
  let template = seeded ? await seeded.catch(() => undefined) : undefined;
  if (!template || template.days !== daysNow() || Date.now() - template.seededAt > maxAgeMs) {
    if (template) fs.rmSync(path.dirname(template.file), { recursive: true, force: true });
    seeded = seedTemplate(password);
    template = await seeded;
  }
  fs.copyFileSync(template.file, target);
}
