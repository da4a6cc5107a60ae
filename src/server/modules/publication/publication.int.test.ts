import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { createAcceptedRisk, makePng } from './publication.factory.js';

const measure = (type: string, phase: string | null, text: string) => ({
  type,
  phase,
  text,
  inspection: { content: `检查：${text}`, method: 'look', period: 'day' },
});

describe.skipIf(!isDbAvailable())('publication (seed 001 Art. 11)', () => {
  let t: TestApp;
  let cookie: string;
  let worker: string;
  let cookieB: string;
  let enterpriseId: string;
  let postId: string;
  let areaId: string;
  let quietAreaId: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-pub-'));

  const post = async (c: string, url: string, body: object) => {
    const res = await t.request(c, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, dataDir });
    const a = await createEnterpriseWithUsers(t.deps, 'pub', ['safety_manager', 'worker']);
    const b = await createEnterpriseWithUsers(t.deps, 'pubb', ['safety_manager']);
    enterpriseId = a.enterpriseId;
    cookie = await t.login(a.usernames.safety_manager as string);
    worker = await t.login(a.usernames.worker as string);
    cookieB = await t.login(b.usernames.safety_manager as string);
    postId = await post(cookie, '/api/v1/posts', { name: '冲压工', kind: 'operation', headcount: 3, mainEquipment: 'J23-40 冲床' });
    areaId = await post(cookie, '/api/v1/areas', { name: '冲压车间' });
    quietAreaId = await post(cookie, '/api/v1/areas', { name: '成品库' });
    const personId = await post(cookie, '/api/v1/people', { name: '王班长', postIds: [postId] });
    await createAcceptedRisk(t.deps, enterpriseId, {
      postId,
      areaId,
      name: '冲床冲压作业',
      lec: [3, 6, 15], // D = 270: 较大
      accidentTypeCodes: ['03', '01'],
      responsiblePersonId: personId,
      measures: [
        measure('engineering', 'during', '双手按钮和光电保护装置完好'),
        measure('ppe', 'before', '穿戴防护手套和安全鞋'),
        measure('administrative', 'after', '停机断电后清理废料'),
        measure('emergency', null, '发生伤害立即停机、按急停并报告班长'),
      ],
    });
    await createAcceptedRisk(t.deps, enterpriseId, { postId, areaId: quietAreaId, name: '搬运成品', lec: [3, 6, 7], accidentTypeCodes: ['20'] });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('risk card', () => {
    it('shows the post, its highest level and colour, accident types with consequences, hazard factors, grouped measures and emergency', async () => {
      t.clock.advanceMinutes(5);
      const phone = await t.request(cookie, 'PUT', '/api/v1/publication-settings', { emergencyPhone: '0531-88886666' });
      expect(phone.statusCode, phone.body).toBe(200);
      const actions = await t.request(cookie, 'PUT', `/api/v1/posts/${postId}/emergency-actions`, { emergencyActions: '手指被夹：立即停机\n拨打 120' });
      expect(actions.statusCode, actions.body).toBe(200);

      const res = await t.request(worker, 'GET', `/api/v1/posts/${postId}/risk-card`);
      expect(res.statusCode, res.body).toBe(200);
      const card = res.json();
      expect(card.post).toMatchObject({ id: postId, name: '冲压工', kind: 'operation', headcount: 3, mainEquipment: 'J23-40 冲床' });
      expect(card.level).toBe('significant');
      expect(card.colour).toBe('orange');
      expect(card.accidentTypes.map((a: { code: string }) => a.code)).toEqual(['01', '03', '20']);
      expect(card.accidentTypes[1].label['zh-CN']).toBe('机械伤害');
      expect(card.accidentTypes[1].consequences['zh-CN']).toContain('断指');
      expect(card.hazardFactors).toEqual([{ code: '1', label: { 'zh-CN': '人的因素', 'en-US': 'Human factors' } }]);
      expect(card.measureGroups.map((g: { by: string; key: string }) => `${g.by}:${g.key}`)).toEqual(['phase:before', 'phase:during', 'phase:after']);
      expect(card.measureGroups[1].items[0].text).toBe('双手按钮和光电保护装置完好');
      expect(card.emergency.actions).toEqual(['手指被夹：立即停机', '拨打 120', '发生伤害立即停机、按急停并报告班长']);
      expect(card.emergency.phones).toEqual([
        { kind: 'fire', number: '119' },
        { kind: 'ambulance', number: '120' },
        { kind: 'enterprise', number: '0531-88886666' },
      ]);
      expect(card.version).toBe(t.clock.now().toISOString());
    });

    it('writes the emergency changes to the audit log', async () => {
      const entries = (await t.request(cookie, 'GET', `/api/v1/audit-log?entityId=${postId}`)).json().items;
      expect(entries.map((e: { action: string }) => e.action)).toContain('update_emergency_actions');
    });

    it("answers 404 for another enterprise's post and 409 ARCHIVED for an archived post", async () => {
      const other = await t.request(cookieB, 'GET', `/api/v1/posts/${postId}/risk-card`);
      expect(other.statusCode).toBe(404);
      const otherWrite = await t.request(cookieB, 'PUT', `/api/v1/posts/${postId}/emergency-actions`, { emergencyActions: 'x' });
      expect(otherWrite.statusCode).toBe(404);
      const gone = await post(cookie, '/api/v1/posts', { name: '已撤销岗位', kind: 'operation' });
      expect((await t.request(cookie, 'POST', `/api/v1/posts/${gone}/archive`)).statusCode).toBeLessThan(300);
      const res = await t.request(cookie, 'GET', `/api/v1/posts/${gone}/risk-card`);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('ARCHIVED');
      expect(res.json().detail).toContain('岗位');
    });

    it('lets workers read the card but not change what it prints', async () => {
      const res = await t.request(worker, 'PUT', `/api/v1/posts/${postId}/emergency-actions`, { emergencyActions: 'x' });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('notice board', () => {
    it('is given for an area holding a 较大 risk, with measures, people and phones', async () => {
      const res = await t.request(cookie, 'GET', `/api/v1/areas/${areaId}/notice-board`);
      expect(res.statusCode, res.body).toBe(200);
      const board = res.json();
      expect(board.area.name).toBe('冲压车间');
      expect(board.level).toBe('significant');
      expect(board.colour).toBe('orange');
      expect(board.risks).toHaveLength(1);
      expect(board.risks[0]).toMatchObject({ postName: '冲压工', objectName: '冲床冲压作业', level: 'significant', responsiblePerson: '王班长' });
      expect(board.risks[0].keyMeasures[0]).toBe('双手按钮和光电保护装置完好');
      expect(board.responsiblePeople).toEqual(['王班长']);
      expect(board.emergency.phones.map((p: { number: string }) => p.number)).toContain('119');
    });

    it('is refused for an area below 较大, saying no board is required', async () => {
      const res = await t.request(cookie, 'GET', `/api/v1/areas/${quietAreaId}/notice-board`, undefined, { 'accept-language': 'en' });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('NOTICE_BOARD_NOT_REQUIRED');
      expect(res.json().detail).toMatch(/no notice board is required/);
      const zh = await t.request(cookie, 'GET', `/api/v1/areas/${quietAreaId}/notice-board`);
      expect(zh.json().detail).toContain('无需设置风险公告栏');
    });

    it("answers 404 for another enterprise's area", async () => {
      expect((await t.request(cookieB, 'GET', `/api/v1/areas/${areaId}/notice-board`)).statusCode).toBe(404);
    });
  });

  describe('four-colour map', () => {
    it('refuses bad polygons naming points, and a worker', async () => {
      const cases: unknown[] = [
        {},
        { points: [[0.1, 0.1], [0.5, 0.5]] },
        { points: [[0.1, 0.1], [1.5, 0.5], [0.2, 0.9]] },
        { points: [[0.1, 0.1], [0.2, 0.2], [0.3, 0.3]] },
        { points: 'abc' },
      ];
      for (const body of cases) {
        const res = await t.request(cookie, 'PUT', `/api/v1/areas/${areaId}/map-polygon`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().errors.map((e: { path: string }) => e.path.split('.')[0])).toContain('points');
      }
      expect((await t.request(worker, 'PUT', `/api/v1/areas/${areaId}/map-polygon`, { points: [[0, 0], [1, 0], [1, 1]] })).statusCode).toBe(403);
      expect((await t.request(cookieB, 'PUT', `/api/v1/areas/${areaId}/map-polygon`, { points: [[0, 0], [1, 0], [1, 1]] })).statusCode).toBe(404);
    });

    it('stores a polygon with an audit entry and colours areas by their highest live, accepted risk', async () => {
      const points = [[0.05, 0.1], [0.45, 0.1], [0.45, 0.6], [0.05, 0.6]];
      const res = await t.request(cookie, 'PUT', `/api/v1/areas/${areaId}/map-polygon`, { points });
      expect(res.statusCode, res.body).toBe(200);
      const entries = (await t.request(cookie, 'GET', `/api/v1/audit-log?entityId=${areaId}`)).json().items;
      expect(entries[0]).toMatchObject({ action: 'set_map_polygon', after: { points } });
      const map = (await t.request(worker, 'GET', '/api/v1/risk-map')).json();
      const byName = Object.fromEntries(map.areas.map((a: { name: string }) => [a.name, a]));
      expect(byName['冲压车间']).toMatchObject({ level: 'significant', colour: 'orange', points, riskCount: 1 });
      expect(byName['成品库']).toMatchObject({ level: 'general', colour: 'yellow', points: null });
      expect(map.floorPlan).toBeNull();
      const otherMap = (await t.request(cookieB, 'GET', '/api/v1/risk-map')).json();
      expect(otherMap.areas).toEqual([]);
    });

    it('refuses a floor plan that is not an image (415 for the type, 400 for the bytes) or too large (413)', async () => {
      const upload = (body: Buffer | string, type: string, c = cookie) =>
        t.app.inject({ method: 'POST', url: '/api/v1/risk-map/floor-plan', payload: body, headers: { cookie: c, 'content-type': type } });
      const text = await upload('hello', 'text/plain');
      expect(text.statusCode).toBe(415);
      expect(text.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const fake = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
      expect(fake.statusCode).toBe(400);
      expect(fake.json().code).toBe('NOT_AN_IMAGE');
      // Issue 10 §5: a right header on truncated or garbled pixels is not an image either.
      const whole = makePng(400, 240);
      const truncated = await upload(whole.subarray(0, Math.floor(whole.length / 2)), 'image/png');
      expect([truncated.statusCode, truncated.json().code]).toEqual([400, 'NOT_AN_IMAGE']);
      const garbled = await upload(Buffer.concat([whole.subarray(0, 33), Buffer.alloc(4000, 7)]), 'image/png');
      expect([garbled.statusCode, garbled.json().code]).toEqual([400, 'NOT_AN_IMAGE']);
      const mislabelled = await upload(makePng(20, 10), 'image/jpeg');
      expect(mislabelled.statusCode).toBe(400);
      const big = Buffer.concat([makePng(20, 10), Buffer.alloc(5 * 1024 * 1024)]);
      const tooLarge = await upload(big, 'image/png');
      expect(tooLarge.statusCode).toBe(413);
      expect((await upload(makePng(20, 10), 'image/png', worker)).statusCode).toBe(403);
      expect((await t.request(cookie, 'GET', '/api/v1/risk-map/floor-plan')).statusCode).toBe(404);
    });

    it('stores a real PNG on disk, serves it back and records its size and hash', async () => {
      const png = makePng(400, 240);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/risk-map/floor-plan', payload: png, headers: { cookie, 'content-type': 'image/png' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ mime: 'image/png', width: 400, height: 240, byteSize: png.length });
      expect(fs.readdirSync(path.join(dataDir, 'files', enterpriseId))).toHaveLength(1);
      const image = await t.request(worker, 'GET', '/api/v1/risk-map/floor-plan');
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.rawPayload.equals(png)).toBe(true);
      expect((await t.request(cookieB, 'GET', '/api/v1/risk-map/floor-plan')).statusCode).toBe(404);
      // Replacing keeps one file on disk.
      t.clock.advanceMinutes(1);
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/risk-map/floor-plan', payload: makePng(300, 200), headers: { cookie, 'content-type': 'image/png' } });
      expect(again.statusCode).toBe(201);
      expect(fs.readdirSync(path.join(dataDir, 'files', enterpriseId))).toHaveLength(1);
      const map = (await t.request(cookie, 'GET', '/api/v1/risk-map')).json();
      expect(map.floorPlan).toMatchObject({ width: 300, height: 200 });
      const audit = (await t.request(cookie, 'GET', `/api/v1/audit-log?entity=floor_plan`)).json().items;
      expect(audit.map((e: { action: string }) => e.action)).toEqual(['replace', 'upload']);
    });
  });
});
