import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('risk register', () => {
  let t: TestApp;
  let cookie: string;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const e = await createEnterpriseWithUsers(t.deps, 'rsk', ['safety_manager']);
    enterpriseId = e.enterpriseId;
    cookie = await t.login(e.usernames.safety_manager as string);
  });
  afterAll(() => t.close());

  const count = async (table: string) => {
    const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)} where enterprise_id = ${enterpriseId}`.execute(t.deps.db);
    return Number(r.rows[0]?.n);
  };
  const counts = async () => ({
    risk: await count('risk'),
    evaluation: await count('risk_evaluation'),
    measure: await count('control_measure'),
    item: await count('inspection_item'),
    plan: await count('special_control_plan'),
  });
  const post = async (name: string, kind: 'operation' | 'management' = 'operation') => {
    const res = await t.request(cookie, 'POST', '/api/v1/posts', { name, kind, headcount: 2, mainEquipment: '车床', mainActivities: '车削' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const lec = (L: number, E: number, C: number) => ({ method: 'LEC', L, E, C });
  const measure = (over: Record<string, unknown> = {}) => ({
    type: 'engineering',
    phase: 'during',
    text: '防护罩完好并联锁',
    inspection: { content: '检查防护罩', method: 'look', period: 'shift' },
    ...over,
  });
  const riskBody = (postId: string, over: Record<string, unknown> = {}) => ({
    postId,
    objectKind: 'equipment',
    objectName: '普通车床',
    hazardFactorCodes: ['2101'],
    accidentTypeCodes: ['03'],
    causes: '防护罩缺失，卡盘卷入',
    evaluation: lec(3, 6, 7),
    measures: [measure()],
    ...over,
  });
  const createRisk = async (body: object, c = cookie) => {
    const res = await t.request(c, 'POST', '/api/v1/risks', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  it("refuses an objectId that is not a record of its kind in the caller's enterprise, on create and on edit (issue 10 §5)", async () => {
    const other = await createEnterpriseWithUsers(t.deps, 'rskobj', ['safety_manager']);
    const otherCookie = await t.login(other.usernames.safety_manager as string);
    const foreignCrane = (await t.request(otherCookie, 'POST', '/api/v1/equipment', { name: '他厂行车' })).json().id as string;
    const ownLathe = (await t.request(cookie, 'POST', '/api/v1/equipment', { name: '本厂车床' })).json().id as string;
    const postId = await post('车工 objectId');
    const before = await counts();
    for (const objectId of [foreignCrane, '01a2070b-0000-7000-8000-000000000000']) {
      const res = await t.request(cookie, 'POST', '/api/v1/risks', riskBody(postId, { objectId }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['objectId']);
    }
    // A duty names no record: an id there is refused too.
    const duty = await t.request(cookie, 'POST', '/api/v1/risks', riskBody(postId, { objectKind: 'duty', objectName: '安全职责', objectId: ownLathe }));
    expect(duty.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    const created = await createRisk(riskBody(postId, { objectId: ownLathe }));
    expect(created.objectId).toBe(ownLathe);
    const moved = await t.request(cookie, 'PATCH', `/api/v1/risks/${created.id}`, { objectId: foreignCrane });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(moved.json().errors[0].path).toBe('objectId');
    const toPlace = await t.request(cookie, 'PATCH', `/api/v1/risks/${created.id}`, { objectKind: 'place' });
    expect(toPlace.statusCode).toBe(400); // the lathe is not an area
    expect((await getRisk(created.id)).objectId).toBe(ownLathe);
  });

  const getPost = async (id: string) => (await t.request(cookie, 'GET', `/api/v1/posts/${id}`)).json();
  const getRisk = async (id: string) => (await t.request(cookie, 'GET', `/api/v1/risks/${id}`)).json();
  const evaluate = (id: string, stage: string, evaluation: object, note = '复评') =>
    t.request(cookie, 'POST', `/api/v1/risks/${id}/evaluations`, { stage, evaluation, note });

  it('stores the evaluation with its profile and rolls the post level up and down', async () => {
    const p = await post('车工');
    const general = await createRisk(riskBody(p));
    expect(general.inherentEvaluation).toMatchObject({ method: 'LEC', score: 126, level: 'general', profile: 'lec-common', stage: 'inherent' });
    expect(general.controlTier).toBe('team');
    expect((await getPost(p)).level).toBe('general');

    const raised = await createRisk(riskBody(p, { objectName: '砂轮机', evaluation: lec(6, 6, 7) }));
    expect(raised.level).toBe('significant');
    expect((await getPost(p)).level).toBe('significant');

    t.clock.advanceMinutes(5);
    const lowered = await evaluate(raised.id, 'inherent', lec(1, 6, 7), '加装联锁后复评');
    expect(lowered.statusCode, lowered.body).toBe(201);
    expect(lowered.json().level).toBe('low');
    // The tier followed the level because it was still the default one.
    expect(lowered.json().controlTier).toBe('post');
    expect((await getPost(p)).level).toBe('general');
    // Insert-only history: the first evaluation is still there, unchanged.
    const rows = await sql<{ level: string }>`select level from risk_evaluation where risk_id = ${raised.id} order by evaluated_at`.execute(t.deps.db);
    expect(rows.rows.map((r) => r.level)).toEqual(['significant', 'low']);
  });

  it('records a residual evaluation without touching the inherent level or the post level', async () => {
    const p = await post('铣工');
    const r = await createRisk(riskBody(p, { evaluation: lec(6, 6, 7) }));
    const res = await evaluate(r.id, 'residual', lec(1, 6, 7), '措施落实后剩余风险');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ level: 'significant', residualLevel: 'low' });
    expect(res.json().residualEvaluation).toMatchObject({ stage: 'residual', level: 'low', profile: 'lec-common', note: '措施落实后剩余风险' });
    expect(res.json().inherentEvaluation.level).toBe('significant');
    expect((await getPost(p)).level).toBe('significant');
  });

  it('keeps the history: who, when, why, level before and after', async () => {
    const p = await post('钳工');
    const r = await createRisk(riskBody(p));
    t.clock.advanceMinutes(1);
    await evaluate(r.id, 'inherent', lec(6, 6, 7), '发生过轻伤');
    t.clock.advanceMinutes(1);
    await evaluate(r.id, 'inherent', lec(10, 6, 7), '同类事故');
    const history = (await t.request(cookie, 'GET', `/api/v1/risks/${r.id}/evaluations`)).json().items;
    expect(history.map((h: { levelBefore: string | null; level: string; note: string }) => [h.levelBefore, h.level, h.note])).toEqual([
      ['significant', 'major', '同类事故'],
      ['general', 'significant', '发生过轻伤'],
      [null, 'general', '风险辨识'],
    ]);
    expect(history[0].evaluatedByName).toBe('rsk_safety_manager');
    expect(history[0].evaluatedAt > history[1].evaluatedAt).toBe(true);
    expect(history[0].reasons[0]).toContain('D = L × E × C');
    const missingNote = await t.request(cookie, 'POST', `/api/v1/risks/${r.id}/evaluations`, { stage: 'inherent', evaluation: lec(1, 1, 1) });
    expect(missingNote.statusCode).toBe(400);
    expect(missingNote.json().errors[0].path).toBe('note');
  });

  it('counts a 重大 / 较大 risk as controlled only once it has a special control plan', async () => {
    const p = await post('行车工');
    const r = await createRisk(riskBody(p, { evaluation: lec(6, 6, 7) }));
    expect(r).toMatchObject({ level: 'significant', isControlled: false, missingSpecialPlan: true, hasSpecialPlan: false });
    const low = await createRisk(riskBody(p, { objectName: '手持工具', evaluation: lec(1, 1, 1) }));
    expect(low).toMatchObject({ isControlled: true, missingSpecialPlan: false });
    const before = (await t.request(cookie, 'GET', '/api/v1/risk-overview')).json();
    expect(before.missingSpecialPlan).toBeGreaterThanOrEqual(1);
    const uncontrolled = (await t.request(cookie, 'GET', '/api/v1/risks?isControlled=false&limit=200')).json().items.map((x: { id: string }) => x.id);
    expect(uncontrolled).toContain(r.id);
    expect(uncontrolled).not.toContain(low.id);

    const plan = { objective: '杜绝起重伤害', measures: '限位器月检；持证上岗', people: '设备科 张三', fundsCny: 20000, schedule: '2026 年 12 月前完成' };
    const { schedule: _s, ...incomplete } = plan;
    const bad = await t.request(cookie, 'PUT', `/api/v1/risks/${r.id}/special-control-plan`, incomplete);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('schedule');
    const ok = await t.request(cookie, 'PUT', `/api/v1/risks/${r.id}/special-control-plan`, plan);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ isControlled: true, missingSpecialPlan: false, specialControlPlan: { ...plan, riskId: r.id } });
    const after = (await t.request(cookie, 'GET', '/api/v1/risk-overview')).json();
    expect(after.missingSpecialPlan).toBe(before.missingSpecialPlan - 1);
    expect(after.uncontrolled).toBe(before.uncontrolled - 1);
    expect(after.countsByLevel.significant).toBeGreaterThanOrEqual(1);
    expect(after.postsByLevel.significant).toBeGreaterThanOrEqual(1);
  });

  it("flags a post's risks when the post changes and clears the flag on re-identification or re-evaluation", async () => {
    const p = await post('冲压工');
    const a = await createRisk(riskBody(p));
    const b = await createRisk(riskBody(p, { objectName: '模具' }));
    expect(a.isDueForReview).toBe(false);
    const renamed = await t.request(cookie, 'PATCH', `/api/v1/posts/${p}`, { name: '冲压操作工' });
    expect(renamed.statusCode).toBe(200);
    expect((await getRisk(a.id)).isDueForReview).toBe(false);

    t.clock.advanceMinutes(3);
    await t.request(cookie, 'PATCH', `/api/v1/posts/${p}`, { headcount: 4, mainEquipment: 'J23-63 冲床' });
    const flagged = await getRisk(a.id);
    expect(flagged).toMatchObject({ isDueForReview: true, reviewFlaggedAt: t.clock.now().toISOString() });
    expect(flagged.reviewReason).toContain('岗位人数');
    expect(flagged.reviewReason).toContain('主要设备设施');
    const due = (await t.request(cookie, 'GET', '/api/v1/risks?isDueForReview=true&limit=200')).json().items.map((x: { id: string }) => x.id);
    expect(due).toEqual(expect.arrayContaining([a.id, b.id]));

    // Changing who is responsible is not a re-identification; naming the object again is.
    await t.request(cookie, 'PATCH', `/api/v1/risks/${a.id}`, { controlTier: 'department' });
    expect((await getRisk(a.id)).isDueForReview).toBe(true);
    const reidentified = await t.request(cookie, 'PATCH', `/api/v1/risks/${a.id}`, { objectName: 'J23-63 冲床', causes: '双手按钮失效' });
    expect(reidentified.statusCode, reidentified.body).toBe(200);
    expect(reidentified.json()).toMatchObject({ isDueForReview: false, reviewReason: null, objectName: 'J23-63 冲床', controlTier: 'department' });
    const reevaluated = await evaluate(b.id, 'inherent', lec(3, 6, 7), '设备变更后复评');
    expect(reevaluated.json().isDueForReview).toBe(false);
    const stillDue = (await t.request(cookie, 'GET', `/api/v1/risks?isDueForReview=true&postId=${p}`)).json().items;
    expect(stillDue).toEqual([]);
  });

  it("lists a higher tier's risks on every lower tier's list", async () => {
    const p = await post('分级岗位');
    const ids: Record<string, string> = {};
    for (const tier of ['company', 'department', 'team', 'post']) ids[tier] = (await createRisk(riskBody(p, { objectName: tier, controlTier: tier }))).id;
    const listed = async (tier: string) =>
      (await t.request(cookie, 'GET', `/api/v1/risks?postId=${p}&controlTier=${tier}`)).json().items.map((x: { objectName: string }) => x.objectName).sort();
    expect(await listed('company')).toEqual(['company']);
    expect(await listed('team')).toEqual(['company', 'department', 'team']);
    expect(await listed('post')).toEqual(['company', 'department', 'post', 'team']);
    // Keyset pages walk the same set.
    const first = (await t.request(cookie, 'GET', `/api/v1/risks?postId=${p}&limit=3`)).json();
    const second = (await t.request(cookie, 'GET', `/api/v1/risks?postId=${p}&limit=3&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((x: { id: string }) => x.id).sort()).toEqual(Object.values(ids).sort());
    expect(second.nextCursor).toBeNull();
  });

  it('orders measures by the hierarchy and groups them by phase or duty item; archiving a measure archives its items', async () => {
    const p = await post('焊工');
    const r = await createRisk(
      riskBody(p, {
        measures: [
          measure({ type: 'ppe', phase: 'during', text: '佩戴焊接面罩' }),
          measure({ type: 'administrative', phase: 'before', text: '办理动火作业票' }),
          measure({ type: 'eliminate', phase: 'after', text: '清理现场火种' }),
        ],
      }),
    );
    expect(r.measures.map((m: { type: string }) => m.type)).toEqual(['eliminate', 'administrative', 'ppe']);
    expect(r.measureGroups.map((g: { key: string; label: string }) => [g.key, g.label])).toEqual([
      ['before', '作业前'],
      ['during', '作业中'],
      ['after', '作业后'],
    ]);
    const added = await t.request(cookie, 'POST', `/api/v1/risks/${r.id}/measures`, measure({ type: 'substitute', phase: 'during', text: '改用低压焊机' }));
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().measures.map((m: { type: string }) => m.type)).toEqual(['eliminate', 'substitute', 'administrative', 'ppe']);
    const target = added.json().measures[1];
    const patched = await t.request(cookie, 'PATCH', `/api/v1/control-measures/${target.id}`, { text: '改用安全电压焊机', inspection: { period: 'day' } });
    expect(patched.json()).toMatchObject({ text: '改用安全电压焊机', inspectionItems: [{ period: 'day' }] });
    const archived = await t.request(cookie, 'POST', `/api/v1/control-measures/${target.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const item = await sql<{ is_active: number; archived_at: string | null }>`select is_active, archived_at from inspection_item where measure_id = ${target.id}`.execute(t.deps.db);
    expect(item.rows[0]).toMatchObject({ is_active: 0 });
    expect(item.rows[0]?.archived_at).not.toBeNull();
    expect((await getRisk(r.id)).measures).toHaveLength(3);

    const m = await post('安全管理员', 'management');
    const duty = await createRisk(
      riskBody(m, {
        objectKind: 'duty',
        objectName: '组织安全检查',
        measures: [
          measure({ type: 'administrative', phase: null, dutyItem: '隐患排查', text: '每周组织综合检查' }),
          measure({ type: 'administrative', phase: null, dutyItem: '教育培训', text: '新员工三级教育' }),
        ],
      }),
    );
    expect(duty.measureGroups.map((g: { by: string; key: string }) => [g.by, g.key])).toEqual([
      ['dutyItem', '隐患排查'],
      ['dutyItem', '教育培训'],
    ]);
  });

  it('lets a worker propose a risk for their own post; the safety manager accepts or rejects it', async () => {
    const own = await post('包装工');
    const other = await post('叉车司机');
    const person = await t.request(cookie, 'POST', '/api/v1/people', { name: '李四', postIds: [own] });
    const account = await t.request(cookie, 'POST', '/api/v1/accounts', {
      username: 'rsk_li4',
      displayName: '李四',
      password: 'test-pass-123',
      role: 'worker',
      personId: person.json().id,
    });
    expect(account.statusCode, account.body).toBe(201);
    const worker = await t.login('rsk_li4');

    const proposed = await createRisk(riskBody(own, { objectName: '封箱机', evaluation: lec(6, 6, 7) }), worker);
    expect(proposed).toMatchObject({ status: 'proposed', level: 'significant' });
    expect((await getPost(own)).level).toBeNull();
    const inactive = await sql<{ is_active: number }>`select i.is_active from inspection_item i join control_measure m on m.id = i.measure_id where m.risk_id = ${proposed.id}`.execute(t.deps.db);
    expect(inactive.rows.map((r) => Number(r.is_active))).toEqual([0]);
    const foreign = await t.request(worker, 'POST', '/api/v1/risks', riskBody(other));
    expect(foreign.statusCode).toBe(403);
    expect((await t.request(worker, 'POST', `/api/v1/risks/${proposed.id}/accept`)).statusCode).toBe(403);

    const accepted = await t.request(cookie, 'POST', `/api/v1/risks/${proposed.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect((await getPost(own)).level).toBe('significant');
    const active = await sql<{ is_active: number }>`select i.is_active from inspection_item i join control_measure m on m.id = i.measure_id where m.risk_id = ${proposed.id}`.execute(t.deps.db);
    expect(active.rows.map((r) => Number(r.is_active))).toEqual([1]);
    expect((await t.request(cookie, 'POST', `/api/v1/risks/${proposed.id}/accept`)).statusCode).toBe(409);

    const second = await createRisk(riskBody(own, { objectName: '美工刀', evaluation: lec(10, 6, 40) }), worker);
    const noReason = await t.request(cookie, 'POST', `/api/v1/risks/${second.id}/reject`, {});
    expect(noReason.json().errors[0].path).toBe('reason');
    const rejected = await t.request(cookie, 'POST', `/api/v1/risks/${second.id}/reject`, { reason: '已在封箱机风险中辨识' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: '已在封箱机风险中辨识' });
    expect((await getPost(own)).level).toBe('significant');
    expect((await t.request(cookie, 'GET', `/api/v1/risks?status=proposed&postId=${own}`)).json().items).toEqual([]);
  });

  it('answers bad input with 4xx naming the problem and writes nothing', async () => {
    const p = await post('仓管员');
    const m = await post('设备主管', 'management');
    const archived = await post('已撤销岗位');
    const r = await createRisk(riskBody(p));
    await t.request(cookie, 'POST', `/api/v1/posts/${archived}/archive`);
    const before = await counts();
    const expectField = async (res: Awaited<ReturnType<TestApp['request']>>, status: number, path: string) => {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    };

    await expectField(await t.request(cookie, 'POST', '/api/v1/risks', riskBody('01a2070b-0000-7000-8000-000000000000')), 400, 'postId');
    for (const [bad, field] of [[lec(4, 6, 7), 'evaluation.L'], [lec(3, 5, 7), 'evaluation.E'], [lec(3, 6, 8), 'evaluation.C']] as const) {
      const res = await t.request(cookie, 'POST', '/api/v1/risks', riskBody(p, { evaluation: bad }));
      await expectField(res, 400, field);
      expect(res.json().code).toBe('OUT_OF_TABLE');
    }
    await expectField(await t.request(cookie, 'POST', '/api/v1/risks', riskBody(p, { measures: [measure({ text: '' })] })), 400, 'measures.0.text');
    const { text: _t, ...noText } = measure();
    await expectField(await t.request(cookie, 'POST', `/api/v1/risks/${r.id}/measures`, noText), 400, 'text');
    await expectField(await t.request(cookie, 'POST', `/api/v1/risks/${r.id}/measures`, measure({ phase: null, dutyItem: '设备管理' })), 400, 'dutyItem');
    // Seed 001 第九条: an operation post's measure names its phase; a management post's names its duty item.
    const noPhase = await t.request(cookie, 'POST', `/api/v1/risks/${r.id}/measures`, measure({ phase: null }), { 'accept-language': 'zh-CN' });
    await expectField(noPhase, 400, 'phase');
    expect(noPhase.json().errors[0].message).toContain('作业前、作业中或作业后');
    await expectField(await t.request(cookie, 'POST', '/api/v1/risks', riskBody(m, { objectKind: 'duty', measures: [measure({ phase: null, dutyItem: '  ' })] })), 400, 'measures.0.dutyItem');
    await expectField(await t.request(cookie, 'POST', '/api/v1/risks', riskBody(m, { objectKind: 'duty' })), 400, 'measures.0.phase');
    await expectField(await t.request(cookie, 'POST', `/api/v1/risks/${r.id}/evaluations`, { stage: 'inherent', evaluation: lec(3, 6, 9), note: 'x' }), 400, 'evaluation.C');
    await expectField(await t.request(cookie, 'POST', '/api/v1/risks', riskBody(p, { accidentTypeCodes: ['99'] })), 400, 'accidentTypeCodes.0');
    const onArchived = await t.request(cookie, 'POST', '/api/v1/risks', riskBody(archived));
    expect(onArchived.statusCode).toBe(409);
    expect(onArchived.json().code).toBe('ARCHIVED');
    const unknownRisk = await t.request(cookie, 'POST', '/api/v1/risks/01a2070b-0000-7000-8000-000000000000/measures', measure());
    expect(unknownRisk.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await getRisk(r.id)).level).toBe('general');
  });

  it('updates part of a measure and its inspection item without clearing what was not sent', async () => {
    const postId = await post('部分更新岗位');
    const person = (await t.request(cookie, 'POST', '/api/v1/people', { name: '责任人甲', postIds: [postId] })).json();
    const risk = await createRisk(riskBody(postId, { measures: [measure({ inspection: { content: '检查防护罩', method: 'look', period: 'shift', responsiblePersonId: person.id } })] }));
    const detail = await getRisk(risk.id);
    const m = detail.measures[0];
    const res = await t.request(cookie, 'PATCH', `/api/v1/control-measures/${m.id}`, { inspection: { period: 'day' } });
    expect(res.statusCode, res.body).toBe(200);
    const item = (await getRisk(risk.id)).measures[0].inspectionItems[0];
    expect(item).toMatchObject({ period: 'day', content: '检查防护罩', responsiblePersonId: person.id });
  });

  it("flags the risks that name a piece of equipment or a material when that object changes", async () => {
    const postId = await post('设备变更岗位');
    const press = (await t.request(cookie, 'POST', '/api/v1/equipment', { name: '开式压力机', model: 'J23-40' })).json();
    const paint = (await t.request(cookie, 'POST', '/api/v1/materials', { name: '稀释剂', dangerousClass: '3' })).json();
    const onPress = await createRisk(riskBody(postId, { objectKind: 'equipment', objectName: '开式压力机', objectId: press.id }));
    const onPaint = await createRisk(riskBody(postId, { objectKind: 'material', objectName: '稀释剂', objectId: paint.id }));
    const other = await createRisk(riskBody(postId, { objectKind: 'activity', objectName: '搬运' }));
    await t.request(cookie, 'PATCH', `/api/v1/equipment/${press.id}`, { model: 'J23-63' });
    expect((await getRisk(onPress.id)).reviewReason).toContain('设备设施变更');
    expect((await getRisk(onPaint.id)).reviewReason).toBeNull();
    await t.request(cookie, 'PATCH', `/api/v1/materials/${paint.id}`, { maxStock: '100 L' });
    expect((await getRisk(onPaint.id)).reviewReason).toContain('危险物品变更');
    expect((await getRisk(other.id)).reviewReason).toBeNull();
  });

  it('archives a risk with its measures and items and drops it from the post level', async () => {
    const p = await post('喷漆工');
    await createRisk(riskBody(p));
    const high = await createRisk(riskBody(p, { objectName: '喷漆房', evaluation: lec(10, 6, 15) }));
    expect((await getPost(p)).level).toBe('major');
    const res = await t.request(cookie, 'POST', `/api/v1/risks/${high.id}/archive`);
    expect(res.statusCode).toBe(200);
    expect(res.json().archivedAt).not.toBeNull();
    expect((await getPost(p)).level).toBe('general');
    const items = await sql<{ is_active: number }>`select i.is_active from inspection_item i join control_measure m on m.id = i.measure_id where m.risk_id = ${high.id}`.execute(t.deps.db);
    expect(items.rows.every((i) => Number(i.is_active) === 0)).toBe(true);
    expect((await t.request(cookie, 'POST', `/api/v1/risks/${high.id}/evaluations`, { stage: 'inherent', evaluation: lec(1, 1, 1), note: 'x' })).statusCode).toBe(409);
    expect((await t.request(cookie, 'GET', `/api/v1/risks?postId=${p}`)).json().items).toHaveLength(1);
  });
});
