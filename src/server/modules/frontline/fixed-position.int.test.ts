import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('定置管理 (/api/v1/areas/:id/fixed-position-plan)', () => {
  let t: TestApp;
  let w: World;
  let b: World;
  const plan = () => `/api/v1/areas/${w.areaId}/fixed-position-plan`;
  const positions = [
    { label: '1号灭火器', kind: 'extinguisher', x: 0.2, y: 0.3 },
    { label: '氧气瓶存放点', kind: 'cylinder', x: 0.6, y: 0.4 },
  ];

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000, sessionAbsoluteHours: 1000 });
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    w = await hazardWorld(t, 'fp');
    b = await hazardWorld(t, 'fpb');
  });
  afterAll(() => t.close());

  it('is empty until saved; saving marks the positions and gives the checking post a weekly 定置检查 item', async () => {
    expect((await t.request(w.cookies.worker, 'GET', plan())).json()).toMatchObject({ id: null, revision: 0, positions: [], hasFloorPlan: false });
    expect((await t.request(w.cookies.worker, 'PUT', plan(), { ruleText: '灭火器定点放置', postId: w.postId, positions, revision: 0 })).statusCode).toBe(403);
    const res = await t.request(w.cookies.safety_manager, 'PUT', plan(), { ruleText: '灭火器、气瓶定点放置，通道保持畅通', postId: w.postId, positions, revision: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ revision: 1, postId: w.postId, positions });
    const item = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/inspection-items/${res.json().inspectionItemId}`)).json();
    expect(item).toMatchObject({ postId: w.postId, period: 'week' });
    expect(item.content).toContain('定置检查（fp 机加工区）');
  });

  it('refuses a stale save, a position off the plan, a foreign post; another enterprise sees nothing', async () => {
    expect((await t.request(w.cookies.safety_manager, 'PUT', plan(), { ruleText: 'x', postId: w.postId, positions, revision: 0 })).statusCode).toBe(409);
    const off = await t.request(w.cookies.safety_manager, 'PUT', plan(), { ruleText: 'x', postId: w.postId, positions: [{ label: 'a', kind: 'rack', x: 1.5, y: 0 }], revision: 1 });
    expect(off.statusCode).toBe(400);
    expect(off.json().errors[0].path).toBe('positions.0.x');
    const foreign = await t.request(w.cookies.safety_manager, 'PUT', plan(), { ruleText: 'x', postId: b.postId, positions, revision: 1 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('postId');
    expect((await t.request(b.cookies.safety_manager, 'GET', plan())).statusCode).toBe(404);
    expect((await t.request(b.cookies.safety_manager, 'PUT', plan(), { nonsense: 1 })).statusCode).toBe(404);
  });

  it('turns a deviation into a hazard of the area, once per client key', async () => {
    const body = { positionIndex: 1, note: '氧气瓶放在通道上', clientId: 'fp-deviation-0001' };
    const res = await t.request(w.cookies.worker, 'POST', `/api/v1/areas/${w.areaId}/fixed-position-deviations`, body);
    expect(res.statusCode, res.body).toBe(201);
    const hazard = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards/${res.json().hazardId}`)).json();
    expect(hazard).toMatchObject({ status: 'reported', areaId: w.areaId, postId: w.postId });
    expect(hazard.description).toBe('定置偏离（fp 机加工区 · 氧气瓶存放点）：氧气瓶放在通道上');
    const again = await t.request(w.cookies.worker, 'POST', `/api/v1/areas/${w.areaId}/fixed-position-deviations`, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().hazardId).toBe(res.json().hazardId);
    const missing = await t.request(w.cookies.worker, 'POST', `/api/v1/areas/${w.areaId}/fixed-position-deviations`, { ...body, positionIndex: 5, clientId: 'fp-deviation-0002' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('positionIndex');
    const noPlan = await t.request(b.cookies.worker, 'POST', `/api/v1/areas/${b.areaId}/fixed-position-deviations`, { ...body, clientId: 'fp-deviation-0003' });
    expect(noPlan.statusCode).toBe(409);
  });

  it('moves the check to another post: the old item is archived, the new post gets one', async () => {
    const post2 = (await t.request(w.cookies.safety_manager, 'POST', '/api/v1/posts', { name: 'fp 叉车工', kind: 'operation' })).json().id;
    const before = (await t.request(w.cookies.safety_manager, 'GET', plan())).json();
    const res = await t.request(w.cookies.safety_manager, 'PUT', plan(), { ruleText: before.ruleText, postId: post2, positions, revision: before.revision });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().inspectionItemId).not.toBe(before.inspectionItemId);
    expect((await t.request(w.cookies.safety_manager, 'GET', `/api/v1/inspection-items/${before.inspectionItemId}`)).json().archivedAt).not.toBeNull();
  });
});
