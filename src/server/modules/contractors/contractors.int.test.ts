import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('contractors: register, qualifications, induction, supervision, evaluation', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  let fitterId: string;
  let sessionId: string;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'ct');
    other = await hazardWorld(t, 'ctx');
    const sm = w.cookies.safety_manager;
    fitterId = (await t.request(sm, 'POST', '/api/v1/people', { name: '外包焊工', isContractor: true })).json().id;
    const s = await t.request(sm, 'POST', '/api/v1/training-sessions', { title: '相关方入厂安全教育', kind: 'targeted', heldOn: '2026-11-20', hours: 2, attendeePersonIds: [fitterId] });
    expect(s.statusCode, s.body).toBe(201);
    sessionId = s.json().id;
  });
  afterAll(() => t.close());

  it('registers a contractor with agreement, induction and people; an expired qualification shows and is due', async () => {
    const sm = w.cookies.safety_manager;
    const c = await t.request(sm, 'POST', '/api/v1/contractors', {
      name: '宏达安装公司', workScope: '设备安装', agreementSignedOn: '2026-01-01', agreementExpiresOn: '2027-06-30', inductionSessionId: sessionId, personIds: [fitterId],
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as string;
    expect(c.json()).toMatchObject({ personIds: [fitterId], induction: { title: '相关方入厂安全教育', attendees: 1, signed: 0 }, qualificationState: 'none', agreementState: 'ok' });

    // Clock: 2026-11-23. One expired, one valid qualification.
    const expired = await t.request(sm, 'POST', '/api/v1/contractor-qualifications', { contractorId: id, name: '安全生产许可证', number: 'AQ-001', expiresOn: '2026-11-01' });
    expect(expired.statusCode, expired.body).toBe(201);
    expect(expired.json().state).toBe('past');
    await t.request(sm, 'POST', '/api/v1/contractor-qualifications', { contractorId: id, name: '特种设备安装许可', expiresOn: '2028-01-01' });
    const read = (await t.request(sm, 'GET', `/api/v1/contractors/${id}`)).json();
    expect(read.qualificationState).toBe('past');
    expect(read.qualifications.map((q: { name: string; state: string }) => [q.name, q.state])).toEqual([['安全生产许可证', 'past'], ['特种设备安装许可', 'ok']]);

    const due = (await t.request(sm, 'GET', '/api/v1/due-items?kind=contractors')).json().items as { kind: string; title: string; status: string }[];
    expect(due).toEqual([expect.objectContaining({ kind: 'contractors.qualificationExpiry', status: 'overdue' })]);
    expect(due[0]!.title).toContain('宏达安装公司 安全生产许可证');
    // Renewed: the item goes.
    const renewed = await t.request(sm, 'PATCH', `/api/v1/contractor-qualifications/${expired.json().id}`, { expiresOn: '2029-11-01' });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect((await t.request(sm, 'GET', '/api/v1/due-items?kind=contractors')).json().items).toEqual([]);
    // Another enterprise sees none of it.
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/due-items?kind=contractors')).json().items).toEqual([]);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/contractors')).json().items).toEqual([]);
  });

  it('keeps supervision rounds (with the permit of the work) and evaluations as evidence, audited', async () => {
    const sm = w.cookies.safety_manager;
    const id = (await t.request(sm, 'POST', '/api/v1/contractors', { name: '安达维修队' })).json().id as string;
    const permit = await t.request(sm, 'POST', '/api/v1/work-permits', {
      workType: 'work_at_height', content: '屋面维修', place: '仓库', windowStart: '2026-11-23T01:00:00Z', windowEnd: '2026-11-23T05:00:00Z',
      workerIds: [fitterId], guardianPersonId: w.people.team_leader, approverPersonId: w.people.dept_head, measures: [{ text: '系安全带', responsiblePersonId: w.people.team_leader }],
    });
    expect(permit.statusCode, permit.body).toBe(201);
    const sup = await t.request(sm, 'POST', `/api/v1/contractors/${id}/supervisions`, { onDate: '2026-11-23', supervisorPersonId: w.people.team_leader, workPermitId: permit.json().id, result: 'violation', notes: '未系安全带，已制止' });
    expect(sup.statusCode, sup.body).toBe(201);
    const ev = await t.request(sm, 'POST', `/api/v1/contractors/${id}/evaluations`, { onDate: '2026-11-23', result: 'qualified', score: 80 });
    expect(ev.statusCode, ev.body).toBe(201);
    const records = (await t.request(w.cookies.worker, 'GET', `/api/v1/contractors/${id}/records`)).json().items as { kind: string; workPermitId: string | null }[];
    expect(records.map((r) => r.kind).sort()).toEqual(['evaluation', 'supervision']);
    expect(records.find((r) => r.kind === 'supervision')!.workPermitId).toBe(permit.json().id);
    expect((await t.request(sm, 'GET', `/api/v1/contractors/${id}`)).json().lastEvaluation).toMatchObject({ result: 'qualified', score: 80 });

    // Another enterprise's permit, person or session is refused by name; a worker cannot write; B cannot reach A's contractor.
    const foreignPermit = await t.request(sm, 'POST', `/api/v1/contractors/${id}/supervisions`, { onDate: '2026-11-23', supervisorPersonId: other.people.worker, result: 'compliant' });
    expect(foreignPermit.statusCode).toBe(400);
    expect(foreignPermit.body).toContain('supervisorPersonId');
    const foreignSession = await t.request(sm, 'PATCH', `/api/v1/contractors/${id}`, { inductionSessionId: '01a2070b-0000-7000-8000-000000000000' });
    expect(foreignSession.statusCode).toBe(400);
    expect(foreignSession.body).toContain('inductionSessionId');
    expect((await t.request(w.cookies.worker, 'POST', `/api/v1/contractors/${id}/evaluations`, { onDate: '2026-11-23', result: 'good' })).statusCode).toBe(403);
    expect((await t.request(other.cookies.safety_manager, 'POST', `/api/v1/contractors/${id}/evaluations`, { onDate: '2026-11-23', result: 'good' })).statusCode).toBe(404);
    const bad = await t.request(sm, 'POST', `/api/v1/contractors/${id}/evaluations`, { onDate: '2026-11-23', result: 'excellent' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('result');

    const log = (await t.request(sm, 'GET', '/api/v1/audit-log?entity=contractor_record')).json().items as { action: string }[];
    expect(log.filter((l) => l.action === 'create')).toHaveLength(2);
    expect((await t.request(sm, 'GET', '/api/v1/audit-log?entity=contractor_qualification')).json().items.length).toBeGreaterThanOrEqual(3);
  });
});
