import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';

type Due = { kind: string; title: string; status: string; dueAt: string; ownerPersonId: string | null };

describe.skipIf(!isDbAvailable())('special equipment inspections and health examinations fall due', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'oh');
    other = await hazardWorld(t, 'ohx');
  });
  afterAll(() => t.close());
  const due = async (cookie: string) => (await t.request(cookie, 'GET', '/api/v1/due-items?kind=ohs')).json().items as Due[];

  it('registers special equipment by category; its periodic inspection falls due and shows in the due items', async () => {
    const sm = w.cookies.safety_manager;
    const equipmentId = (await t.request(sm, 'POST', '/api/v1/equipment', { name: '1号叉车', isSpecial: true })).json().id;
    const forklift = await t.request(sm, 'POST', '/api/v1/special-equipment', { name: '1号叉车', equipmentId, category: '5000', registrationNo: '车11豫A0001', responsiblePersonId: w.people.dept_head });
    expect(forklift.statusCode, forklift.body).toBe(201);
    expect(forklift.json()).toMatchObject({ cycleMonths: 12, categoryLabel: '场（厂）内专用机动车辆（叉车等）', nextDueOn: null, dueState: 'none' });
    const id = forklift.json().id as string;
    // Clock: 2026-11-23. Inspected a year ago (pass): next due 2026-11-30 by the 12-month cycle.
    const ins = await t.request(sm, 'POST', `/api/v1/special-equipment/${id}/inspections`, { inspectedOn: '2025-11-30', agency: '市特检院', reportNo: 'JY-2025-001', result: 'pass' });
    expect(ins.statusCode, ins.body).toBe(201);
    expect(ins.json().nextDueOn).toBe('2026-11-30');
    expect((await t.request(sm, 'GET', `/api/v1/special-equipment/${id}`)).json()).toMatchObject({ nextDueOn: '2026-11-30', dueState: 'soon', lastInspection: { reportNo: 'JY-2025-001' } });
    // A crane whose last paper report said 2026-10-01: overdue.
    await t.request(sm, 'POST', '/api/v1/special-equipment', { name: '5t 行车', category: '4000', firstDueOn: '2026-10-01' });

    const items = (await due(sm)).filter((i) => i.kind === 'ohs.specialEquipmentInspection');
    expect(items.map((i) => [i.title, i.status])).toEqual([
      ['特种设备定期检验：5t 行车（起重机械）', 'overdue'],
      ['特种设备定期检验：1号叉车（场（厂）内专用机动车辆（叉车等））', 'due'],
    ]);
    expect(items[1]!.ownerPersonId).toBe(w.people.dept_head);
    // Inspected now with the report's date: the item moves beyond the window.
    await t.request(sm, 'POST', `/api/v1/special-equipment/${id}/inspections`, { inspectedOn: '2026-11-22', result: 'pass', nextDueOn: '2027-11-21' });
    expect((await due(sm)).filter((i) => i.kind === 'ohs.specialEquipmentInspection').map((i) => i.title)).toEqual(['特种设备定期检验：5t 行车（起重机械）']);
    expect((await t.request(sm, 'GET', `/api/v1/special-equipment/${id}/inspections`)).json().items.map((i: { inspectedOn: string }) => i.inspectedOn)).toEqual(['2026-11-22', '2025-11-30']);

    // Tenancy: B sees nothing and cannot record on A's item; unknown category is named.
    expect((await due(other.cookies.safety_manager)).filter((i) => i.kind === 'ohs.specialEquipmentInspection')).toEqual([]);
    expect((await t.request(other.cookies.safety_manager, 'POST', `/api/v1/special-equipment/${id}/inspections`, { inspectedOn: '2026-11-22', result: 'pass' })).statusCode).toBe(404);
    const bad = await t.request(sm, 'POST', '/api/v1/special-equipment', { name: '锅', category: '9999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('category');
    const log = (await t.request(sm, 'GET', '/api/v1/audit-log?entity=special_equipment_inspection')).json().items as { action: string }[];
    expect(log.filter((l) => l.action === 'create')).toHaveLength(2);
  });

  it('records health examinations; the next one falls due for the person and a newer record replaces it', async () => {
    const sm = w.cookies.safety_manager;
    const first = await t.request(sm, 'POST', '/api/v1/health-exams', { personId: w.people.worker, kind: 'periodic', examOn: '2025-11-25', institution: '市职业病防治院', result: 'normal' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ nextDueOn: '2026-11-25', isLatest: true, dueState: 'soon', personName: '操作工' });
    const leaving = await t.request(sm, 'POST', '/api/v1/health-exams', { personId: w.people.team_leader, kind: 'leaving', examOn: '2026-11-01', result: 'normal' });
    expect(leaving.json().nextDueOn).toBeNull();

    let exams = (await due(sm)).filter((i) => i.kind === 'ohs.healthExam');
    expect(exams).toEqual([expect.objectContaining({ ownerPersonId: w.people.worker, status: 'due', dueAt: '2026-11-25T15:59:59.999Z' })]);
    // The worker sees it among their own items.
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/due-items?kind=ohs&mine=true')).json().items.map((i: Due) => i.kind)).toContain('ohs.healthExam');

    const again = await t.request(sm, 'POST', '/api/v1/health-exams', { personId: w.people.worker, kind: 'periodic', examOn: '2026-11-23', result: 'recheck', findings: '听力下降，一个月后复查' });
    expect(again.json()).toMatchObject({ nextDueOn: '2026-12-23', isLatest: true });
    exams = (await due(sm)).filter((i) => i.kind === 'ohs.healthExam');
    expect(exams.map((i) => i.dueAt)).toEqual(['2026-12-23T15:59:59.999Z']);
    expect((await t.request(sm, 'GET', `/api/v1/health-exams/${first.json().id}`)).json()).toMatchObject({ isLatest: false, dueState: 'none' });

    // Personal records: a worker cannot list them; another enterprise cannot read one; a foreign person is named.
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/health-exams')).statusCode).toBe(403);
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/health-exams/${first.json().id}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/health-exams')).json().items).toEqual([]);
    const foreign = await t.request(sm, 'POST', '/api/v1/health-exams', { personId: other.people.worker, kind: 'pre_job', examOn: '2026-11-01', result: 'normal' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('personId');
    const page = (await t.request(sm, 'GET', `/api/v1/health-exams?personId=${w.people.worker}&limit=1`)).json();
    expect(page.items).toHaveLength(1);
    const next = (await t.request(sm, 'GET', `/api/v1/health-exams?personId=${w.people.worker}&limit=1&cursor=${encodeURIComponent(page.nextCursor)}`)).json();
    expect([page.items[0].id, next.items[0].id].sort()).toEqual([first.json().id, again.json().id].sort());
    expect((await t.request(sm, 'GET', '/api/v1/audit-log?entity=health_exam')).json().items).toHaveLength(3);
  });
});
