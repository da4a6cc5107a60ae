/* Issue 10 §8: an enterprise's whole data as one archive — its ledgers (.xlsx), every record (JSON)
 * and its files; nothing of another enterprise, no password or token hash. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import unzipper from 'unzipper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('per-enterprise export', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-export-'));
  let t: TestApp;
  let safety: string;
  let worker: string;
  let enterpriseId: string;
  let otherEnterpriseId: string;
  let hazardId: string;
  let photoId: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, dataDir });
    const a = await createEnterpriseWithUsers(t.deps, 'exa', ['safety_manager', 'worker']);
    const b = await createEnterpriseWithUsers(t.deps, 'exb', ['safety_manager']);
    enterpriseId = a.enterpriseId;
    otherEnterpriseId = b.enterpriseId;
    safety = await t.login(a.usernames.safety_manager as string);
    worker = await t.login(a.usernames.worker as string);
    const other = await t.login(b.usernames.safety_manager as string);
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } }).jpeg().toBuffer();
    const photo = await t.request(safety, 'POST', '/api/v1/attachments', jpeg, { 'content-type': 'image/jpeg' });
    expect(photo.statusCode, photo.body).toBe(201);
    photoId = photo.json().id;
    const hazard = await t.request(safety, 'POST', '/api/v1/hazards', { description: '配电箱门未关 导出', clientId: '01a2070b-0000-7000-8000-00000000e001', photoIds: [photoId] });
    expect(hazard.statusCode, hazard.body).toBe(201);
    hazardId = hazard.json().id;
    await t.request(other, 'POST', '/api/v1/hazards', { description: '别家的隐患', clientId: '01a2070b-0000-7000-8000-00000000e002' });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the safety manager one .zip with the ledgers, every record and the files, and only its own', async () => {
    const res = await t.request(safety, 'GET', '/api/v1/enterprises/current/export.zip');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const zip = await unzipper.Open.buffer(res.rawPayload);
    const names = zip.files.map((f) => f.path);
    const read = async (name: string) => {
      const entry = zip.files.find((f) => f.path === name);
      if (!entry) throw new Error(`${name} missing; entries: ${names.join(', ')}`);
      return entry.buffer();
    };
    const manifest = JSON.parse((await read('manifest.json')).toString());
    expect(manifest).toMatchObject({ format: 'shuangkong-enterprise-export', enterpriseId, files: 1 });
    expect(manifest.ledgers).toEqual(expect.arrayContaining(['隐患台账.xlsx', '风险管控与隐患排查清单.xlsx']));

    const ledger = new ExcelJS.Workbook();
    await ledger.xlsx.load((await read('ledgers/隐患台账.xlsx')) as never);
    const cells = ledger.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells.some((c) => c.includes('配电箱门未关 导出'))).toBe(true);
    expect(cells.some((c) => c.includes('别家的隐患'))).toBe(false);

    const hazards = JSON.parse((await read('records/hazard.json')).toString());
    expect(hazards.map((h: { id: string }) => h.id)).toEqual([hazardId]);
    expect(JSON.parse((await read('records/enterprise.json')).toString())[0].id).toBe(enterpriseId);
    const audit = JSON.parse((await read('records/audit_log.json')).toString());
    expect(audit.length).toBeGreaterThan(0);
    const users = JSON.parse((await read('records/user.json')).toString());
    expect(users).toHaveLength(2);
    // Nothing of the other enterprise, no secret anywhere.
    for (const entry of zip.files.filter((f) => f.path.startsWith('records/'))) {
      const text = (await entry.buffer()).toString();
      expect(text, entry.path).not.toContain(otherEnterpriseId);
      expect(text, entry.path).not.toMatch(/password_hash|pin_hash|token_hash|\$argon2/);
    }
    const attachment = JSON.parse((await read('records/attachment.json')).toString())[0];
    const photoFile = names.find((n) => n.startsWith('files/'));
    expect(photoFile).toBe(`files/${path.posix.basename(attachment.path)}`);
    expect((await sharp(await read(photoFile as string)).metadata()).format).toBe('jpeg');

    const logged = (await t.request(safety, 'GET', `/api/v1/audit-log?entityId=${enterpriseId}`)).json().items;
    expect(logged.some((e: { action: string }) => e.action === 'export')).toBe(true);
  });

  it('is for the principal and the safety manager only', async () => {
    expect((await t.request(worker, 'GET', '/api/v1/enterprises/current/export.zip')).statusCode).toBe(403);
    expect((await t.request(null, 'GET', '/api/v1/enterprises/current/export.zip')).statusCode).toBe(401);
  });
});
