import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { starterSheet } from '../../../reference/standardization/gbt33000-starter-sheet.js';
import { reportSections } from './standardization-outputs.service.js';

const pw = 'demo-pass-123';
const base = '/api/v1/standardization';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.skipIf(!isDbAvailable())('standardization self-assessment on the demo enterprise', () => {
  let t: TestApp;
  let safety: string;
  let principalPersonId: string;
  let safetyPersonId: string;
  let id: string;
  type Item = { code: string; points: number; proposal: { proposedDeduction: number | null; reason: string; evidence: string[]; isVetoFired: boolean } | null; decision: { deduction: number; isOverride: boolean; note: string } | null; previousDeduction: number | null };
  const detail = async (cookie = safety, lang = 'zh-CN') => (await t.request(cookie, 'GET', `${base}/assessments/${id}`, undefined, { 'accept-language': lang })).json();
  const item = async (code: string): Promise<Item> => (await detail()).items.find((i: Item) => i.code === code);
  const plan = (title: string) => ({
    title,
    sheetRef: 'gbt33000-starter',
    profileCode: 'seed004-1000',
    plannedStart: '2026-11-01',
    plannedEnd: '2026-11-20',
    team: [
      { personId: principalPersonId, role: 'leader' },
      { personId: safetyPersonId, role: 'safety_office' },
    ],
  });

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    t.clock.set(new Date('2026-11-05T02:00:00.000Z'));
    await seedDemo(t.deps, pw);
    safety = await t.login('safety', pw);
    // Two posts added after the demo was set up: their risks identified, their inspection lists not
    // yet published (the demo's own lists are published) — what 5.5.5 deducts for.
    for (const name of ['喷砂工（新增）', '叉车司机（新增）']) {
      const post = await t.request(safety, 'POST', '/api/v1/posts', { name, kind: 'operation', headcount: 1 });
      expect(post.statusCode, post.body).toBe(201);
      const risk = await t.request(safety, 'POST', '/api/v1/risks', {
        postId: post.json().id,
        objectKind: 'equipment',
        objectName: `${name}设备`,
        hazardFactorCodes: ['2101'],
        accidentTypeCodes: ['04'],
        causes: '操作不当',
        evaluation: { method: 'LEC', L: 1, E: 1, C: 1 },
        measures: [{ type: 'engineering', phase: 'during', text: '按规程操作', inspection: { content: '检查操作规程执行', method: 'look', period: 'shift' } }],
      });
      expect(risk.statusCode, risk.body).toBe(201);
    }
    principalPersonId = (await t.request(await t.login('principal', pw), 'GET', '/api/v1/auth/me')).json().personId;
    safetyPersonId = (await t.request(safety, 'GET', '/api/v1/auth/me')).json().personId;
    const res = await t.request(safety, 'POST', `${base}/assessments`, plan('2026 年度自评'));
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
  });
  afterAll(() => t.close());

  it('pre-fills evidence from the product and proposes deductions with their reasons', async () => {
    const d = await detail();
    expect(d.team.map((m: { name: string }) => m.name)).toEqual(['王建国', '李秀英']);
    const withProposal = (d.items as Item[]).filter((i) => i.proposal);
    expect(withProposal.map((i) => i.code).sort()).toEqual(['5.1.2', '5.5.1', '5.5.2', '5.5.5', '5.5.6', '5.6.1', '5.6.2', 'V-1'].sort());
    // The demo has no emergency plan in force yet.
    expect(withProposal.find((i) => i.code === '5.6.1')?.proposal?.reason).toContain('没有现行有效的应急预案');
    // The two new posts have risks but no published inspection list: 2 points a post, capped at the item.
    const lists = withProposal.find((i) => i.code === '5.5.5') as Item;
    expect(lists.proposal?.proposedDeduction).toBeGreaterThan(0);
    expect(lists.proposal?.reason).toMatch(/^岗位排查清单缺 \d+ 个（.*），每个扣 2 分，计 \d+ 分；评价期内无排查任务完成率数据；建议扣 \d+ 分$/);
    expect(lists.proposal?.evidence.join()).toContain('未发布排查清单的岗位');
    // Risks were identified on every demo post.
    expect(withProposal.find((i) => i.code === '5.5.1')?.proposal).toMatchObject({ proposedDeduction: 0 });
    expect(withProposal.find((i) => i.code === 'V-1')?.proposal).toMatchObject({ isVetoFired: false });
    // Nothing decided yet: full marks so far, progress 0 per element.
    expect(d.result).toMatchObject({ score1000: 1000, grade: 'grade1' });
    expect(d.elements.every((e: { decided: number }) => e.decided === 0)).toBe(true);
    // The same proposals in English.
    const en = await detail(safety, 'en-US');
    expect(en.items.find((i: Item) => i.code === '5.5.5').proposal.reason).toMatch(/^\d+ posts without a published inspection list, 2 each/);
  });

  it('takes a confirmation, refuses an override without a note, keeps the override with its note', async () => {
    const lists = await item('5.5.5');
    const proposed = lists.proposal?.proposedDeduction as number;
    const decide = (code: string, body: object) => t.request(safety, 'POST', `${base}/assessments/${id}/items/${code}/decisions`, body);
    const bare = await decide('5.5.5', { deduction: proposed - 2 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].path).toBe('note');
    expect(bare.json().detail).toContain('理由');
    expect((await decide('5.5.5', { deduction: proposed - 2, note: '冲压工清单已在纸面发布，系统未录入' })).statusCode).toBe(201);
    expect((await item('5.5.5')).decision).toMatchObject({ deduction: proposed - 2, isOverride: true, note: '冲压工清单已在纸面发布，系统未录入' });
    expect((await decide('5.5.1', { deduction: 0 })).statusCode).toBe(201);
    expect((await item('5.5.1')).decision).toMatchObject({ isOverride: false });
    // Item rules: never more than the item, NA only where allowed, veto only on veto items.
    expect((await decide('5.5.1', { deduction: 41 })).json().errors[0].path).toBe('deduction');
    expect((await decide('5.5.1', { deduction: 0, isNotApplicable: true, note: 'x' })).json().errors[0].path).toBe('isNotApplicable');
    expect((await decide('5.5.1', { deduction: 0, isVetoFired: true, note: 'x' })).json().errors[0].path).toBe('isVetoFired');
    expect((await decide('9.9.9', { deduction: 0 })).statusCode).toBe(404);
    const nul = await decide('5.5.1', { deduction: 0, note: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors[0].path).toBe('note');
    const d = await detail();
    expect(d.elements.find((e: { code: string }) => e.code === '5.5')).toMatchObject({ decided: 2, total: 8 });
    expect(d.result.score1000).toBe(1000 - (proposed - 2));
  });

  it('turns a deduction into an action with owner and deadline, and a site condition into a hazard', async () => {
    const res = await t.request(safety, 'POST', `${base}/assessments/${id}/actions`, { itemCode: '5.5.5', kind: 'action', description: '为所有岗位发布排查清单', ownerPersonId: safetyPersonId, deadline: '2026-12-15' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ itemCode: '5.5.5', kind: 'action', ownerName: '李秀英', deadline: '2026-12-15', status: 'open', hazardId: null });
    const again = await t.request(safety, 'POST', `${base}/assessments/${id}/actions`, { itemCode: '5.5.5', kind: 'action', description: '重复', ownerPersonId: safetyPersonId, deadline: '2026-12-15' });
    expect(again.statusCode).toBe(409);
    // No deduction, nothing to act on.
    expect((await t.request(safety, 'POST', `${base}/assessments/${id}/actions`, { itemCode: '5.5.1', kind: 'action', description: 'x', ownerPersonId: safetyPersonId, deadline: '2026-12-15' })).statusCode).toBe(409);
    // A missing guard on a machine: a site condition, so a hazard through the hazards feature.
    expect((await t.request(safety, 'POST', `${base}/assessments/${id}/items/5.4.1/decisions`, { deduction: 5, note: '数控车床防护罩缺失' })).statusCode).toBe(201);
    const posts = (await t.request(safety, 'GET', '/api/v1/posts?limit=1')).json().items;
    const h = await t.request(safety, 'POST', `${base}/assessments/${id}/actions`, { itemCode: '5.4.1', kind: 'hazard', description: '数控车床防护罩缺失', ownerPersonId: safetyPersonId, deadline: '2026-11-30', postId: posts[0].id });
    expect(h.statusCode, h.body).toBe(201);
    const hazard = (await t.request(safety, 'GET', `/api/v1/hazards/${h.json().hazardId}`)).json();
    expect(hazard).toMatchObject({ status: 'reported', postId: posts[0].id });
    expect(hazard.description).toContain('【标准化自评 5.4.1】');
    // A hazard closes by its own acceptance, an action here with a note.
    expect((await t.request(safety, 'POST', `${base}/assessments/${id}/actions/${h.json().id}/close`, { note: 'x' })).statusCode).toBe(409);
    // The action's deadline is a due item (its owner sees it in 待办事项) until it is done.
    const due = async () => (await t.request(safety, 'GET', '/api/v1/due-items?kind=standardization&to=2027-01-31T00:00:00.000Z')).json().items;
    expect(await due()).toEqual([
      expect.objectContaining({ kind: 'standardization.action', status: 'due', ownerPersonId: safetyPersonId, link: `/standardization/assessments/${id}`, dueAt: '2026-12-15T15:59:59.000Z' }),
    ]);
    const ok = await t.request(safety, 'POST', `${base}/assessments/${id}/actions/${res.json().id}/close`, { note: '已发布' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await due()).map((i: { status: string }) => i.status)).toEqual(['done']);
    // The owner must be one of the enterprise's people.
    const stranger = await t.request(safety, 'POST', `${base}/assessments/${id}/actions`, { itemCode: '5.4.1', kind: 'action', description: 'x', ownerPersonId: '01a2070b-0000-7000-8000-000000000000', deadline: '2026-12-15' });
    expect(stranger.json().errors[0].path).toBe('ownerPersonId');
  });

  it('concludes only when every item is decided, then freezes the score and grade and writes the files', async () => {
    const early = await t.request(safety, 'POST', `${base}/assessments/${id}/conclude`);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/未评分/);
    expect((await t.request(safety, 'POST', `${base}/assessments/${id}/meetings`, { kind: 'first', heldOn: '2026-11-01', attendeePersonIds: [principalPersonId, safetyPersonId], minutes: '部署年度自评' })).statusCode).toBe(201);
    // The attendees sign the meeting record through the one sign-off mechanism.
    const meetingId = (await detail()).meetings[0].id;
    const signed = await t.request(safety, 'POST', '/api/v1/sign-offs', { subjectType: 'standardization-meeting', subjectId: meetingId, role: 'attendee', personId: safetyPersonId, method: 'session' });
    expect(signed.statusCode, signed.body).toBe(201);
    const signOffSheet = (await t.request(safety, 'GET', `/api/v1/sign-offs?subjectType=standardization-meeting&subjectId=${meetingId}`)).json();
    expect(signOffSheet.expected.map((x: { signOffId: string | null }) => Boolean(x.signOffId)).sort()).toEqual([false, true]);
    const rest = await t.request(safety, 'POST', `${base}/assessments/${id}/confirm-remaining`);
    expect(rest.statusCode, rest.body).toBe(200);
    const concluded = await t.request(safety, 'POST', `${base}/assessments/${id}/conclude`);
    expect(concluded.statusCode, concluded.body).toBe(200);
    const result = concluded.json();
    expect(result.grade).not.toBeNull();
    expect(result.score1000).toBeLessThan(1000);
    expect(result.elements).toHaveLength(8);
    // Concluded records are evidence: no more decisions.
    expect((await t.request(safety, 'POST', `${base}/assessments/${id}/items/5.5.1/decisions`, { deduction: 0 })).statusCode).toBe(409);

    const book = new ExcelJS.Workbook();
    const file = await t.request(safety, 'GET', `${base}/assessments/${id}/scoring.xlsx`);
    expect(file.headers['content-type']).toContain(xlsx);
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['评分汇总表', '扣分说明表', '打分表']);
    const summary = book.getWorksheet('评分汇总表') as ExcelJS.Worksheet;
    const totalRow = summary.getRows(1, summary.rowCount)?.find((r) => r.getCell(2).value === '合计');
    expect(totalRow?.getCell(7).value).toBe(result.earned);
    const notes = book.getWorksheet('扣分说明表') as ExcelJS.Worksheet;
    const noteRows = (notes.getRows(3, notes.rowCount - 2) ?? []).map((r) => [r.getCell(2).value, r.getCell(6).value]);
    expect(noteRows).toContainEqual(['5.5.5', '冲压工清单已在纸面发布，系统未录入']);
    expect(noteRows).toContainEqual(['5.4.1', '数控车床防护罩缺失']);
    const sheet = book.getWorksheet('打分表') as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(2 + starterSheet.items.length);

    const docxText = async (path: string) => {
      const res = await t.request(safety, 'GET', `${base}/assessments/${id}/${path}`);
      expect(res.statusCode).toBe(200);
      return (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) as string;
    };
    const report = await docxText('report.docx');
    for (const heading of reportSections) expect(report).toContain(heading);
    expect(report).toContain('鲁安精密机械加工有限公司');
    expect(report).toContain('王建国（组长（主要负责人））');
    expect(report).toMatch(/以岗位为单元开展风险辨识：在册岗位 \d+ 个/);
    expect(report).toContain(`${result.score1000} 分（千分制）`);
    const nc = await docxText('nonconformities.docx');
    expect(nc).toContain('为所有岗位发布排查清单');
    expect(nc).toContain('[隐患] 数控车床防护罩缺失');
    const checklist = await docxText('application-checklist.docx');
    expect(checklist).toContain('首次会议已记录');
  });

  it('shows in the next self-assessment what changed, and the history per element', async () => {
    const next = await t.request(safety, 'POST', `${base}/assessments`, plan('2027 年度自评'));
    const previousId = id;
    id = next.json().id;
    expect((await item('5.5.5')).previousDeduction).toBeGreaterThan(0);
    expect((await item('5.5.1')).previousDeduction).toBe(0);
    const history = (await t.request(safety, 'GET', `${base}/history`)).json();
    expect(history.elements).toHaveLength(8);
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]).toMatchObject({ assessmentId: previousId, title: '2026 年度自评' });
    expect(history.rows[0].elementRates['5.5']).toBeLessThan(100);
    expect(history.rows[0].elementRates['5.8']).toBe(100);
  });

  it('scores without saving, by sheet reference or inline items, and names a wrong decision in the language asked', async () => {
    const byRef = await t.request(safety, 'POST', `${base}/scorings`, { sheetRef: 'gbt33000-starter', decisions: [{ code: '5.4.3', isNotApplicable: true }, { code: '5.4.1', deduction: 100 }] });
    expect(byRef.statusCode, byRef.body).toBe(200);
    // 930 applicable, 830 earned → 892.5 on 1,000: grade 2.
    expect(byRef.json()).toMatchObject({ applicable: 930, earned: 830, score1000: 892.5, score100: 89.25, grade: 'grade2', gradeLabel: '二级' });
    expect(byRef.json().elements.find((e: { code: string }) => e.code === '5.4')).toMatchObject({ name: '现场管理', points: 300, applicable: 230, earned: 130 });
    const inline = await t.request(safety, 'POST', `${base}/scorings`, { profileCode: 'aqjg2011-100', items: [{ code: 'A', elementCode: 'E', points: 60 }, { code: 'B', elementCode: 'E', points: 40, isVeto: false }], decisions: [{ code: 'A', deduction: 15 }] });
    expect(inline.json()).toMatchObject({ score100: 85, grade: 'grade2' });
    const wrong = await t.request(safety, 'POST', `${base}/scorings`, { sheetRef: 'gbt33000-starter', decisions: [{ code: '5.5.1', isNotApplicable: true }] }, { 'accept-language': 'en-US' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toEqual({ path: 'decisions.0.isNotApplicable', message: 'item 5.5.1 may not be marked not applicable' });
    const neither = await t.request(safety, 'POST', `${base}/scorings`, {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].path).toBe('sheetRef');
    expect((await t.request(safety, 'POST', `${base}/scorings`, { sheetRef: '01a2070b-0000-7000-8000-000000000000' })).statusCode).toBe(404);
  });

  it('imports the downloadable template back as a sheet of its own, and refuses a total that does not add up', async () => {
    const template = await t.request(safety, 'GET', `${base}/sheets/template.xlsx`);
    expect(template.statusCode).toBe(200);
    const upload = (name: string, total: number) => t.request(safety, 'POST', `${base}/sheets?name=${encodeURIComponent(name)}&totalPoints=${total}`, template.rawPayload, { 'content-type': xlsx });
    const bad = await upload('机械行业', 900);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues[0].message).toContain('合计 1000 分');
    const ok = await upload('机械行业评定标准', 1000);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ name: '机械行业评定标准', totalPoints: 1000 });
    expect(ok.json().items.find((i: { code: string }) => i.code === '5.5.5')).toMatchObject({ points: 40, evidenceKey: 'inspection-lists' });
    const sheets = (await t.request(safety, 'GET', `${base}/sheets`)).json();
    expect(sheets.map((s: { name: string }) => s.name)).toContain('机械行业评定标准');
  });

  it('records internal assessors (training and appointment) once per person', async () => {
    const body = { personId: safetyPersonId, training: '安全生产标准化内审员培训（考核合格）', trainedOn: '2026-09-01', appointedOn: '2026-09-10', appointmentRef: '鲁安〔2026〕12号' };
    expect((await t.request(safety, 'POST', `${base}/assessors`, body)).statusCode).toBe(201);
    expect((await t.request(safety, 'POST', `${base}/assessors`, body)).statusCode).toBe(409);
    expect((await t.request(safety, 'POST', `${base}/assessors`, { ...body, personId: principalPersonId, appointedOn: '2026-08-01' })).json().errors[0].path).toBe('appointedOn');
    expect((await t.request(safety, 'GET', `${base}/assessors`)).json()).toMatchObject([{ name: '李秀英', appointmentRef: '鲁安〔2026〕12号' }]);
    // A worker reads nothing of it; a regulator reads but does not write.
    expect((await t.request(await t.login('worker', pw), 'GET', `${base}/assessors`)).statusCode).toBe(403);
    const regulator = await t.login('regulator', pw);
    const enterpriseId = (await t.request(safety, 'GET', '/api/v1/auth/me')).json().activeEnterpriseId;
    expect((await t.request(regulator, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId })).statusCode).toBe(200);
    expect((await t.request(regulator, 'GET', `${base}/assessments/${id}`)).statusCode).toBe(200);
    expect((await t.request(regulator, 'POST', `${base}/assessors`, body)).statusCode).toBe(403);
  });
});
