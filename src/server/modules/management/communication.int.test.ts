import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('participation and communication: plan, meetings with signed attendance, decisions as actions', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'cm');
    other = await hazardWorld(t, 'cmx');
  });
  afterAll(() => t.close());

  it('keeps the plan, a 班前会 with attendance signed, and its decision as a due action until done', async () => {
    const sm = w.cookies.safety_manager;
    const channel = await t.request(sm, 'POST', '/api/v1/communication-channels', { name: '班前会', kind: 'pre_shift_briefing', frequency: '每班', audience: '一班全体', ownerPersonId: w.people.team_leader });
    expect(channel.statusCode, channel.body).toBe(201);
    const m = await t.request(w.cookies.team_leader, 'POST', '/api/v1/meetings', {
      kind: 'pre_shift', name: '一班班前会', heldOn: '2026-11-23', chairPersonId: w.people.team_leader, channelId: channel.json().id,
      attendeePersonIds: [w.people.worker, w.people.team_leader], minutes: '讲解冲床防护',
      decisions: [{ text: '更换冲床光电保护', ownerPersonId: w.people.dept_head, deadline: '2026-11-25' }],
    });
    expect(m.statusCode, m.body).toBe(201);
    const id = m.json().id as string;
    expect(m.json()).toMatchObject({ signedPersonIds: [], actions: [{ text: '更换冲床光电保护', doneAt: null }] });
    const sign = await t.request(w.cookies.worker, 'POST', '/api/v1/sign-offs', { subjectType: 'meeting', subjectId: id, role: 'attendee', personId: w.people.worker, method: 'session' });
    expect(sign.statusCode, sign.body).toBe(201);
    expect((await t.request(sm, 'GET', `/api/v1/meetings/${id}`)).json().signedPersonIds).toEqual([w.people.worker]);

    const due = (await t.request(sm, 'GET', '/api/v1/due-items?kind=communication')).json().items;
    expect(due).toEqual([expect.objectContaining({ kind: 'communication.meetingAction', ownerPersonId: w.people.dept_head, status: 'due', title: '会议决定事项：更换冲床光电保护（一班班前会）' })]);
    const actionId = m.json().actions[0].id as string;
    const doneRes = await t.request(sm, 'POST', `/api/v1/meetings/${id}/action-done`, { actionId, note: '已更换' });
    expect(doneRes.statusCode, doneRes.body).toBe(200);
    expect(doneRes.json().actions[0].doneNote).toBe('已更换');
    expect((await t.request(sm, 'POST', `/api/v1/meetings/${id}/action-done`, { actionId })).statusCode).toBe(409);
    expect((await t.request(sm, 'GET', '/api/v1/due-items?kind=communication')).json().items).toEqual([]);

    // A consultation with workers' representatives.
    const c = await t.request(sm, 'POST', '/api/v1/meetings', { kind: 'consultation', name: '劳动防护用品选型协商', heldOn: '2026-11-20', representatives: '工会代表 张三', minutes: '员工要求更换轻便型耳罩' });
    expect(c.json()).toMatchObject({ kind: 'consultation', representatives: '工会代表 张三' });
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/meetings?kind=consultation')).json().items.map((x: { name: string }) => x.name)).toEqual(['劳动防护用品选型协商']);

    const log = (await t.request(sm, 'GET', '/api/v1/audit-log?entity=meeting')).json().items;
    expect(log).toHaveLength(2);
    expect((await t.request(sm, 'GET', '/api/v1/audit-log?entity=meeting_action')).json().items.map((l: { action: string }) => l.action)).toEqual(['done']);
  });

  it('keeps enterprises apart and refuses workers and foreign people', async () => {
    const sm = w.cookies.safety_manager;
    const foreign = await t.request(sm, 'POST', '/api/v1/meetings', { kind: 'safety_meeting', name: '安全例会', heldOn: '2026-11-23', attendeePersonIds: [other.people.worker] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('attendeePersonIds');
    expect((await t.request(w.cookies.worker, 'POST', '/api/v1/meetings', { kind: 'safety_meeting', name: '安全例会', heldOn: '2026-11-23' })).statusCode).toBe(403);
    const mine = (await t.request(sm, 'GET', '/api/v1/meetings')).json().items as { id: string }[];
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/meetings')).json().items).toEqual([]);
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/meetings/${mine[0]!.id}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.worker, 'GET', `/api/v1/sign-offs?subjectType=meeting&subjectId=${mine[0]!.id}`)).statusCode).toBe(404);
  });
});
