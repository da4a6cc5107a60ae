import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('safety signs (seed 001 第十一条, /api/v1/safety-signs)', () => {
  let t: TestApp;
  let w: World;
  let b: World;
  let sm: string;
  const overview = async () => (await t.request(sm, 'GET', '/api/v1/safety-sign-overview')).json();
  const sign = (over: Record<string, unknown> = {}) => ({ areaId: w.areaId, category: 'prohibition', signCode: 'no-fire', name: '禁止烟火', location: '喷漆房门口', quantity: 2, installedOn: '2026-11-20', ...over });
  const item = async (id: string) => (await t.request(sm, 'GET', `/api/v1/inspection-items/${id}`)).json();

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000, sessionAbsoluteHours: 1000 });
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    w = await hazardWorld(t, 'sgn');
    b = await hazardWorld(t, 'sgnb');
    sm = w.cookies.safety_manager;
    // A 较大 risk placed in the area (LEC 6×6×7 = 252).
    const risk = await t.request(sm, 'POST', '/api/v1/risks', {
      postId: w.postId, objectKind: 'activity', objectName: '喷漆作业', areaId: w.areaId, hazardFactorCodes: ['2101'], accidentTypeCodes: ['03'], causes: '漆雾遇明火',
      evaluation: { method: 'LEC', L: 6, E: 6, C: 7 },
      measures: [{ type: 'engineering', phase: 'during', text: '通风设施运行', inspection: { content: '检查通风设施', method: 'look', period: 'shift', responsibleIsPostHolders: true } }],
    });
    expect(risk.statusCode, risk.body).toBe(201);
    expect(risk.json().level).toBe('significant');
  });
  afterAll(() => t.close());

  it('flags the 较大 area with no sign; a 禁止 sign does not clear it; the first sign needs a checking post', async () => {
    expect((await overview()).gaps).toEqual([{ kind: 'area', id: w.areaId, name: 'sgn 机加工区', level: 'significant' }]);
    const noPost = await t.request(sm, 'POST', '/api/v1/safety-signs', sign());
    expect(noPost.statusCode).toBe(400);
    expect(noPost.json().errors[0].path).toBe('checkPostId');
    expect(await count(t, 'safety_sign', 'enterprise_id', w.enterpriseId)).toBe(0);
    // The post works in the area: it becomes the checking post by default.
    expect((await t.request(sm, 'PATCH', `/api/v1/posts/${w.postId}`, { areaIds: [w.areaId] })).statusCode).toBe(200);
    const res = await t.request(sm, 'POST', '/api/v1/safety-signs', sign());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ areaName: 'sgn 机加工区', category: 'prohibition', name: '禁止烟火', quantity: 2, installedOn: '2026-11-20' });
    const o = await overview();
    expect(o.gaps.map((g: { id: string }) => g.id)).toEqual([w.areaId]);
    expect(o.checks).toHaveLength(1);
    expect(o.checks[0]).toMatchObject({ postId: w.postId, isPublished: false, hasUnpublishedChanges: true });
    const check = await item(o.checks[0].inspectionItemId);
    expect(check).toMatchObject({ postId: w.postId, period: 'month', method: 'look', responsibleIsPostHolders: true, publishedAt: null });
    expect(check.content).toBe('安全警示标志检查（sgn 机加工区）：禁止烟火×2齐全、清晰、完好，位置醒目无遮挡（GB 2894）');
  });

  it('a 警告 sign clears the flag; the check item names every sign and, once published, a new sign is a draft until published again', async () => {
    const warn = await t.request(sm, 'POST', '/api/v1/safety-signs', sign({ category: 'warning', signCode: 'caution-fire', name: '当心火灾', quantity: 1, location: '喷漆房内墙' }));
    expect(warn.statusCode, warn.body).toBe(201);
    let o = await overview();
    expect(o.gaps).toEqual([]);
    const itemId = o.checks[0].inspectionItemId;
    expect((await item(itemId)).content).toContain('禁止烟火×2、当心火灾×1');
    const pub = await t.request(sm, 'POST', `/api/v1/posts/${w.postId}/inspection-list/publish`);
    expect(pub.statusCode, pub.body).toBe(201);
    expect((await overview()).checks[0]).toMatchObject({ isPublished: true, hasUnpublishedChanges: false });
    await t.request(sm, 'POST', '/api/v1/safety-signs', sign({ category: 'mandatory', signCode: 'wear-gas-mask', name: '必须戴防毒面具', quantity: 1 }));
    o = await overview();
    expect(o.checks[0]).toMatchObject({ inspectionItemId: itemId, isPublished: true, hasUnpublishedChanges: true });
    expect(o.checks[0].itemContent).toContain('必须戴防毒面具×1');
    const list = (await t.request(sm, 'GET', `/api/v1/posts/${w.postId}/inspection-list`)).json();
    expect(list.hasDraft).toBe(true);
  });

  it('refuses a code of another category, foreign equipment or photo, writers other than managers, and keeps tenancy', async () => {
    const mismatch = await t.request(sm, 'POST', '/api/v1/safety-signs', sign({ category: 'warning', signCode: 'no-fire' }));
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].path).toBe('category');
    const foreignEq = (await t.request(b.cookies.safety_manager, 'POST', '/api/v1/equipment', { name: '他厂喷枪' })).json().id as string;
    const eq = await t.request(sm, 'POST', '/api/v1/safety-signs', sign({ equipmentId: foreignEq }));
    expect(eq.statusCode).toBe(400);
    expect(eq.json().errors[0].path).toBe('equipmentId');
    const photo = await t.request(sm, 'POST', '/api/v1/safety-signs', sign({ photoId: '01a2070b-0000-7000-8000-000000000000' }));
    expect(photo.statusCode).toBe(400);
    expect(photo.json().errors[0].path).toBe('photoId');
    expect((await t.request(w.cookies.worker, 'POST', '/api/v1/safety-signs', sign())).statusCode).toBe(403);
    expect((await t.request(b.cookies.safety_manager, 'POST', '/api/v1/safety-signs', sign())).json().errors[0].path).toBe('areaId');
    const mine = (await t.request(sm, 'GET', `/api/v1/safety-signs?areaId=${w.areaId}`)).json().items;
    expect(mine).toHaveLength(3);
    expect((await t.request(b.cookies.safety_manager, 'GET', '/api/v1/safety-signs')).json().items).toEqual([]);
    expect((await t.request(b.cookies.safety_manager, 'PATCH', `/api/v1/safety-signs/${mine[0].id}`, { quantity: 3 })).statusCode).toBe(404);
    expect((await t.request(b.cookies.safety_manager, 'POST', `/api/v1/safety-signs/${mine[0].id}/archive`)).statusCode).toBe(404);
  });

  it('flags 较大+ equipment without a warning sign on it; a sign on the equipment clears it and counts for its area', async () => {
    const eqId = (await t.request(sm, 'POST', '/api/v1/equipment', { name: '喷漆机器人', areaId: w.areaId })).json().id as string;
    const risk = await t.request(sm, 'POST', '/api/v1/risks', {
      postId: w.postId, objectKind: 'equipment', objectName: '喷漆机器人', objectId: eqId, hazardFactorCodes: ['2101'], accidentTypeCodes: ['03'], causes: '夹伤',
      evaluation: { method: 'LEC', L: 10, E: 6, C: 7 },
      measures: [{ type: 'engineering', phase: 'during', text: '安全光栅', inspection: { content: '检查光栅', method: 'look', period: 'shift', responsibleIsPostHolders: true } }],
    });
    expect(risk.json().level).toBe('major');
    expect((await overview()).gaps).toEqual([{ kind: 'equipment', id: eqId, name: '喷漆机器人', level: 'major' }]);
    const onEq = await t.request(sm, 'POST', '/api/v1/safety-signs', { equipmentId: eqId, category: 'warning', signCode: 'caution-machinery', name: '当心机械伤人', location: '机器人围栏', quantity: 1 });
    expect(onEq.statusCode, onEq.body).toBe(201);
    expect(onEq.json()).toMatchObject({ areaId: w.areaId, equipmentId: eqId, equipmentName: '喷漆机器人' });
    expect((await overview()).gaps).toEqual([]);
  });

  it('taking signs down brings the flag back; the last one archives the check item', async () => {
    const all = (await t.request(sm, 'GET', `/api/v1/safety-signs?areaId=${w.areaId}`)).json().items as { id: string; category: string; equipmentId: string | null }[];
    const itemId = (await overview()).checks[0].inspectionItemId;
    for (const s of all.filter((x) => x.category === 'warning')) expect((await t.request(sm, 'POST', `/api/v1/safety-signs/${s.id}/archive`)).statusCode).toBe(200);
    expect((await overview()).gaps.map((g: { kind: string }) => g.kind).sort()).toEqual(['area', 'equipment']);
    for (const s of all.filter((x) => x.category !== 'warning')) await t.request(sm, 'POST', `/api/v1/safety-signs/${s.id}/archive`);
    expect((await overview()).checks).toEqual([]);
    expect(await item(itemId)).toMatchObject({ isActive: false });
    const kept = (await t.request(sm, 'GET', `/api/v1/safety-signs?areaId=${w.areaId}&includeArchived=true`)).json().items;
    expect(kept).toHaveLength(4);
    expect(kept.every((s: { archivedAt: string | null }) => s.archivedAt)).toBe(true);
  });
});
