import sharp from 'sharp';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { runOverdueEscalationForAll } from './hazard-jobs.service.js';
import { runOverdueEscalation } from './hazard-overdue.service.js';
import { clientId, fivePlan, hazardWorld, type World } from './hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('hazard overdue, statistics, ledger and tenancy', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    // The clock moves by days: sessions must outlive it.
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    // 2026-10-05 10:00 Shanghai: inside Q4 2026.
    t.clock.set(new Date('2026-10-05T02:00:00.000Z'));
    w = await hazardWorld(t, 'hr');
    other = await hazardWorld(t, 'hrb');
  });
  afterAll(() => t.close());

  const act = (cookie: string, id: string, step: string, body: object = {}) => t.request(cookie, 'POST', `/api/v1/hazards/${id}/${step}`, body);
  const report = async (description: string, cookie = w.cookies.worker) => {
    const res = await t.request(cookie, 'POST', '/api/v1/hazards', { description, postId: w.postId, clientId: clientId() });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const plan = async (id: string, grade: 'general' | 'major', days: number, funds: number) => {
    await act(w.cookies.safety_manager, id, 'confirm', grade === 'major' ? { grade, criterionOtherReason: '其他', peopleWithdrawn: '王五' } : { grade });
    if (grade === 'major') {
      const six = { objective: 'o', methods: 'm', fundsAndMaterials: 'f', organisationAndPeople: 'p', schedule: 's', safetyAndEmergency: 'e', situationAndCause: 'c', severityAndDifficulty: 'd' };
      await act(w.cookies.principal, id, 'remediation-plan', six);
    }
    const res = await act(w.cookies.safety_manager, id, 'rectification-plan', { ...fivePlan(w.people.team_leader, new Date(t.clock.now().getTime() + days * 86_400_000).toISOString()), fundsCny: funds });
    expect(res.statusCode, res.body).toBe(200);
  };
  // Issue 8 §7: the rectification is submitted with an "after" photo (required for a major hazard).
  const afterPhoto = async () => {
    const png = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#3a7' } }).png().toBuffer();
    const res = await t.request(w.cookies.team_leader, 'POST', `/api/v1/attachments?postId=${w.postId}`, png, { 'content-type': 'image/png' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const close = async (id: string) => {
    const submitted = await act(w.cookies.team_leader, id, 'submit', { note: '已整改', photoIds: [await afterPhoto()] });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await act(w.cookies.worker, id, 'accept', {})).json().status).toBe('closed');
  };

  it('flags an overdue hazard once, one tier up, with an event and notifications, when the clock passes the deadline', async () => {
    const id = await report('配电箱门损坏');
    await plan(id, 'general', 2, 300);
    expect(await runOverdueEscalation(t.deps, w.enterpriseId, t.clock.now())).toEqual({ escalated: 0, warned: 0 });
    t.clock.advanceMinutes(36 * 60);
    expect((await runOverdueEscalation(t.deps, w.enterpriseId, t.clock.now())).warned).toBe(1);
    t.clock.advanceMinutes(13 * 60);
    expect((await runOverdueEscalation(t.deps, w.enterpriseId, t.clock.now())).escalated).toBe(1);
    // The scheduler's job over every enterprise finds nothing more to do.
    expect((await runOverdueEscalationForAll(t.deps, t.clock.now())).escalated).toBe(0);
    const h = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards/${id}`)).json();
    // The owner (team leader) sits in a team: the dept head hears of it.
    expect(h).toMatchObject({ isOverdue: true, escalationTier: 'department' });
    expect(h.events.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(1);
    const inbox = (await t.request(w.cookies.dept_head, 'GET', '/api/v1/notifications')).json();
    expect(inbox.items.filter((n: { kind: string }) => n.kind === 'hazard_overdue')).toHaveLength(1);
    const owner = (await t.request(w.cookies.team_leader, 'GET', '/api/v1/notifications?isUnreadOnly=true')).json();
    expect(owner.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['hazard_overdue', 'deadline_near', 'hazard_assigned']));
    // Issue 8 §9: the deadline reads as the enterprise's day and time (10:00 Shanghai), never 2026-10-07T02:00:00.000Z.
    const bodies = owner.items.filter((n: { kind: string }) => ['hazard_overdue', 'deadline_near', 'hazard_assigned'].includes(n.kind)).map((n: { body: string }) => n.body);
    expect(bodies).toHaveLength(3);
    for (const body of bodies) {
      expect(body).toContain('期限 2026-10-07 10:00');
      expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
    const overdue = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/hazards?overdue=true')).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).toEqual([id]);
    await close(id);
    expect((await t.request(w.cookies.safety_manager, 'GET', '/api/v1/hazards?overdue=true')).json().items).toEqual([]);
  });

  it('counts a known quarter in the shape of 16号令 Art. 14, with due date and rates', async () => {
    t.clock.set(new Date('2026-11-02T02:00:00.000Z'));
    const a = await report('A 一般，按期整改');
    await plan(a, 'general', 5, 100);
    t.clock.advanceMinutes(60);
    await close(a);
    const b = await report('B 重大，逾期整改');
    await plan(b, 'major', 1, 5000);
    t.clock.advanceMinutes(3 * 24 * 60);
    // 16号令: the remediation of a major hazard is evaluated before its acceptance.
    const evaluation = { evaluators: '技术负责人', evaluatorKind: 'technical_staff', conclusion: 'passed', opinion: '合格', evaluatedOn: '2026-11-20' };
    expect((await t.request(w.cookies.safety_manager, 'POST', `/api/v1/hazards/${b}/remediation-evaluations`, evaluation)).statusCode).toBe(201);
    await close(b);
    const c = await report('C 待确认');
    const d = await report('D 不予确认');
    await act(w.cookies.safety_manager, d, 'reject', { reason: '不是隐患' });
    expect(c).toBeTruthy();
    const res = await t.request(w.cookies.regulator, 'GET', '/api/v1/hazard-statistics?year=2026&quarter=4');
    expect(res.statusCode, res.body).toBe(200);
    // The overdue test's hazard (found 10-05, closed in Q4, 300 元, late) counts too.
    expect(res.json()).toMatchObject({
      period: { kind: 'quarter', year: 2026, quarter: 4, dueDate: '2027-01-15', start: '2026-09-30T16:00:00.000Z' },
      found: 4,
      foundGeneral: 3,
      foundMajor: 1,
      fixed: 3,
      fixedMajor: 1,
      open: 1,
      fundsCny: 5400,
      onTimeRectificationRate: 0.3333,
      closureRate: 0.75,
    });
    const year = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/hazard-statistics?year=2026')).json();
    expect(year.period).toMatchObject({ kind: 'year', dueDate: '2027-01-31' });
    expect(year.found).toBe(4);
    const q3 = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/hazard-statistics?year=2026&quarter=3')).json();
    expect(q3).toMatchObject({ found: 0, closureRate: null, period: { dueDate: '2026-10-15' } });
  });

  it('exports the ledger with the list filters and reads it back', async () => {
    const res = await t.request(w.cookies.safety_manager, 'GET', '/api/v1/hazards/ledger.xlsx?status=closed');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('隐患台账');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '发现时间', '隐患部位', '隐患描述', '隐患等级', '整改措施', '责任人', '资金', '整改期限', '验收人', '验收时间', '状态', '来源/发现人', '判定依据', '临时措施', '停产撤人', '公示', '整改前照片', '整改后照片']);
    // Issue 8 §7: each closed hazard's "after" photo is embedded in its row, in the 整改后照片 column.
    const images = sheet?.getImages() ?? [];
    const afterRows = images.filter((img) => Math.floor(img.range.tl.col) === 18).map((img) => Math.floor(img.range.tl.row) + 1).sort();
    expect(afterRows).toEqual([2, 3, 4]);
    const media = (book.model as unknown as { media: { type: string; extension: string; buffer: Buffer }[] }).media;
    expect(media.length).toBeGreaterThanOrEqual(3);
    expect((await sharp(media[0]!.buffer).metadata()).width).toBeLessThanOrEqual(120);
    expect(sheet?.rowCount).toBe(4);
    const rows = [2, 3, 4].map((i) => (sheet?.getRow(i).values as unknown[]).slice(1));
    expect(rows.every((r) => r[11] === '已闭环')).toBe(true);
    const major = rows.find((r) => r[4] === '重大');
    expect(major).toMatchObject({ 3: 'B 重大，逾期整改', 6: '班长', 7: 5000, 9: 'hr_worker' });
    expect(String(major?.[1])).toBe("2026-11-02 11:00");
    // Issue 9 §10: source and finder, the basis of the grade, interim measure, stop-work and publication are in the ledger.
    expect(String(major?.[12])).toMatch(/^(排查发现|随手拍|匿名上报)\//);
    expect(String(major?.[13])).not.toBe('');
    expect(rows.every((r) => r[16] === '已公示' || r[16] === '未公示')).toBe(true);
    expect(rows.every((r) => String(r[15]) !== '')).toBe(true);
  });

  it('pages the list by keyset and filters by grade, place and text', async () => {
    const p1 = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/hazards?limit=2')).json();
    expect(p1.items).toHaveLength(2);
    const p2 = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards?limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((x: { id: string }) => x.id)).not.toContain(p1.items[0].id);
    const major = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/hazards?grade=major')).json().items;
    expect(major.map((x: { description: string }) => x.description)).toEqual(['B 重大，逾期整改']);
    expect((await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards?postId=${w.postId}&q=${encodeURIComponent('待确认')}`)).json().items).toHaveLength(1);
  });

  it("keeps each enterprise's hazards to itself", async () => {
    const mine = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/hazards?limit=200')).json().items;
    const foreign = await t.request(other.cookies.safety_manager, 'GET', `/api/v1/hazards/${mine[0].id}`);
    expect(foreign.statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/hazards')).json().items).toEqual([]);
    expect((await act(other.cookies.safety_manager, mine[0].id, 'confirm', {})).statusCode).toBe(404);
    expect((await t.request(other.cookies.principal, 'GET', `/api/v1/hazards/${mine[0].id}/bureau-report.docx`)).statusCode).toBe(404);
    const xlsx = await t.request(other.cookies.safety_manager, 'GET', '/api/v1/hazards/ledger.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('隐患台账')?.rowCount).toBe(1);
    // A place of the other enterprise cannot be named in a report.
    const res = await t.request(other.cookies.worker, 'POST', '/api/v1/hazards', { description: 'x', postId: w.postId, clientId: clientId() });
    expect(res.statusCode).toBe(400);
    const n = await sql<{ n: number | string }>`select count(*) as n from hazard where enterprise_id = ${other.enterpriseId}`.execute(t.deps.db);
    expect(Number(n.rows[0]?.n)).toBe(0);
  });
});
