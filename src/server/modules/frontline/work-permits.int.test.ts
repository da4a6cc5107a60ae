import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

const checks = ['prepare', 'skills', 'tools', 'surroundings'];

async function drawn(): Promise<string> {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 90 C 60 10, 100 110, 140 40 S 220 100, 280 30" stroke="#000" stroke-width="5" fill="none"/></svg>');
  const png = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).composite([{ input: svg }]).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

describe.skipIf(!isDbAvailable())('hazardous-work permits with 一备三查 (/api/v1/work-permits)', () => {
  let t: TestApp;
  let w: World;
  let welder: string; // a second worker without an account: signs on the team leader's phone
  let foreignPerson: string;
  let foreignCookie: string;
  let signature: string;
  const start = new Date('2026-12-01T01:00:00Z');

  const issue = async (over: object = {}) => {
    const res = await t.request(w.cookies.team_leader, 'POST', '/api/v1/work-permits', {
      workType: 'hot_work',
      grade: 'grade1',
      content: '检修平台护栏焊接',
      place: '机加工车间东侧平台',
      postId: w.postId,
      areaId: w.areaId,
      windowStart: '2026-12-01T01:00:00Z',
      windowEnd: '2026-12-01T05:00:00Z',
      workerIds: [w.people.worker, welder],
      guardianPersonId: w.people.team_leader,
      approverPersonId: w.people.dept_head,
      risks: ['焊渣飞溅引燃可燃物'],
      accidentSeqs: [8, 7],
      scenes: '焊接时火花落入下方油污区',
      measures: [{ text: '清理动火点周围 10 米内可燃物', responsiblePersonId: w.people.dept_head }],
      ...over,
    });
    return res;
  };
  const detail = async (id: string, cookie = w.cookies.safety_manager) => (await t.request(cookie, 'GET', `/api/v1/work-permits/${id}`)).json();
  const signOff = (cookie: string, body: object) => t.request(cookie, 'POST', '/api/v1/sign-offs', { subjectType: 'work-permit', method: 'session', ...body });
  const gas = (cookie: string, id: string, measuredAt: string, isPass = true) =>
    t.request(cookie, 'POST', `/api/v1/work-permits/${id}/gas-readings`, { point: '动火点', substance: '可燃气体', value: 0.2, unit: '%LEL', isPass, measuredAt, testerPersonId: w.people.team_leader });

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000, sessionAbsoluteHours: 1000, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sk-permit-')) });
    t.clock.set(start);
    w = await hazardWorld(t, 'pmt');
    const res = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/people', { name: '焊工 李四', postIds: [w.postId] });
    welder = res.json().id;
    const b = await hazardWorld(t, 'pmtb');
    foreignPerson = b.people.worker;
    foreignCookie = b.cookies.safety_manager;
    signature = await drawn();
    // Both welders hold a valid 焊接与热切割 certificate (the training module checks them).
    for (const [personId, number] of [[w.people.worker, 'T-HJ-001'], [welder, 'T-HJ-002']]) {
      const cert = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/certificates', { personId, kind: 'special_operation', operationCode: 'welding_cutting', number, issuedOn: '2025-03-01' });
      expect(cert.statusCode, cert.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('issues a permit whose start is blocked, each reason named: checks, measure, approver, gas reading', async () => {
    const res = await issue();
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ status: 'issued', effectiveStatus: 'issued', workTypeLabel: '动火作业', needsGasTest: true, workers: [{ name: '操作工' }, { name: '焊工 李四' }] });
    expect(p.accidentTypes).toEqual([
      { seq: 7, label: '灼烫', gbCode: '07' },
      { seq: 8, label: '火灾', gbCode: '08' },
    ]);
    expect(p.prework[0].requiredCertificates).toEqual([{ category: 'welding_cutting', label: '焊接与热切割作业' }]);
    expect(p.prework[0].certificates).toEqual([expect.objectContaining({ category: 'welding_cutting', number: 'T-HJ-001' })]);
    expect(p.startBlockers.map((b: { kind: string }) => b.kind)).toEqual(['check_missing', 'check_missing', 'measure_unconfirmed', 'approver_unsigned', 'gas_reading_missing']);
    expect(p.startBlockers[0].message).toBe('操作工 未完成一备三查：做好工作准备、检查知识技能、检查工具装备、检查周边环境');
  });

  it('refuses a window longer than the grade allows, a foreign or archived person, and the guardian as a worker', async () => {
    const long = await issue({ windowEnd: '2026-12-01T10:00:00Z' });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('windowEnd');
    const foreign = await issue({ workerIds: [w.people.worker, foreignPerson] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('workerIds');
    const foreignMeasure = await issue({ measures: [{ text: 'x', responsiblePersonId: foreignPerson }] });
    expect(foreignMeasure.json().errors[0].path).toBe('measures.0.responsiblePersonId');
    const guardian = await issue({ guardianPersonId: w.people.worker });
    expect(guardian.statusCode).toBe(400);
    expect(guardian.json().errors[0].path).toBe('guardianPersonId');
    expect((await t.request(w.cookies.worker, 'POST', '/api/v1/work-permits', {})).statusCode).toBe(403);
  });

  it('two workers sign 一备三查 and the work starts only after the second (and only with approver, measure and gas reading)', async () => {
    const id = (await issue()).json().id as string;
    // A signature without the four ticks is refused and leaves nothing behind.
    const early = await signOff(w.cookies.worker, { subjectId: id, role: 'prework', personId: w.people.worker });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('PREWORK_INCOMPLETE');
    expect(await t.deps.db.selectFrom('sign_off').select('id').where('subject_id', '=', id).execute()).toHaveLength(0);

    expect((await gas(w.cookies.team_leader, id, '2026-12-01T00:55:00Z')).statusCode).toBe(201);
    expect((await signOff(w.cookies.dept_head, { subjectId: id, role: 'approver', personId: w.people.dept_head })).statusCode).toBe(201);
    expect((await signOff(w.cookies.dept_head, { subjectId: id, role: 'measure.0', personId: w.people.dept_head })).statusCode).toBe(201);

    const partial = await t.request(w.cookies.worker, 'POST', `/api/v1/work-permits/${id}/prework`, { personId: w.people.worker, checks: ['prepare', 'skills', 'tools'] });
    expect(partial.statusCode, partial.body).toBe(201);
    expect((await signOff(w.cookies.worker, { subjectId: id, role: 'prework', personId: w.people.worker })).json().code).toBe('PREWORK_INCOMPLETE');
    await t.request(w.cookies.worker, 'POST', `/api/v1/work-permits/${id}/prework`, { personId: w.people.worker, checks });
    t.clock.advanceMinutes(2);
    expect((await signOff(w.cookies.worker, { subjectId: id, role: 'prework', personId: w.people.worker })).statusCode).toBe(201);

    // One worker signed: still issued, and an explicit start says who is missing.
    expect((await detail(id)).status).toBe('issued');
    const tooEarly = await t.request(w.cookies.team_leader, 'POST', `/api/v1/work-permits/${id}/start`);
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().code).toBe('PERMIT_CANNOT_START');
    expect(tooEarly.json().detail).toContain('焊工 李四');
    expect(tooEarly.json().blockers).toEqual([expect.objectContaining({ kind: 'check_missing' })]);
    // A worker cannot tick for a colleague when not listed... but the team leader (guardian) holds the phone for the welder.
    await t.request(w.cookies.team_leader, 'POST', `/api/v1/work-permits/${id}/prework`, { personId: welder, checks });
    const second = await signOff(w.cookies.team_leader, { subjectId: id, role: 'prework', personId: welder, method: 'drawn', signatureImage: signature });
    expect(second.statusCode, second.body).toBe(201);
    const running = await detail(id);
    expect(running).toMatchObject({ status: 'in_progress', effectiveStatus: 'in_progress', startedAt: '2026-12-01T01:02:00.000Z', startBlockers: [{ kind: 'wrong_status' }] });
    expect(running.events.map((e: { action: string }) => e.action)).toEqual(['issue', 'gas_reading', 'prework', 'prework', 'prework', 'start']);
    expect(running.prework.map((p: { isSigned: boolean }) => p.isSigned)).toEqual([true, true]);

    // 附件2 as .xlsx: the seed's row titles, each worker's four ticks and signature; another enterprise gets 404.
    const xlsx = await t.request(w.cookies.safety_manager, 'GET', `/api/v1/work-permits/${id}/prework.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe('危险作业现场风险“一备三查”表');
    const titles = [3, 4, 5, 6, 7, 8, 9, 10].map((r) => `${sheet.getRow(r).getCell(1).value}${r >= 6 && r <= 9 ? sheet.getRow(r).getCell(2).value : ''}`);
    expect(titles).toEqual(['危险作业内容', '常见事故类型', '易出事故场景', '作业人员一备三查（一）做好工作准备。', '作业人员一备三查（二）检查知识技能。', '作业人员一备三查（三）检查工具装备。', '作业人员一备三查（四）检查周边环境。', '确认签字']);
    expect([sheet.getRow(6).getCell(3).value, sheet.getRow(6).getCell(4).value]).toEqual(['☑', '☑']);
    expect(String(sheet.getRow(4).getCell(2).value)).toContain('☑（8）火灾');
    expect((await t.request(foreignCookie, 'GET', `/api/v1/work-permits/${id}/prework.xlsx`)).statusCode).toBe(404);

    // The guardian's "site cleared" closes it; then no more signatures.
    const cleared = await signOff(w.cookies.team_leader, { subjectId: id, role: 'site_cleared', personId: w.people.team_leader });
    expect(cleared.statusCode, cleared.body).toBe(201);
    expect((await detail(id)).status).toBe('closed');
    const late = await signOff(w.cookies.team_leader, { subjectId: id, role: 'guardian', personId: w.people.team_leader });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('SIGN_OFF_CLOSED');
  });

  it('refuses a stale or failed gas reading, and expires at the end of the window', async () => {
    t.clock.set(start);
    const id = (await issue()).json().id as string;
    await gas(w.cookies.team_leader, id, '2026-12-01T00:20:00Z');
    for (const personId of [w.people.worker, welder]) await t.request(w.cookies.team_leader, 'POST', `/api/v1/work-permits/${id}/prework`, { personId, checks });
    await signOff(w.cookies.worker, { subjectId: id, role: 'prework', personId: w.people.worker });
    await signOff(w.cookies.team_leader, { subjectId: id, role: 'prework', personId: welder, method: 'drawn', signatureImage: signature });
    await signOff(w.cookies.dept_head, { subjectId: id, role: 'measure.0', personId: w.people.dept_head });
    await signOff(w.cookies.dept_head, { subjectId: id, role: 'approver', personId: w.people.dept_head });
    const d = await detail(id);
    expect(d.status).toBe('issued');
    expect(d.startBlockers.map((b: { kind: string }) => b.kind)).toEqual(['gas_reading_stale']);
    await gas(w.cookies.team_leader, id, '2026-12-01T01:00:00Z', false);
    expect((await detail(id)).startBlockers.map((b: { kind: string }) => b.kind)).toEqual(['gas_reading_failed']);
    t.clock.set(new Date('2026-12-01T05:00:00Z'));
    const expired = await detail(id);
    expect(expired.effectiveStatus).toBe('expired');
    const res = await t.request(w.cookies.team_leader, 'POST', `/api/v1/work-permits/${id}/start`);
    expect(res.statusCode).toBe(409);
    t.clock.set(start);
  });

  it('keeps permits to their enterprise, and on-site writes to people on the permit or managers', async () => {
    t.clock.set(start);
    const id = (await issue({ workerIds: [welder] })).json().id as string;
    expect((await t.request(foreignCookie, 'GET', `/api/v1/work-permits/${id}`)).statusCode).toBe(404);
    expect((await t.request(foreignCookie, 'POST', `/api/v1/work-permits/${id}/prework`, { personId: welder, checks })).statusCode).toBe(404);
    // The worker is not on this permit: may not tick for the welder.
    expect((await t.request(w.cookies.worker, 'POST', `/api/v1/work-permits/${id}/prework`, { personId: welder, checks })).statusCode).toBe(403);
    const notWorker = await t.request(w.cookies.team_leader, 'POST', `/api/v1/work-permits/${id}/prework`, { personId: w.people.worker, checks });
    expect(notWorker.statusCode).toBe(400);
    expect(notWorker.json().errors[0].path).toBe('personId');
    const mine = (await t.request(w.cookies.worker, 'GET', '/api/v1/work-permits?mine=true')).json().items.map((p: { id: string }) => p.id);
    expect(mine).not.toContain(id);
    const cancel = await t.request(w.cookies.team_leader, 'POST', `/api/v1/work-permits/${id}/cancel`, { reason: '作业取消' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    expect((await t.request(w.cookies.team_leader, 'POST', `/api/v1/work-permits/${id}/cancel`, { reason: '再次' })).statusCode).toBe(409);
  });

  it('pages the permit list newest first by its cursor: every permit once, then no cursor', async () => {
    const all = (await t.request(w.cookies.team_leader, 'GET', '/api/v1/work-permits?limit=200')).json().items.map((p: { id: string }) => p.id);
    expect(all.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 20; i += 1) {
      const page = (await t.request(w.cookies.team_leader, 'GET', `/api/v1/work-permits?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((p: { id: string }) => p.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all);
    expect((await t.request(w.cookies.team_leader, 'GET', '/api/v1/work-permits?cursor=bad')).statusCode).toBe(400);
  });

  it("pre-fills a permit from the place's risks: accident types in seed 003 numbering and the measures with their owners", async () => {
    const risk = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/risks', {
      postId: w.postId,
      objectKind: 'activity',
      objectName: '设备检修动火',
      hazardFactorCodes: ['2101'],
      accidentTypeCodes: ['08', '07', '20'],
      causes: '焊接火花引燃油污',
      responsiblePersonId: w.people.team_leader,
      evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
      measures: [{ type: 'administrative', phase: 'before', text: '动火前清理油污并备灭火器', inspection: { content: '油污已清理', method: 'look', period: 'shift' } }],
    });
    expect(risk.statusCode, risk.body).toBe(201);
    const res = await t.request(w.cookies.team_leader, 'GET', `/api/v1/work-permit-prefill?postId=${w.postId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      risks: ['设备检修动火：焊接火花引燃油污'],
      accidentSeqs: [7, 8], // GB 20 其他伤害 has no place in the seed's list
      measures: [{ text: '动火前清理油污并备灭火器', responsiblePersonId: w.people.team_leader }],
    });
    const foreign = await t.request(foreignCookie, 'GET', `/api/v1/work-permit-prefill?postId=${w.postId}`);
    expect(foreign.statusCode).toBe(400);
  });
});
