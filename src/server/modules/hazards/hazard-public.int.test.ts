import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { clientId, fivePlan, hazardWorld, type World } from './hazard-test-setup.js';

const unknownId = '01a2070b-0000-7000-8000-000000000000';
const png = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } }).png().toBuffer();

describe.skipIf(!isDbAvailable())('reporting a hazard without an account', () => {
  let t: TestApp;
  let w: World;
  let other: { enterpriseId: string; cookie: string };
  let address = 0;
  // Each test comes from its own client address: the per-address rate limit stays out of the way.
  const from = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;
  const inject = (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}, remoteAddress = from()) =>
    t.app.inject({ method, url, remoteAddress, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const uploadAnon = async (enterpriseId = w.enterpriseId, query = '', ip?: string) =>
    inject('POST', `/api/v1/public/enterprises/${enterpriseId}/attachments${query}`, await png(), { 'content-type': 'image/png' }, ip);
  const reportAnon = (body: object, enterpriseId = w.enterpriseId, ip?: string) =>
    inject('POST', `/api/v1/public/enterprises/${enterpriseId}/hazard-reports`, { description: '配电箱门敞开', postId: w.postId, clientId: clientId('anon'), ...body }, {}, ip);
  const setAllowed = async (isAllowed: boolean) => {
    const res = await t.request(w.cookies.safety_manager, 'PUT', '/api/v1/notification-settings', { allowAnonymousReports: isAllowed });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sk-anon-')) });
    w = await hazardWorld(t, 'pub');
    const b = await createEnterpriseWithUsers(t.deps, 'pubb', ['safety_manager']);
    other = { enterpriseId: b.enterpriseId, cookie: await t.login(b.usernames.safety_manager as string) };
  });
  afterAll(() => t.close());

  describe('GET /api/v1/public/posts/:id/report-info', () => {
    it("names the post and its enterprise and says whether anonymous reports are taken — nothing else", async () => {
      const res = await inject('GET', `/api/v1/public/posts/${w.postId}/report-info`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ enterpriseId: w.enterpriseId, enterpriseName: expect.any(String), postName: 'pub 车床工', isAnonymousAllowed: true });
      await setAllowed(false);
      expect((await inject('GET', `/api/v1/public/posts/${w.postId}/report-info`)).json().isAnonymousAllowed).toBe(false);
      await setAllowed(true);
    });

    it('answers 404 for an unknown post id', async () => {
      const res = await inject('GET', `/api/v1/public/posts/${unknownId}/report-info`);
      expect(res.statusCode).toBe(404);
    });
  });

  describe('POST /api/v1/public/enterprises/:id/attachments and hazard-reports', () => {
    it('takes one photo, stamped 匿名上报, and a report naming it, which waits for confirmation', async () => {
      const photo = await uploadAnon(w.enterpriseId, `?postId=${w.postId}`);
      expect(photo.statusCode, photo.body).toBe(201);
      expect(photo.json().stampedText).toContain('匿名上报');
      expect(photo.json().stampedText).toContain('pub 车床工');
      const res = await reportAnon({ photoIds: [photo.json().id], reporterName: '外包 李四', reporterPhone: '13800138000' });
      expect(res.statusCode, res.body).toBe(201);
      const h = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards/${res.json().id}`)).json();
      expect(h).toMatchObject({ source: 'anonymous', status: 'reported', reporterUserId: null, photoIds: [photo.json().id], reporterName: '外包 李四 13800138000' });
      const image = await t.request(w.cookies.safety_manager, 'GET', `/api/v1/attachments/${photo.json().id}`);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toContain('image/jpeg');
    });

    it('stores an anonymous photo once when the page sends it again under its client key (issue 8 §9)', async () => {
      const key = `?postId=${w.postId}&clientKey=${clientId('photo')}`;
      const [a, b] = [await uploadAnon(w.enterpriseId, key), await uploadAnon(w.enterpriseId, key)];
      expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
      expect(b.json().id).toBe(a.json().id);
      // A member cannot take over the key of an anonymous photo.
      const member = await t.request(w.cookies.worker, 'POST', `/api/v1/attachments${key}`, await png(), { 'content-type': 'image/png' });
      expect(member.statusCode).toBe(409);
    });

    it("refuses a member's photo, another enterprise's photo, a photo older than an hour, and two photos", async () => {
      const member = await t.request(w.cookies.worker, 'POST', '/api/v1/attachments', await png(), { 'content-type': 'image/png' });
      expect(member.statusCode, member.body).toBe(201);
      const foreign = await uploadAnon(other.enterpriseId);
      expect(foreign.statusCode, foreign.body).toBe(201);
      for (const id of [member.json().id, foreign.json().id]) {
        const res = await reportAnon({ photoIds: [id] });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().errors[0].path).toBe('photoIds');
      }
      const old = await uploadAnon();
      const fresh = await uploadAnon();
      // Sent 61 minutes ago (moving the clock would end the test's sessions).
      const hourAgo = new Date(t.clock.now().getTime() - 61 * 60_000).toISOString();
      await t.deps.db.updateTable('attachment').set({ created_at: hourAgo }).where('id', '=', old.json().id).execute();
      const late = await reportAnon({ photoIds: [old.json().id] });
      expect(late.statusCode, late.body).toBe(400);
      const two = await reportAnon({ photoIds: [old.json().id, fresh.json().id] });
      expect(two.statusCode).toBe(400);
      expect(two.json().errors[0].path).toBe('photoIds');
    });

    it('answers 404 to the photo and the report while the enterprise has switched anonymous reports off, and for an unknown enterprise', async () => {
      await setAllowed(false);
      try {
        expect((await uploadAnon()).statusCode).toBe(404);
        expect((await reportAnon({})).statusCode).toBe(404);
      } finally {
        await setAllowed(true);
      }
      expect((await uploadAnon(unknownId)).statusCode).toBe(404);
      expect((await reportAnon({}, unknownId)).statusCode).toBe(404);
    });

    it('checks the photo like a member upload: its bytes must be the image type declared', async () => {
      const res = await inject('POST', `/api/v1/public/enterprises/${w.enterpriseId}/attachments`, Buffer.from('GIF89a not a png at all'), { 'content-type': 'image/png' });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.json().code).toBe('NOT_AN_IMAGE');
    });

    it('limits each client address to 10 photos and 10 reports a minute', async () => {
      const ip = '10.9.9.9';
      for (let i = 0; i < 10; i++) expect((await reportAnon({}, w.enterpriseId, ip)).statusCode).toBe(201);
      const limited = await reportAnon({}, w.enterpriseId, ip);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('RATE_LIMITED');
      const photoIp = '10.9.9.10';
      for (let i = 0; i < 10; i++) expect((await uploadAnon(w.enterpriseId, '', photoIp)).statusCode).toBe(201);
      expect((await uploadAnon(w.enterpriseId, '', photoIp)).statusCode).toBe(429);
      // Another address is not held back.
      expect((await reportAnon({})).statusCode).toBe(201);
    });
  });

  describe('POST /api/v1/attachments?capturedAt', () => {
    const upload = async (capturedAt?: Date) =>
      t.request(w.cookies.worker, 'POST', `/api/v1/attachments${capturedAt ? `?capturedAt=${encodeURIComponent(capturedAt.toISOString())}` : ''}`, await png(), {
        'content-type': 'image/png',
      });

    it('stamps the capture and the upload time when they are more than 2 minutes apart, and keeps the capture time', async () => {
      const now = t.clock.now().getTime();
      const res = await upload(new Date(now - 30 * 60_000));
      expect(res.statusCode, res.body).toBe(201);
      const lines = res.json().stampedText.split('\n');
      expect(lines[0]).toMatch(/^拍摄 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(lines[1]).toMatch(/^上传 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Asia\/Shanghai\)$/);
      expect(res.json().capturedAt).toBe(new Date(now - 30 * 60_000).toISOString());
      const row = await t.deps.db.selectFrom('attachment').select(['captured_at', 'is_anonymous']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
      expect(row).toEqual({ captured_at: new Date(now - 30 * 60_000).toISOString(), is_anonymous: 0 });
    });

    it('stamps one time when capture and upload are close, and none is needed', async () => {
      const close = await upload(new Date(t.clock.now().getTime() - 60_000));
      expect(close.json().stampedText).not.toContain('拍摄');
      expect(close.json().capturedAt).not.toBeNull();
      const none = await upload();
      expect(none.statusCode).toBe(201);
      expect(none.json().capturedAt).toBeNull();
    });

    it('allows 5 minutes of clock skew and refuses a capture time further in the future', async () => {
      const now = t.clock.now().getTime();
      expect((await upload(new Date(now + 4 * 60_000))).statusCode).toBe(201);
      const future = await upload(new Date(now + 10 * 60_000));
      expect(future.statusCode).toBe(400);
      expect(future.json().errors[0].path).toBe('capturedAt');
      const garbage = await t.request(w.cookies.worker, 'POST', '/api/v1/attachments?capturedAt=yesterday', await png(), { 'content-type': 'image/png' });
      expect(garbage.statusCode).toBe(400);
      expect(garbage.json().errors[0].path).toBe('capturedAt');
    });
  });

  describe('GET /api/v1/hazards: reportedByMe and what a worker sees', () => {
    const report = async (cookie: string, extra: object) => {
      const res = await t.request(cookie, 'POST', '/api/v1/hazards', { description: '可见性测试', clientId: clientId('vis'), ...extra });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const ids = async (cookie: string, query = '') => {
      const res = await t.request(cookie, 'GET', `/api/v1/hazards?q=${encodeURIComponent('可见性测试')}&limit=200${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((h: { id: string }) => h.id) as string[];
    };

    it("shows a worker what they reported, what they own, and their post's hazards — not the rest; others see everything", async () => {
      const mine = await report(w.cookies.worker, { areaId: w.areaId });
      const onMyPost = await report(w.cookies.team_leader, { postId: w.postId });
      const elsewhere = await report(w.cookies.safety_manager, { areaId: w.areaId });
      const owned = await report(w.cookies.safety_manager, { areaId: w.areaId });
      expect((await t.request(w.cookies.safety_manager, 'POST', `/api/v1/hazards/${owned}/confirm`, { grade: 'general' })).statusCode).toBe(200);
      const deadline = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString();
      const planned = await t.request(w.cookies.safety_manager, 'POST', `/api/v1/hazards/${owned}/rectification-plan`, fivePlan(w.people.worker, deadline));
      expect(planned.statusCode, planned.body).toBe(200);

      const seen = await ids(w.cookies.worker);
      expect(seen).toEqual(expect.arrayContaining([mine, onMyPost, owned]));
      expect(seen).not.toContain(elsewhere);
      expect((await t.request(w.cookies.worker, 'GET', `/api/v1/hazards/${elsewhere}`)).statusCode).toBe(404);
      expect((await t.request(w.cookies.worker, 'GET', `/api/v1/hazards/${owned}`)).statusCode).toBe(200);
      for (const role of ['dept_head', 'team_leader', 'safety_manager'] as const) {
        expect(await ids(w.cookies[role]), role).toEqual(expect.arrayContaining([mine, onMyPost, elsewhere, owned]));
      }
    });

    it('reportedByMe=true lists only the caller’s own reports, for any role', async () => {
      const byWorker = await report(w.cookies.worker, { postId: w.postId });
      const byManager = await report(w.cookies.safety_manager, { postId: w.postId });
      const workerMine = await ids(w.cookies.worker, '&reportedByMe=true');
      expect(workerMine).toContain(byWorker);
      expect(workerMine).not.toContain(byManager);
      const workerItems = (await t.request(w.cookies.worker, 'GET', '/api/v1/hazards?reportedByMe=true&limit=200')).json().items;
      const workerUserId = workerItems[0].reporterUserId;
      expect(workerItems.every((h: { reporterUserId: string }) => h.reporterUserId === workerUserId)).toBe(true);
      const managerMine = await ids(w.cookies.safety_manager, '&reportedByMe=true');
      expect(managerMine).toContain(byManager);
      expect(managerMine).not.toContain(byWorker);
      expect((await t.request(w.cookies.worker, 'GET', '/api/v1/hazards?reportedByMe=maybe')).statusCode).toBe(400);
    });
  });
});
