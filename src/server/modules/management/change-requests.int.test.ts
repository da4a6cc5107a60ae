import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('change management: a change request flags the risks it touches', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  let equipmentId: string;
  let riskOfEquipment: string;
  let riskElsewhere: string;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'cr');
    other = await hazardWorld(t, 'crx');
    const sm = w.cookies.safety_manager;
    equipmentId = (await t.request(sm, 'POST', '/api/v1/equipment', { name: '空压机', areaId: w.areaId })).json().id;
    const risk = (objectName: string, objectId: string | null) => ({
      postId: w.postId, objectKind: 'equipment', objectName, objectId, hazardFactorCodes: ['2101'], accidentTypeCodes: ['03'], causes: '防护缺失',
      evaluation: { method: 'LEC', L: 3, E: 6, C: 7 }, measures: [{ type: 'engineering', phase: 'during', text: '防护罩', inspection: { content: '防护罩完好', method: 'look', period: 'shift', responsibleIsPostHolders: true } }],
    });
    const a = await t.request(sm, 'POST', '/api/v1/risks', risk('空压机', equipmentId));
    expect(a.statusCode, a.body).toBe(201);
    riskOfEquipment = a.json().id;
    riskElsewhere = (await t.request(sm, 'POST', '/api/v1/risks', risk('车床', null))).json().id;
  });
  afterAll(() => t.close());

  it('lists the risks before the review, flags them at the review, and walks approval, implementation and close', async () => {
    const sm = w.cookies.safety_manager;
    const created = await t.request(sm, 'POST', '/api/v1/change-requests', { name: '空压机更换为螺杆式', kind: 'equipment', equipmentId, requestedByPersonId: w.people.dept_head, plannedOn: '2026-12-10' });
    expect(created.statusCode, created.body).toBe(201);
    const cr = created.json();
    expect(cr).toMatchObject({ status: 'requested', touchedRisks: [{ id: riskOfEquipment, isFlaggedByThisChange: false, reviewReason: null }] });

    // No approval before the risk review.
    const early = await t.request(w.cookies.principal, 'POST', `/api/v1/change-requests/${cr.id}/approve`, { note: '同意' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('风险评审');

    const reviewed = await t.request(sm, 'POST', `/api/v1/change-requests/${cr.id}/review`, { note: '需重新辨识空压机风险' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ status: 'reviewed', reviewNotes: '需重新辨识空压机风险', touchedRisks: [{ id: riskOfEquipment, isFlaggedByThisChange: true, reviewReason: '变更管理：空压机更换为螺杆式' }] });
    // The risk register shows the flag; the risk the change does not touch is not flagged.
    expect((await t.request(sm, 'GET', `/api/v1/risks/${riskOfEquipment}`)).json().reviewReason).toBe('变更管理：空压机更换为螺杆式');
    expect((await t.request(sm, 'GET', `/api/v1/risks/${riskElsewhere}`)).json().reviewReason).toBeNull();
    // The content is frozen after the review.
    expect((await t.request(sm, 'PATCH', `/api/v1/change-requests/${cr.id}`, { name: '改' })).statusCode).toBe(409);

    expect((await t.request(w.cookies.worker, 'POST', `/api/v1/change-requests/${cr.id}/approve`, {})).statusCode).toBe(403);
    expect((await t.request(w.cookies.principal, 'POST', `/api/v1/change-requests/${cr.id}/approve`, { note: '同意' })).json().status).toBe('approved');
    expect((await t.request(sm, 'POST', `/api/v1/change-requests/${cr.id}/close`, {})).statusCode).toBe(409);
    expect((await t.request(sm, 'POST', `/api/v1/change-requests/${cr.id}/implement`, {})).json().status).toBe('implemented');
    const closed = await t.request(sm, 'POST', `/api/v1/change-requests/${cr.id}/close`, { note: '已验收' });
    expect(closed.json()).toMatchObject({ status: 'closed', closeNote: '已验收' });

    const log = (await t.request(sm, 'GET', `/api/v1/audit-log?entity=change_request`)).json().items as { action: string; entityId: string }[];
    expect(log.filter((l) => l.entityId === cr.id).map((l) => l.action).sort()).toEqual(['approve', 'close', 'create', 'implement', 'review']);
    const riskLog = (await t.request(sm, 'GET', `/api/v1/audit-log?entity=risk`)).json().items as { action: string; entityId: string }[];
    expect(riskLog.some((l) => l.action === 'flag_for_review' && l.entityId === riskOfEquipment)).toBe(true);
  });

  it('keeps enterprises apart and names a foreign reference', async () => {
    const sm = w.cookies.safety_manager;
    const foreign = await t.request(sm, 'POST', '/api/v1/change-requests', { name: '借用', kind: 'site', postId: other.postId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('postId');
    const bad = await t.request(sm, 'POST', '/api/v1/change-requests', { name: '乱填', kind: 'weather' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('kind');
    const mine = (await t.request(sm, 'GET', '/api/v1/change-requests')).json().items as { id: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/change-requests')).json().items).toEqual([]);
    expect((await t.request(other.cookies.safety_manager, 'POST', `/api/v1/change-requests/${mine[0]!.id}/review`, {})).statusCode).toBe(404);
  });
});
