import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { clientId, fivePlan, hazardWorld, type World } from '../../modules/hazards/hazard-test-setup.js';
import { notifyFallingDue } from '../../modules/notifications/due-item-notifications.service.js';
import type { DueItemProvider } from './due-items.js';

describe.skipIf(!isDbAvailable())('GET /api/v1/due-items', () => {
  let t: TestApp;
  let w: World;
  let hazardId: string;
  const day = 86_400_000;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'due');
    const sm = w.cookies.safety_manager;
    hazardId = (await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { description: '配电箱门锁损坏', postId: w.postId, clientId: clientId() })).json().id;
    await t.request(sm, 'POST', `/api/v1/hazards/${hazardId}/confirm`, { grade: 'general' });
    const plan = await t.request(sm, 'POST', `/api/v1/hazards/${hazardId}/rectification-plan`, fivePlan(w.people.worker, new Date(t.clock.now().getTime() + 3 * day).toISOString()));
    expect(plan.statusCode, plan.body).toBe(200);
    const item = await t.request(sm, 'POST', '/api/v1/inspection-items', { postId: w.postId, content: '消防通道畅通', method: 'look', period: 'week', responsiblePersonId: w.people.team_leader });
    expect(item.statusCode, item.body).toBe(201);
    expect((await t.request(sm, 'POST', `/api/v1/posts/${w.postId}/inspection-list/publish`)).statusCode).toBe(201);
    await t.request(sm, 'GET', '/api/v1/inspection-tasks'); // materialised on read
  });
  afterAll(() => t.close());

  it("lists the hazard deadline and the inspection window with their owners, in the caller's language", async () => {
    const res = await t.request(w.cookies.safety_manager, 'GET', '/api/v1/due-items', undefined, { 'accept-language': 'en-US' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { kind: string; title: string; status: string; ownerPersonId: string; link: string }[];
    expect(items.find((i) => i.kind === 'hazard.rectification')).toMatchObject({ status: 'due', ownerPersonId: w.people.worker, link: `/hazards/${hazardId}`, title: expect.stringContaining('Rectification deadline') });
    expect(items.find((i) => i.kind === 'inspection.task')).toMatchObject({ status: 'due', ownerPersonId: w.people.team_leader });
    const zh = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/due-items?kind=hazard')).json().items;
    expect(zh.map((i: { kind: string }) => i.kind)).toEqual(['hazard.rectification']);
    expect(zh[0].title).toContain('隐患整改期限');
  });

  it('turns an item overdue once its date passes, and a worker only sees their own', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 4 * day));
    const overdue = (await t.request(w.cookies.principal, 'GET', '/api/v1/due-items?status=overdue&kind=hazard')).json().items;
    expect(overdue).toHaveLength(1);
    const mine = (await t.request(w.cookies.worker, 'GET', '/api/v1/due-items')).json().items as { ownerPersonId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.ownerPersonId === w.people.worker)).toBe(true);
    const leader = (await t.request(w.cookies.team_leader, 'GET', '/api/v1/due-items?mine=true')).json().items as { kind: string; ownerPersonId: string }[];
    expect(leader.some((i) => i.kind === 'inspection.task')).toBe(true);
    // The leader's own: inspection tasks, and (training) their own hours still short this year.
    expect(leader.every((i) => i.ownerPersonId === w.people.team_leader)).toBe(true);
    expect(leader.map((i) => i.kind).filter((k) => !k.startsWith('inspection.') && !k.startsWith('training.'))).toEqual([]);
  });

  it('refuses a window ending before it starts, naming the field', async () => {
    const res = await t.request(w.cookies.safety_manager, 'GET', '/api/v1/due-items?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('to');
  });

  it("notifies an item's owner once when it falls due and once when overdue", async () => {
    const at = t.clock.now();
    let dueAt = new Date(at.getTime() + 5 * day).toISOString();
    const provider: DueItemProvider = {
      feature: 'test',
      notifyDaysBefore: 7,
      listDueItems: async () => [
        { kind: 'test.review', title: { 'zh-CN': '预案评审', 'en-US': 'Plan review' }, dueAt, status: new Date(dueAt) < t.clock.now() ? 'overdue' : 'due', ownerPersonId: w.people.worker, link: '/x', sourceRef: 'x:1' },
      ],
    };
    expect(await notifyFallingDue(t.deps, [provider], w.enterpriseId, at)).toBe(1);
    expect(await notifyFallingDue(t.deps, [provider], w.enterpriseId, at)).toBe(0);
    const inbox = (await t.request(w.cookies.worker, 'GET', '/api/v1/notifications')).json().items;
    expect(inbox[0]).toMatchObject({ kind: 'due_item_near', link: '/x', body: expect.stringContaining('预案评审') });
    dueAt = new Date(at.getTime() - day).toISOString();
    expect(await notifyFallingDue(t.deps, [provider], w.enterpriseId, at)).toBe(1);
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/notifications')).json().items[0].kind).toBe('due_item_overdue');
  });
});
