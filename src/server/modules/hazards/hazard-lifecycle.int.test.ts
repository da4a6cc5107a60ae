import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import sharp from 'sharp';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { findIndustryTemplate } from '../../../reference/templates/index.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { createHazardInTransaction } from './hazard-intake.service.js';
import { clientId, count, fivePlan, hazardWorld, type World } from './hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('hazard lifecycle', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    w = await hazardWorld(t, 'hz');
  });
  afterAll(() => t.close());

  const report = async (cookie: string, extra: object = {}) => {
    const res = await t.request(cookie, 'POST', '/api/v1/hazards', { description: '车床防护罩缺失', postId: w.postId, clientId: clientId(), ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const act = (cookie: string, id: string, step: string, body: object = {}) => t.request(cookie, 'POST', `/api/v1/hazards/${id}/${step}`, body);
  const photo = async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } }).png().toBuffer();
    const res = await t.request(w.cookies.team_leader, 'POST', `/api/v1/attachments?postId=${w.postId}`, png, { 'content-type': 'image/png' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  describe('createHazardInTransaction', () => {
    it('applies a replayed clientId once, also when two arrive at once', async () => {
      const actor = { userId: null, enterpriseId: w.enterpriseId };
      const input = { source: 'inspection' as const, postId: w.postId, description: '巡检不合格：急停按钮失效', clientId: clientId('dup') };
      const first = await withTransaction(t.deps.db, (trx) => createHazardInTransaction(t.deps, trx, actor, input));
      const again = await withTransaction(t.deps.db, (trx) => createHazardInTransaction(t.deps, trx, actor, input));
      expect(first.isNew).toBe(true);
      expect(again).toEqual({ hazardId: first.hazardId, isNew: false });
      const concurrent = { ...input, clientId: clientId('race') };
      const results = await Promise.all(
        Array.from({ length: 5 }, () => withTransaction(t.deps.db, (trx) => createHazardInTransaction(t.deps, trx, actor, concurrent))),
      );
      expect(new Set(results.map((r) => r.hazardId)).size).toBe(1);
      expect(results.filter((r) => r.isNew)).toHaveLength(1);
      expect(await count(t, 'hazard', 'client_id', concurrent.clientId)).toBe(1);
      expect(await count(t, 'hazard_event', 'hazard_id', results[0]?.hazardId as string)).toBe(1);
    });

    it('answers a replayed report over HTTP with 200 and the first id, a new one with 201 (issue 10 §5)', async () => {
      const body = { description: '配电箱门未关', postId: w.postId, clientId: clientId('http-replay') };
      const first = await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', body);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json().isNew).toBe(true);
      const replay = await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', body);
      expect(replay.statusCode, replay.body).toBe(200);
      expect(replay.json()).toEqual({ id: first.json().id, isNew: false });
      // The replay is answered even if what it names no longer checks out; a new report naming it is a 400 on the field.
      const gone = '0190a5f2-0000-7000-8000-000000000000';
      const stale = await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { ...body, postId: gone });
      expect(stale.statusCode, stale.body).toBe(200);
      expect(stale.json()).toEqual({ id: first.json().id, isNew: false });
      const fresh = await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { ...body, postId: gone, clientId: clientId('http-gone') });
      expect(fresh.statusCode, fresh.body).toBe(400);
      expect(fresh.json().errors?.[0]?.path ?? fresh.body).toContain('postId');
      // The reporter's person comes with the session: recorded on the hazard.
      const reporter = await t.deps.db.selectFrom('hazard').innerJoin('membership', 'membership.user_id', 'hazard.reporter_user_id').select(['hazard.reporter_person_id', 'membership.person_id']).where('hazard.id', '=', first.json().id).where('membership.enterprise_id', '=', w.enterpriseId).executeTakeFirstOrThrow();
      expect(reporter.reporter_person_id).toBe(reporter.person_id);
    });

    it('flags the risk of the measure in the same transaction (invariant 8)', async () => {
      const applied = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/template-applications', {
        industry: 'machinery',
        posts: [{ key: findIndustryTemplate('machinery')?.posts[0]?.key, riskSetKeys: [] }],
      });
      const m = await sql<{ id: string; risk_id: string }>`select id, risk_id from control_measure where enterprise_id = ${w.enterpriseId} limit 1`.execute(t.deps.db);
      const measure = m.rows[0];
      expect(applied.statusCode, applied.body).toBe(201);
      if (!measure) throw new Error('no measure');
      const r = await withTransaction(t.deps.db, (trx) =>
        createHazardInTransaction(t.deps, trx, { userId: null, enterpriseId: w.enterpriseId }, { source: 'inspection', measureId: measure.id, description: '防护罩缺失', clientId: clientId('m') }),
      );
      const risk = await sql<{ review_reason: string | null }>`select review_reason from risk where id = ${measure.risk_id}`.execute(t.deps.db);
      expect(risk.rows[0]?.review_reason).toContain(r.hazardId);
    });

    it('refuses a place of another enterprise or an unknown measure', async () => {
      const res = await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { description: 'x', measureId: '01a2070b-0000-7000-8000-000000000000', clientId: clientId() });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('measureId');
      const photo = await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { description: 'x', photoIds: ['01a2070b-0000-7000-8000-000000000000'], clientId: clientId() });
      expect(photo.statusCode).toBe(400);
      expect(photo.json().errors[0].path).toBe('photoIds');
    });
  });

  it('runs report → confirm → five in place → submit → accept by the reporter → closed → published', async () => {
    const id = await report(w.cookies.worker, { areaId: w.areaId });
    const notice = (q: string, cookie = w.cookies.worker) => t.request(cookie, 'GET', `/api/v1/hazard-closure-notices?${q}`);
    const allowed = async (cookie: string) => (await t.request(cookie, 'GET', `/api/v1/hazards/${id}`)).json().allowedActions;
    // The detail tells each caller which steps they may take now, from the same lifecycle rules.
    expect(await allowed(w.cookies.safety_manager)).toEqual(['confirm', 'reject']);
    expect(await allowed(w.cookies.worker)).toEqual([]);
    const listed = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards?q=${encodeURIComponent('防护罩')}`)).json().items;
    expect(listed.find((h: { id: string }) => h.id === id)?.reporterName).toBeTruthy();
    expect((await t.request(w.cookies.safety_manager, 'GET', '/api/v1/hazards?q=%25')).json().items).toEqual([]);
    expect((await act(w.cookies.worker, id, 'confirm', { grade: 'general' })).statusCode).toBe(403);
    const confirmed = await act(w.cookies.safety_manager, id, 'confirm', { grade: 'general' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
    const deadline = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const full = fivePlan(w.people.team_leader, deadline);
    for (const field of Object.keys(full)) {
      const partial: Record<string, unknown> = { ...full };
      delete partial[field];
      const res = await act(w.cookies.safety_manager, id, 'rectification-plan', partial);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    const planned = await act(w.cookies.safety_manager, id, 'rectification-plan', full);
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json()).toMatchObject({ status: 'under_rectification', deadline, rectificationPlan: { fundsCny: 1200.5 } });
    expect((await act(w.cookies.worker, id, 'submit', {})).json().code).toBe('HAZARD_NOT_PERMITTED');
    expect((await act(w.cookies.team_leader, id, 'submit', { note: '已更换' })).json().status).toBe('submitted_for_acceptance');
    expect(await allowed(w.cookies.team_leader)).not.toContain('accept');
    expect(await allowed(w.cookies.worker)).toContain('accept');
    const byRectifier = await act(w.cookies.team_leader, id, 'accept', {});
    expect(byRectifier.statusCode).toBe(403);
    const accepted = await act(w.cookies.worker, id, 'accept', { note: '已验收' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'closed', isPublished: false });
    expect(accepted.json().closedAt).toBe(t.clock.now().toISOString());
    // Seed 001 第十八条: not on the notice until published; then on its post's and area's notice with date and result.
    expect((await notice(`postId=${w.postId}`)).json().items.map((i: { hazardId: string }) => i.hazardId)).not.toContain(id);
    const published = await act(w.cookies.safety_manager, id, 'publish', {});
    expect(published.json().isPublished).toBe(true);
    const byPost = (await notice(`postId=${w.postId}`)).json();
    expect(byPost.placeName).toBe('hz 车床工');
    expect(byPost.items.find((i: { hazardId: string }) => i.hazardId === id)).toMatchObject({
      description: '车床防护罩缺失', grade: 'general', closedAt: t.clock.now().toISOString(), publishedAt: t.clock.now().toISOString(), result: '整改完成，验收合格：已验收', postName: 'hz 车床工',
    });
    expect((await notice(`areaId=${w.areaId}`)).json().items.map((i: { hazardId: string }) => i.hazardId)).toContain(id);
    const elsewhere = (await t.request(w.cookies.safety_manager, 'POST', '/api/v1/areas', { name: 'hz 仓库' })).json().id;
    expect((await notice(`areaId=${elsewhere}`)).json().items).toEqual([]);
    const foreign = await hazardWorld(t, 'hzn');
    expect((await notice(`postId=${w.postId}`, foreign.cookies.worker)).statusCode).toBe(404);
    expect((await notice('', foreign.cookies.worker)).json().items).toEqual([]);
    expect((await act(w.cookies.safety_manager, id, 'publish', {})).statusCode).toBe(403);
    const detail = (await t.request(w.cookies.regulator, 'GET', `/api/v1/hazards/${id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['report', 'confirm', 'plan_rectification', 'submit', 'accept', 'publish']);
    expect(await count(t, 'audit_log', 'entity_id', id)).toBeGreaterThanOrEqual(6);
  });

  it('corrects a wrong field with a new entry (who, when, why, old → new) and keeps the original in the history', async () => {
    const id = await report(w.cookies.worker);
    const correct = (cookie: string, body: object, hazardId = id) => t.request(cookie, 'POST', `/api/v1/hazards/${hazardId}/corrections`, body);
    expect((await correct(w.cookies.worker, { field: 'description', value: '改', reason: '笔误' })).statusCode).toBe(403);
    const foreign = await hazardWorld(t, 'hzc');
    expect((await correct(foreign.cookies.safety_manager, { field: 'description', value: '改', reason: '笔误' })).statusCode).toBe(404);
    const noReason = await correct(w.cookies.safety_manager, { field: 'description', value: '车床防护罩缺失（左侧）' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const otherPost = await correct(w.cookies.safety_manager, { field: 'postId', value: foreign.postId, reason: '岗位选错' });
    expect(otherPost.statusCode).toBe(400);
    expect(otherPost.json().errors[0].path).toBe('value');
    const res = await correct(w.cookies.safety_manager, { field: 'description', value: '车床防护罩缺失（左侧）', reason: '上报时未写明位置' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().description).toBe('车床防护罩缺失（左侧）');
    const entry = res.json().events.at(-1);
    expect(entry).toMatchObject({ action: 'correct', actorUserId: expect.any(String), data: { field: 'description', old: '车床防护罩缺失', new: '车床防护罩缺失（左侧）', reason: '上报时未写明位置' } });
    expect(res.json().events.map((e: { action: string }) => e.action)).toEqual(['report', 'correct']);
    expect(await count(t, 'audit_log', 'entity_id', id)).toBeGreaterThanOrEqual(2);
  });

  it('lets a consultant record a hazard found on a site walk; the enterprise confirms it, not the consultancy', async () => {
    const e = await createEnterpriseWithUsers(t.deps, 'hzk', ['safety_manager', 'consultant']);
    const consultant = await t.login(e.usernames.consultant as string);
    const manager = await t.login(e.usernames.safety_manager as string);
    const res = await t.request(consultant, 'POST', '/api/v1/hazards', { description: '配电柜前堆放杂物（现场检查发现）', clientId: clientId() });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const detail = (await t.request(manager, 'GET', `/api/v1/hazards/${id}`)).json();
    expect(detail).toMatchObject({ status: 'reported', reporterName: expect.any(String) });
    expect((await act(consultant, id, 'confirm', { grade: 'general' })).statusCode).toBe(403);
    expect((await act(manager, id, 'confirm', { grade: 'general' })).json().status).toBe('confirmed');
  });

  it('never lets the rectifier accept, even when they reported it; their department head may', async () => {
    const id = await report(w.cookies.worker);
    await act(w.cookies.safety_manager, id, 'confirm', { grade: 'general' });
    await act(w.cookies.safety_manager, id, 'rectification-plan', fivePlan(w.people.worker, new Date(t.clock.now().getTime() + 86_400_000 * 3).toISOString()));
    expect((await act(w.cookies.worker, id, 'submit', {})).statusCode).toBe(200);
    const own = await act(w.cookies.worker, id, 'accept', {});
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toMatch(/整改人不能验收/);
    expect((await act(w.cookies.principal, id, 'accept', {})).statusCode).toBe(403);
    const sentBack = await act(w.cookies.dept_head, id, 'send-back', { reason: '螺栓未紧固' });
    expect(sentBack.json().status).toBe('under_rectification');
    await act(w.cookies.worker, id, 'submit', {});
    expect((await act(w.cookies.dept_head, id, 'accept', {})).json().status).toBe('closed');
  });

  it('refuses fixing on the spot by the one who then accepts', async () => {
    const id = await report(w.cookies.team_leader);
    await act(w.cookies.safety_manager, id, 'confirm', { grade: 'general' });
    expect((await act(w.cookies.team_leader, id, 'fix-on-spot', { note: '当场紧固' })).json().status).toBe('fixed_on_spot');
    expect((await act(w.cookies.team_leader, id, 'accept', {})).statusCode).toBe(403);
    expect((await act(w.cookies.dept_head, id, 'accept', {})).json().status).toBe('closed');
  });

  it('stops work on a major hazard and lifts the stop only on acceptance; the bureau report has the three sections', async () => {
    const id = await report(w.cookies.worker, { areaId: w.areaId });
    const noCriterion = await act(w.cookies.safety_manager, id, 'confirm', { grade: 'major', peopleWithdrawn: '张三、李四' });
    expect(noCriterion.statusCode).toBe(400);
    expect(noCriterion.json().errors[0].path).toBe('criterionId');
    const confirmed = await act(w.cookies.safety_manager, id, 'confirm', { grade: 'major', criterionOtherReason: '行车制动失效', peopleWithdrawn: '张三、李四', withdrawnBy: '车间主任' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().stopWork).toEqual([expect.objectContaining({ postId: w.postId, areaId: w.areaId, peopleWithdrawn: '张三、李四', liftedAt: null })]);
    expect((await act(w.cookies.safety_manager, id, 'fix-on-spot', { note: 'x' })).json().code).toBe('HAZARD_NOT_PERMITTED');
    const deadline = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
    expect((await act(w.cookies.safety_manager, id, 'rectification-plan', fivePlan(w.people.team_leader, deadline))).json().code).toBe('HAZARD_NOT_PERMITTED');
    const six = {
      objective: '消除行车制动失效隐患',
      methods: '更换制动器',
      fundsAndMaterials: '资金 3 万元，制动器 1 套',
      organisationAndPeople: '设备科牵头，维修班实施',
      schedule: '30 日内完成',
      safetyAndEmergency: '停用行车，设置警戒；起重伤害应急预案',
      situationAndCause: '制动片磨损超限，点检不到位',
      severityAndDifficulty: '可能导致起重伤害；整改难度一般',
    };
    expect((await act(w.cookies.safety_manager, id, 'remediation-plan', six)).statusCode).toBe(403);
    expect((await act(w.cookies.principal, id, 'remediation-plan', six)).statusCode).toBe(200);
    expect((await act(w.cookies.safety_manager, id, 'rectification-plan', fivePlan(w.people.team_leader, deadline))).statusCode).toBe(200);
    // Issue 8 §7: a major hazard is reported done only with photos of the rectified state.
    const noPhoto = await act(w.cookies.team_leader, id, 'submit', { note: '已更换' });
    expect([noPhoto.statusCode, noPhoto.json().errors[0].path]).toEqual([400, 'photoIds']);
    expect(noPhoto.json().errors[0].message).toContain('整改后的照片');
    const unknown = await act(w.cookies.team_leader, id, 'submit', { photoIds: ['01a2070b-0000-7000-8000-000000000000'] });
    expect([unknown.statusCode, unknown.json().errors[0].path]).toEqual([400, 'photoIds']);
    const [first, second] = [await photo(), await photo()];
    expect((await act(w.cookies.team_leader, id, 'submit', { note: '已更换', photoIds: [first] })).json().afterPhotoIds).toEqual([first]);
    const back = await act(w.cookies.worker, id, 'send-back', { reason: '未试车' });
    expect(back.json().stopWork[0].liftedAt).toBeNull();
    const again = await act(w.cookies.team_leader, id, 'submit', { note: '已试车', photoIds: [second] });
    // Acceptance compares the report's photos with the latest submission's.
    expect(again.json()).toMatchObject({ status: 'submitted_for_acceptance', afterPhotoIds: [second] });
    expect((await t.request(w.cookies.principal, 'GET', `/api/v1/hazards/${id}/result-report.docx`)).statusCode).toBe(409);
    // Seed 001 Art. 17: the report reached the regulator linked to the enterprise, who acknowledges it.
    const inbox = (await t.request(w.cookies.regulator, 'GET', '/api/v1/bureau-reports')).json().items;
    const bureau = inbox.find((r: { hazardId: string }) => r.hazardId === id);
    expect(bureau).toMatchObject({ kind: 'major_hazard', enterpriseId: w.enterpriseId, isAcknowledgedByMe: false, bureau: expect.stringContaining('应急管理局') });
    const notes = (await t.request(w.cookies.regulator, 'GET', '/api/v1/notifications')).json();
    expect(JSON.stringify(notes)).toContain('重大事故隐患报告');
    expect((await t.request(w.cookies.worker, 'POST', `/api/v1/bureau-reports/${bureau.id}/acknowledge`, {})).statusCode).toBe(404);
    const ack = await t.request(w.cookies.regulator, 'POST', `/api/v1/bureau-reports/${bureau.id}/acknowledge`, { note: '已收悉，请按方案治理' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ isAcknowledgedByMe: true, acknowledgements: [expect.objectContaining({ note: '已收悉，请按方案治理' })] });
    const docx = await t.request(w.cookies.regulator, 'GET', bureau.docxUrl);
    expect(docx.statusCode).toBe(200);
    expect((await t.request(w.cookies.principal, 'GET', `/api/v1/hazards/${id}/bureau-reports`)).json().items[0].acknowledgements).toHaveLength(1);

    t.clock.advanceMinutes(60);
    // 16号令: no acceptance (and no lifting) before technical staff or experts evaluated the remediation as passed.
    const early = await act(w.cookies.worker, id, 'accept', { note: '试车合格', result: '制动器已更换，试车合格' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('REMEDIATION_NOT_EVALUATED');
    expect((await t.request(w.cookies.principal, 'GET', `/api/v1/hazards/${id}`)).json().stopWork[0].liftedAt).toBeNull();
    const evaluation = { evaluators: '设备科 王工、外聘专家 刘工', evaluatorKind: 'experts', conclusion: 'failed', opinion: '制动器未调整到位', evaluatedOn: '2026-11-23' };
    expect((await t.request(w.cookies.worker, 'POST', `/api/v1/hazards/${id}/remediation-evaluations`, evaluation)).statusCode).toBe(403);
    expect((await t.request(w.cookies.safety_manager, 'POST', `/api/v1/hazards/${id}/remediation-evaluations`, evaluation)).statusCode).toBe(201);
    expect((await act(w.cookies.worker, id, 'accept', { note: '试车合格' })).json().code).toBe('REMEDIATION_NOT_EVALUATED');
    const passed = await t.request(w.cookies.safety_manager, 'POST', `/api/v1/hazards/${id}/remediation-evaluations`, { ...evaluation, conclusion: 'passed', opinion: '制动可靠，同意恢复' });
    expect(passed.statusCode, passed.body).toBe(201);
    const accepted = await act(w.cookies.worker, id, 'accept', { note: '试车合格', result: '制动器已更换，试车合格' });
    expect(accepted.json().stopWork[0].liftedAt).toBe(t.clock.now().toISOString());
    const evaluations = (await t.request(w.cookies.principal, 'GET', `/api/v1/hazards/${id}/remediation-evaluations`)).json().items;
    expect(evaluations.map((e: { conclusion: string }) => e.conclusion)).toEqual(['failed', 'passed']);
    // The result report is delivered too.
    const after = (await t.request(w.cookies.regulator, 'GET', '/api/v1/bureau-reports')).json().items.filter((r: { hazardId: string }) => r.hazardId === id);
    expect(after.map((r: { kind: string }) => r.kind).sort()).toEqual(['major_hazard', 'result']);

    for (const [file, titles] of [
      ['bureau-report.docx', ['隐患的现状及其产生原因', '隐患的危害程度和整改难易程度分析', '隐患的治理方案', '制动片磨损超限']],
      ['result-report.docx', ['治理结果', '制动器已更换，试车合格']],
    ] as const) {
      const res = await t.request(w.cookies.principal, 'GET', `/api/v1/hazards/${id}/${file}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string');
      for (const title of titles) expect(xml, title).toContain(title);
    }
  });

  it('takes anonymous reports only while the enterprise allows them', async () => {
    const url = `/api/v1/public/enterprises/${w.enterpriseId}/hazard-reports`;
    const ok = await t.request(null, 'POST', url, { description: '消防通道堵塞', areaId: w.areaId, clientId: clientId('anon') });
    expect(ok.statusCode, ok.body).toBe(201);
    const h = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards/${ok.json().id}`)).json();
    expect(h).toMatchObject({ source: 'anonymous', status: 'reported', reporterUserId: null });
    const off = await t.request(w.cookies.safety_manager, 'PUT', '/api/v1/notification-settings', { allowAnonymousReports: false });
    expect(off.statusCode, off.body).toBe(200);
    const refused = await t.request(null, 'POST', url, { description: '消防通道堵塞', clientId: clientId('anon') });
    expect([403, 404]).toContain(refused.statusCode);
    const unknown = await t.request(null, 'POST', '/api/v1/public/enterprises/01a2070b-0000-7000-8000-000000000000/hazard-reports', { description: 'x', clientId: clientId() });
    expect(unknown.statusCode).toBe(404);
  });
});
