import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('岗位"事故假想" (/api/v1/accident-scenarios)', () => {
  let t: TestApp;
  let w: World;
  let b: World;
  let scenarioId: string;

  const signAs = (cookie: string, body: object) => t.request(cookie, 'POST', '/api/v1/sign-offs', { subjectType: 'accident-scenario', subjectId: scenarioId, method: 'session', ...body });
  const detail = async (cookie = w.cookies.safety_manager) => (await t.request(cookie, 'GET', `/api/v1/accident-scenarios/${scenarioId}`)).json();

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000, sessionAbsoluteHours: 1000 });
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    w = await hazardWorld(t, 'scn');
    b = await hazardWorld(t, 'scnb');
    const risk = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/risks', {
      postId: w.postId,
      objectKind: 'equipment',
      objectName: '车床',
      hazardFactorCodes: ['2101'],
      accidentTypeCodes: ['03', '01'],
      causes: '防护罩缺失，衣袖卷入',
      evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
      measures: [
        { type: 'administrative', phase: 'during', text: '穿紧袖工作服，不戴手套', inspection: { content: '着装规范', method: 'look', period: 'shift' } },
        { type: 'engineering', phase: 'before', text: '开机前检查防护罩', inspection: { content: '防护罩完好', method: 'look', period: 'shift' } },
      ],
    });
    expect(risk.statusCode, risk.body).toBe(201);
    await sql`insert into post_emergency_info (post_id, enterprise_id, emergency_actions, updated_at) values (${w.postId}, ${w.enterpriseId}, ${'立即按下急停按钮\n报告班长'}, ${'2026-11-01T00:00:00Z'})`.execute(t.deps.db);
  });
  afterAll(() => t.close());

  it("lists every front-line post of the year, not started yet, and only the caller's enterprise", async () => {
    const res = await t.request(w.cookies.worker, 'GET', '/api/v1/accident-scenarios?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ year: 2026, items: [{ postId: w.postId, postName: 'scn 车床工', orgUnitName: 'scn 一班', scenario: null }] });
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/accident-scenarios?year=2025')).json().items[0].scenario).toBeNull();
  });

  it("starts the post's sheet pre-filled from its risks and emergency actions; a second start is 409", async () => {
    const res = await t.request(w.cookies.worker, 'POST', '/api/v1/accident-scenarios', { postId: w.postId, year: 2026 });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    scenarioId = d.id;
    expect(d).toMatchObject({
      year: 2026,
      revision: 1,
      status: 'drafting',
      postName: 'scn 车床工',
      accidentSeqs: [1, 3],
      scenes: '1. 车床：防护罩缺失，衣袖卷入',
      checks: '1. 开机前检查防护罩\n2. 穿紧袖工作服，不戴手套',
      emergency: '1. 立即按下急停按钮\n2. 报告班长',
      improvements: [],
      workerCount: 2,
      signedCount: 0,
      reviewedBy: null,
    });
    expect(d.workers.map((p: { name: string }) => p.name).sort()).toEqual(['操作工', '班长'].sort());
    expect(d.reviewers).toEqual([{ id: w.people.team_leader, name: '班长' }]);
    const again = await t.request(w.cookies.team_leader, 'POST', '/api/v1/accident-scenarios', { postId: w.postId, year: 2026 });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a foreign post, a worker of another post, and bad content with a sentence naming the field', async () => {
    const foreign = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/accident-scenarios', { postId: b.postId, year: 2026 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('postId');
    const bad = await t.request(w.cookies.worker, 'PUT', `/api/v1/accident-scenarios/${scenarioId}`, { revision: 1, accidentSeqs: [21], scenes: '', checks: '', emergency: '', improvements: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('accidentSeqs.0');
    // Another enterprise sees nothing of it, whatever it sends.
    expect((await t.request(b.cookies.safety_manager, 'GET', `/api/v1/accident-scenarios/${scenarioId}`)).statusCode).toBe(404);
    expect((await t.request(b.cookies.safety_manager, 'PUT', `/api/v1/accident-scenarios/${scenarioId}`, { nonsense: 1 })).statusCode).toBe(404);
    expect((await t.request(b.cookies.worker, 'POST', '/api/v1/sign-offs', { subjectType: 'accident-scenario', subjectId: scenarioId, role: 'worker', personId: b.people.worker, method: 'session' })).statusCode).toBe(404);
    expect((await t.request(b.cookies.safety_manager, 'GET', '/api/v1/accident-scenarios?year=2026')).json().items.map((i: { scenario: unknown }) => i.scenario)).toEqual([null]);
    // A worker edits only the sheet of a post they work on.
    const other = (await t.request(w.cookies.safety_manager, 'POST', '/api/v1/posts', { name: 'scn 叉车工', kind: 'operation', orgUnitId: w.team })).json().id;
    const otherSheet = (await t.request(w.cookies.safety_manager, 'POST', '/api/v1/accident-scenarios', { postId: other, year: 2026 })).json();
    const notMine = await t.request(w.cookies.worker, 'PUT', `/api/v1/accident-scenarios/${otherSheet.id}`, { revision: 1, accidentSeqs: [], scenes: '', checks: '', emergency: '', improvements: [] });
    expect(notMine.statusCode).toBe(403);
    const mgmt = (await t.request(w.cookies.safety_manager, 'POST', '/api/v1/posts', { name: 'scn 安全员', kind: 'management' })).json().id;
    const notFrontLine = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/accident-scenarios', { postId: mgmt, year: 2026 });
    expect(notFrontLine.statusCode).toBe(400);
    expect(notFrontLine.json().errors[0].message).toContain('一线');
  });

  it('workers sign the revision; the review waits for all of them; a save asks every signature again', async () => {
    // The worker completes the sheet and signs it.
    const saved = await t.request(w.cookies.worker, 'PUT', `/api/v1/accident-scenarios/${scenarioId}`, {
      revision: 1,
      accidentSeqs: [3, 1, 3],
      scenes: '1. 车床：防护罩缺失，衣袖卷入\n2. 清理铁屑时手被划伤',
      checks: '1. 开机前检查防护罩',
      emergency: '1. 立即按下急停按钮',
      improvements: ['车床防护罩插销松动', '急停按钮标识褪色'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ revision: 2, accidentSeqs: [1, 3], improvements: [{ index: 0, text: '车床防护罩插销松动', hazardId: null }, { index: 1 }] });
    const stale = await t.request(w.cookies.team_leader, 'PUT', `/api/v1/accident-scenarios/${scenarioId}`, { revision: 1, accidentSeqs: [], scenes: '', checks: '', emergency: '', improvements: [] });
    expect(stale.statusCode).toBe(409);
    expect((await detail()).scenes).toContain('清理铁屑');

    expect((await signAs(w.cookies.worker, { role: 'worker', personId: w.people.worker })).statusCode).toBe(201);
    const early = await signAs(w.cookies.team_leader, { role: 'review', personId: w.people.team_leader });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('班长');
    expect((await signAs(w.cookies.team_leader, { role: 'worker', personId: w.people.team_leader })).statusCode).toBe(201);
    expect(await detail()).toMatchObject({ status: 'signed', signedCount: 2 });
    expect((await signAs(w.cookies.team_leader, { role: 'review', personId: w.people.team_leader })).statusCode).toBe(201);
    expect(await detail()).toMatchObject({ status: 'reviewed', reviewedBy: { id: w.people.team_leader, name: '班长' } });

    // A later change is a new revision: the signatures stay as evidence but no longer count.
    const changed = await t.request(w.cookies.team_leader, 'PUT', `/api/v1/accident-scenarios/${scenarioId}`, { ...(await detail()), revision: 2, improvements: ['车床防护罩插销松动', '急停按钮标识褪色', '地面油污'] });
    expect(changed.statusCode, changed.body).toBe(400); // the detail's extra fields are refused (strict body)
    const d = await detail();
    const resave = await t.request(w.cookies.team_leader, 'PUT', `/api/v1/accident-scenarios/${scenarioId}`, {
      revision: 2,
      accidentSeqs: d.accidentSeqs,
      scenes: d.scenes,
      checks: d.checks,
      emergency: d.emergency,
      improvements: ['车床防护罩插销松动', '急停按钮标识褪色', '地面油污'],
    });
    expect(resave.json()).toMatchObject({ revision: 3, status: 'drafting', signedCount: 0, reviewedBy: null });
    const rows = await sql<{ n: number | string }>`select count(*) as n from sign_off where subject_id = ${scenarioId}`.execute(t.deps.db);
    expect(Number(rows.rows[0]?.n)).toBe(3);
    const revisions = await sql<{ n: number | string }>`select count(*) as n from accident_scenario_revision where scenario_id = ${scenarioId}`.execute(t.deps.db);
    expect(Number(revisions.rows[0]?.n)).toBe(3);
  });

  it('keeps signatures insert-only: a withdrawal is a new entry, the signed one stays', async () => {
    expect((await signAs(w.cookies.worker, { role: 'worker', personId: w.people.worker })).statusCode).toBe(201);
    const revoke = await signAs(w.cookies.worker, { role: 'worker', personId: w.people.worker, action: 'revoke', note: '签错了' });
    expect(revoke.statusCode, revoke.body).toBe(201);
    const sheet = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/sign-offs?subjectType=accident-scenario&subjectId=${scenarioId}`)).json();
    expect(sheet.items.map((i: { action: string }) => i.action)).toEqual(['sign', 'sign', 'sign', 'sign', 'revoke']);
    expect((await detail()).signedCount).toBe(0);
  });

  it('turns an improvement item into a hazard of the post with one tap (once), managers only', async () => {
    expect((await t.request(w.cookies.worker, 'POST', `/api/v1/accident-scenarios/${scenarioId}/hazards`, { index: 0 })).statusCode).toBe(403);
    const res = await t.request(w.cookies.team_leader, 'POST', `/api/v1/accident-scenarios/${scenarioId}/hazards`, { index: 0 });
    expect(res.statusCode, res.body).toBe(200);
    const hazardId = res.json().improvements[0].hazardId;
    expect(hazardId).toBeTruthy();
    const hazard = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards/${hazardId}`)).json();
    expect(hazard).toMatchObject({ status: 'reported', postId: w.postId });
    expect(hazard.description).toContain('车床防护罩插销松动');
    const again = await t.request(w.cookies.team_leader, 'POST', `/api/v1/accident-scenarios/${scenarioId}/hazards`, { index: 0 });
    expect(again.json().improvements[0].hazardId).toBe(hazardId);
    const n = await sql<{ n: number | string }>`select count(*) as n from hazard where enterprise_id = ${w.enterpriseId}`.execute(t.deps.db);
    expect(Number(n.rows[0]?.n)).toBe(1);
    const missing = await t.request(w.cookies.team_leader, 'POST', `/api/v1/accident-scenarios/${scenarioId}/hazards`, { index: 9 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('index');
  });

  it("exports every front-line post of the year as .xlsx with the seed's row titles", async () => {
    const res = await t.request(w.cookies.safety_manager, 'GET', '/api/v1/accident-scenarios.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('一线岗位安全风险事故假想参考表（2026年）');
    expect((sheet.getRow(2).values as unknown[]).slice(3, 8)).toEqual(['常见事故类型', '最易发生事故场景', '防范检查要求', '紧急应对措施', '存在问题改进措施']);
    const names = [3, 4].map((r) => sheet.getRow(r).getCell(2).value);
    expect([...names].sort()).toEqual(['scn 叉车工', 'scn 车床工'].sort());
    const lathe = sheet.getRow(names.indexOf('scn 车床工') + 3);
    expect(lathe.getCell(3).value).toBe('（1）物体打击；（3）机械伤害');
    expect(String(lathe.getCell(7).value)).toContain('3. 地面油污');
  });
});
