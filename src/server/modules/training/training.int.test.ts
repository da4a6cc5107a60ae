import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { findValidCertificates } from './certificates.service.js';

async function drawnSignature(): Promise<string> {
  const strokes = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 90 C 60 10, 100 110, 140 40 S 220 100, 280 30" stroke="#000" stroke-width="5" fill="none"/></svg>');
  const png = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: strokes }])
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

describe.skipIf(!isDbAvailable())('training: sessions with signed attendance, records, certificates', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  let newcomer: string; // hired this year, no account: signs on the team leader's phone
  let signature: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 100_000, sessionAbsoluteHours: 10_000 });
    t.clock.set(new Date('2026-06-01T02:00:00Z'));
    w = await hazardWorld(t, 'trn');
    other = await hazardWorld(t, 'trnx');
    const res = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/people', { name: '新员工 小刘', postIds: [w.postId], hireDate: '2026-05-20' });
    expect(res.statusCode, res.body).toBe(201);
    newcomer = res.json().id;
    await t.request(w.cookies.safety_manager, 'PATCH', `/api/v1/people/${w.people.worker}`, { hireDate: '2019-04-01' });
    signature = await drawnSignature();
  });
  afterAll(() => t.close());

  const session = async (body: object) => {
    const res = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/training-sessions', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const sign = (cookie: string, sessionId: string, personId: string, method: 'session' | 'drawn') =>
    t.request(cookie, 'POST', '/api/v1/sign-offs', {
      subjectType: 'training-session',
      subjectId: sessionId,
      role: 'attendee',
      personId,
      method,
      ...(method === 'drawn' ? { signatureImage: signature } : {}),
    });
  const record = async (personId: string) => {
    const res = await t.request(w.cookies.safety_manager, 'GET', `/api/v1/training-records/${personId}?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('answers the requirements of a described person with the rule of each, saving nothing', async () => {
    const res = await t.request(w.cookies.worker, 'POST', '/api/v1/training-requirements', { roles: ['safety_manager'], industryScope: 'general', hireDate: '2026-03-01', year: 2026 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().requirements[0]).toMatchObject({ id: 'management_initial', hours: 32, dueBy: '2026-09-01', basis: { article: '第九条' } });
    const bad = await t.request(w.cookies.worker, 'POST', '/api/v1/training-requirements', { industryScope: 'general', year: 2026, hireDate: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('hireDate');
  });

  it('drafts the content of a post session from its risks, measures and emergency steps', async () => {
    const s = await session({ title: '车床工岗位安全培训', kind: 'yearly', heldOn: '2026-06-10', hours: 4, postId: w.postId, attendeePersonIds: [w.people.worker] });
    expect(s.content).toContain('岗位主要风险');
    expect(s.content).toContain('应急处置');
    expect(s.status).toBe('planned');
  });

  it('credits hours only to attendees whose signature stands, and closes the newcomer\'s gap level by level', async () => {
    const levels = [
      ['three_level_company', '公司级安全教育'],
      ['three_level_workshop', '车间级安全教育'],
      ['three_level_team', '班组级安全教育'],
    ] as const;
    const before = await record(newcomer);
    const threeLevel = before.progress.find((p: { requirement: { id: string } }) => p.requirement.id === 'three_level');
    expect(threeLevel).toMatchObject({ state: 'overdue', creditedHours: 0, gapHours: 24, missingLevels: ['company', 'workshop', 'team'] });
    expect(before.person.status).toBe('red');
    for (const [kind, title] of levels) {
      const s = await session({ title, kind, heldOn: '2026-05-19', hours: 8, attendeePersonIds: [newcomer, w.people.worker] });
      const signed = await sign(w.cookies.team_leader, s.id, newcomer, 'drawn');
      expect(signed.statusCode, signed.body).toBe(201);
    }
    const after = await record(newcomer);
    expect(after.progress.find((p: { requirement: { id: string } }) => p.requirement.id === 'three_level')).toMatchObject({ state: 'met', creditedHours: 24, gapHours: 0, missingLevels: [] });
    expect(after.sessions).toHaveLength(3);
    expect(after.person.status).toBe('green');
    // The worker was listed but did not sign: nothing credited.
    const worker = await record(w.people.worker);
    expect(worker.person.hoursThisYear).toBe(0);
    expect(worker.person.reasons.join(' ')).toContain('差8学时');
  });

  it('marks the session held at the first signature, keeps a signer on the list and refuses to cancel it', async () => {
    const s = await session({ title: '年度再培训', kind: 'yearly', heldOn: '2026-06-01', hours: 8, attendeePersonIds: [w.people.worker, w.people.team_leader] });
    const signed = await sign(w.cookies.worker, s.id, w.people.worker, 'session');
    expect(signed.statusCode, signed.body).toBe(201);
    const got = (await t.request(w.cookies.worker, 'GET', `/api/v1/training-sessions/${s.id}`)).json();
    expect(got).toMatchObject({ status: 'held', signedCount: 1 });
    const drop = await t.request(w.cookies.safety_manager, 'PATCH', `/api/v1/training-sessions/${s.id}`, { attendeePersonIds: [w.people.team_leader] });
    expect(drop.statusCode).toBe(400);
    expect(drop.json().errors[0]).toMatchObject({ path: 'attendeePersonIds' });
    expect(drop.json().errors[0].message).toContain('操作工');
    const cancel = await t.request(w.cookies.safety_manager, 'PATCH', `/api/v1/training-sessions/${s.id}`, { status: 'cancelled' });
    expect(cancel.statusCode).toBe(400);
    const worker = await record(w.people.worker);
    expect(worker.person).toMatchObject({ hoursThisYear: 8, gapHours: 0 });
    // A score is insert-only: the latest counts.
    expect((await t.request(w.cookies.safety_manager, 'POST', `/api/v1/training-sessions/${s.id}/scores`, { personId: w.people.worker, score: 70 })).statusCode).toBe(201);
    const rescored = await t.request(w.cookies.safety_manager, 'POST', `/api/v1/training-sessions/${s.id}/scores`, { personId: w.people.worker, score: 85 });
    expect(rescored.json().attendees.find((a: { personId: string }) => a.personId === w.people.worker).score).toBe(85);
    const rows = await t.deps.db.selectFrom('training_score').select('score').where('session_id', '=', s.id).execute();
    expect(rows.map((r) => Number(r.score)).sort()).toEqual([70, 85]);
  });

  it('writes the register .xlsx with each signed attendance and each person\'s hours', async () => {
    const res = await t.request(w.cookies.safety_manager, 'GET', '/api/v1/training-register.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('培训台账');
    expect((sheet?.getRow(2).values as unknown[]).slice(1, 8)).toEqual(['序号', '培训日期', '培训名称', '类别', '学时', '授课人', '参训人']);
    const attendance = [] as unknown[][];
    sheet?.eachRow((row, n) => n > 2 && attendance.push((row.values as unknown[]).slice(1)));
    expect(attendance.filter((r) => r[6] === '新员工 小刘')).toHaveLength(3);
    expect(attendance.filter((r) => r[6] === '操作工').map((r) => r[4])).toEqual([8]);
    const summary = book.getWorksheet('人员学时汇总');
    const rows = [] as unknown[][];
    summary?.eachRow((row, n) => n > 2 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === '操作工')).toMatchObject({ 3: 8, 4: 8, 5: 0 });
  });

  it('blocks the permit type of an expired certificate, and reminds 90 days ahead', async () => {
    const create = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/certificates', {
      personId: w.people.worker,
      kind: 'special_operation',
      operationCode: 'electrical',
      number: 'T370101199001011234',
      issuer: '济南市应急管理局',
      issuedOn: '2020-07-01',
    });
    expect(create.statusCode, create.body).toBe(201);
    expect(create.json()).toMatchObject({ expiresOn: '2026-07-01', reviewDueOn: '2023-07-01', state: 'review_overdue' });
    expect(await findValidCertificates(t.deps.db, w.enterpriseId, w.people.worker, ['electrical'], '2026-06-01')).toHaveLength(0);
    const renewed = await t.request(w.cookies.safety_manager, 'PATCH', `/api/v1/certificates/${create.json().id}`, { reviewDueOn: '2026-07-01' });
    expect(renewed.json().state).toBe('expiring');
    // The register's state filter: the renewal moved it at once; the day it lapses, it is listed as expired.
    const inState = async (state: string) =>
      ((await t.request(w.cookies.safety_manager, 'GET', `/api/v1/certificates?state=${state}`)).json().items as { id: string; state: string }[]).filter((c) => c.id === create.json().id).map((c) => c.state);
    expect(await inState('review_overdue')).toEqual([]);
    expect(await inState('expiring')).toEqual(['expiring']);
    t.clock.set(new Date('2026-07-02T01:30:00Z'));
    expect(await inState('expiring')).toEqual([]);
    expect(await inState('expired')).toEqual(['expired']);
    t.clock.set(new Date('2026-06-01T02:00:00Z'));
    expect(await inState('expired')).toEqual([]);
    expect(await inState('expiring')).toEqual(['expiring']);
    expect(await findValidCertificates(t.deps.db, w.enterpriseId, w.people.worker, ['electrical'], '2026-07-01')).toHaveLength(1);
    expect(await findValidCertificates(t.deps.db, w.enterpriseId, w.people.worker, ['electrical'], '2026-07-02')).toHaveLength(0);
    expect(await findValidCertificates(t.deps.db, w.enterpriseId, w.people.worker, ['welding_cutting'], '2026-06-01')).toHaveLength(0);
    // The permit module asks here: a 临时用电 permit names the missing certificate once it has lapsed.
    const permit = await t.request(w.cookies.team_leader, 'POST', '/api/v1/work-permits', {
      workType: 'temporary_electricity',
      content: '临时接线',
      place: '机加工区',
      windowStart: '2026-07-02T01:00:00Z',
      windowEnd: '2026-07-02T05:00:00Z',
      workerIds: [w.people.worker],
      guardianPersonId: w.people.team_leader,
      approverPersonId: w.people.dept_head,
      measures: [{ text: '漏电保护器', responsiblePersonId: w.people.dept_head }],
    });
    expect(permit.statusCode, permit.body).toBe(201);
    const blockers = async () => {
      const res = await t.request(w.cookies.safety_manager, 'GET', `/api/v1/work-permits/${permit.json().id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().startBlockers.map((b: { kind: string }) => b.kind);
    };
    expect(await blockers()).not.toContain('certificate_missing');
    t.clock.set(new Date('2026-07-02T01:30:00Z'));
    expect(await blockers()).toContain('certificate_missing');
    t.clock.set(new Date('2026-06-01T02:00:00Z'));
    const due = await t.request(w.cookies.safety_manager, 'GET', '/api/v1/due-items?kind=training');
    expect(due.statusCode, due.body).toBe(200);
    const kinds = due.json().items.map((i: { kind: string }) => i.kind);
    expect(kinds).toContain('training.certificate_expiry');
    const missing = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/certificates', { personId: w.people.worker, kind: 'special_operation', number: 'X1', issuedOn: '2026-01-01' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('operationCode');
  });

  it('keeps each enterprise to itself: no foreign person, session or certificate', async () => {
    const foreignPerson = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/training-sessions', { title: 'x', kind: 'yearly', heldOn: '2026-06-01', hours: 1, attendeePersonIds: [other.people.worker] });
    expect(foreignPerson.statusCode).toBe(400);
    expect(foreignPerson.json().errors[0].path).toBe('attendeePersonIds.0');
    const mine = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/training-sessions')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/training-sessions/${mine[0].id}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/training-sessions')).json().items).toEqual([]);
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/training-records/${w.people.worker}`)).statusCode).toBe(404);
    const cert = await t.request(other.cookies.safety_manager, 'POST', '/api/v1/certificates', { personId: w.people.worker, kind: 'principal', number: 'P1', issuedOn: '2026-01-01' });
    expect(cert.statusCode).toBe(400);
    // A foreign enterprise's person cannot sign our session.
    const s = mine[0];
    expect((await sign(other.cookies.team_leader, s.id, other.people.worker, 'drawn')).statusCode).toBe(404);
    // Workers do not read each other's records.
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/training-records')).statusCode).toBe(403);
  });
});
