import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { accidentIndicators, listAccidents } from './accidents.service.js';

describe.skipIf(!isDbAvailable())('seed 001 第七条 from the records, and the accident register', () => {
  let t: TestApp;
  let cookie: string;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const e = await createEnterpriseWithUsers(t.deps, 'acc', ['safety_manager', 'worker']);
    enterpriseId = e.enterpriseId;
    cookie = await t.login(e.usernames.safety_manager as string);
  });
  afterAll(() => t.close());

  const created = async (path: string, body: object) => {
    const res = await t.request(cookie, 'POST', path, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const riskOn = (postId: string, over: Record<string, unknown> = {}) =>
    created('/api/v1/risks', {
      postId,
      objectKind: 'activity',
      objectName: '喷涂作业',
      hazardFactorCodes: ['2101'],
      accidentTypeCodes: ['08'],
      causes: '溶剂蒸气遇火源',
      // LEC 1×3×3 = 9 → 低 by the method alone.
      evaluation: { method: 'LEC', L: 1, E: 3, C: 3 },
      ...over,
    });
  const getRisk = async (id: string) => (await t.request(cookie, 'GET', `/api/v1/risks/${id}`)).json();
  const getPost = async (id: string) => (await t.request(cookie, 'GET', `/api/v1/posts/${id}`)).json();
  const accident = (over: Record<string, unknown>) =>
    t.request(cookie, 'POST', '/api/v1/accidents', { kind: 'accident', occurredOn: '2026-10-12', accidentTypeCode: '03', description: '手指被卡盘划伤', ...over });

  it('setting an area’s hazard kinds and people at once re-evaluates the risks placed there, naming the rule', async () => {
    const post = (await created('/api/v1/posts', { name: '喷漆工', kind: 'operation', headcount: 2 })).id as string;
    const area = (await created('/api/v1/areas', { name: '喷漆房' })).id as string;
    const risk = await riskOn(post, { areaId: area });
    expect(risk.level).toBe('low');
    expect(risk.inherentEvaluation.firedRules).toEqual([]);

    t.clock.advanceMinutes(1);
    const patched = await t.request(cookie, 'PATCH', `/api/v1/areas/${area}`, { hazardKinds: ['poisoning', 'fire'], maxPeopleAtOnce: 2 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ hazardKinds: ['poisoning', 'fire'], maxPeopleAtOnce: 2 });

    const after = await getRisk(risk.id);
    expect(after.level).toBe('significant');
    expect(after.inherentEvaluation.firedRules).toEqual([expect.objectContaining({ rule: 'hazard-place-1-2', clause: '第七条（二）2', level: 'significant' })]);
    expect(after.inherentEvaluation.note).toMatch(/^区域变更：喷漆房 危险因素、同一时间作业人数/);
    expect(after.inherentEvaluation.reasons.at(-1)).toMatch(/^按从严从高原则，由LEC评价的低风险提高为较大风险/);
    expect(after.inherentEvaluation.evaluatedByUserId).toBeNull();
    // Flagged for review like any other change, and the post's level follows in the same transaction.
    expect(after.reviewReason).toMatch(/区域变更/);
    expect((await getPost(post)).level).toBe('significant');
    // The history keeps both entries (insert-only), newest first.
    expect(after.history.map((h: { level: string }) => h.level)).toEqual(['significant', 'low']);

    t.clock.advanceMinutes(1);
    await t.request(cookie, 'PATCH', `/api/v1/areas/${area}`, { maxPeopleAtOnce: 3 });
    expect((await getRisk(risk.id)).level).toBe('major');
  });

  it('a risk on a post whose work happens in such an area is evaluated with its facts from the start', async () => {
    const area = (await created('/api/v1/areas', { name: '油漆库', hazardKinds: ['explosion'], maxPeopleAtOnce: 1 })).id as string;
    const post = (await created('/api/v1/posts', { name: '库管员', kind: 'operation', headcount: 1, areaIds: [area] })).id as string;
    const risk = await riskOn(post);
    expect(risk.level).toBe('significant');
    expect(risk.inherentEvaluation.method).toBe('LEC');
    expect(risk.inherentEvaluation.methodLevel ?? 'low').toBe('low');
  });

  it('an accident lifts the risks of its post to 较大, and a third minor-injury accident to 重大, with the rule named', async () => {
    const post = (await created('/api/v1/posts', { name: '车工', kind: 'operation', headcount: 4 })).id as string;
    const risk = await riskOn(post, { objectName: '车床', accidentTypeCodes: ['03'] });
    expect(risk.level).toBe('low');

    t.clock.advanceMinutes(1);
    const first = await accident({ postId: post, minorInjuries: 1, peopleInvolved: '张伟' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'accident', revision: 1, severity: 'minor', accidentTypeLabel: '机械伤害', henanTypeLabel: '（3）机械伤害', affectedRiskCount: 1 });
    let after = await getRisk(risk.id);
    expect(after.level).toBe('significant');
    expect(after.inherentEvaluation.note).toBe('登记事故：2026-10-12 机械伤害（第七条）');
    expect(after.inherentEvaluation.firedRules.map((r: { rule: string }) => r.rule)).toEqual(['minor-injuries-1-2']);
    expect((await getPost(post)).level).toBe('significant');

    // A near miss hurts nobody and is not an accident for 第七条.
    t.clock.advanceMinutes(1);
    const near = await t.request(cookie, 'POST', '/api/v1/accidents', { kind: 'near_miss', occurredOn: '2026-10-20', postId: post, description: '工件飞出未伤人' });
    expect(near.statusCode, near.body).toBe(201);
    expect((await getRisk(risk.id)).level).toBe('significant');

    t.clock.advanceMinutes(1);
    await accident({ postId: post, minorInjuries: 2, occurredOn: '2026-10-25' });
    t.clock.advanceMinutes(1);
    await accident({ postId: post, minorInjuries: 1, occurredOn: '2026-11-02' });
    after = await getRisk(risk.id);
    expect(after.level).toBe('major');
    expect(after.inherentEvaluation.reasons.at(-1)).toContain('发生过3次及以上轻伤事故');
    expect(after.controlTier).toBe('company');

    // Readers of other features: the list and the indicator count current, non-void accidents.
    const mine = await listAccidents(t.deps.db, enterpriseId, { postId: post });
    expect(mine.map((a) => a.kind)).toEqual(['accident', 'accident', 'near_miss', 'accident']);
    const since = await listAccidents(t.deps.db, enterpriseId, { postId: post, since: '2026-10-21' });
    expect(since).toHaveLength(2);
    const figures = await accidentIndicators(t.deps.db, enterpriseId, { since: '2026-10-01', until: '2026-10-31' });
    expect(figures).toMatchObject({ accidents: 2, nearMisses: 1, minorInjuries: 3 });
  });

  it('a correction is a new entry: the original is kept, the facts follow the correction', async () => {
    const post = (await created('/api/v1/posts', { name: '冲压工', kind: 'operation', headcount: 2 })).id as string;
    const risk = await riskOn(post, { objectName: '冲床' });
    t.clock.advanceMinutes(1);
    const registered = (await accident({ postId: post, seriousInjuries: 1, peopleInvolved: '李四' })).json();
    expect((await getRisk(risk.id)).level).toBe('major');

    t.clock.advanceMinutes(1);
    const corrected = await t.request(cookie, 'POST', `/api/v1/accidents/${registered.id}/corrections`, {
      reason: '经医院诊断为轻伤，非重伤',
      seriousInjuries: 0,
      minorInjuries: 1,
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const body = corrected.json();
    expect(body).toMatchObject({ id: registered.id, revision: 2, seriousInjuries: 0, minorInjuries: 1, correctionReason: '经医院诊断为轻伤，非重伤' });
    expect(body.history.map((h: { revision: number; seriousInjuries: number }) => [h.revision, h.seriousInjuries])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    const rows = await sql<{ n: number | string }>`select count(*) as n from accident where root_id = ${registered.id}`.execute(t.deps.db);
    expect(Number(rows.rows[0]?.n)).toBe(2);
    const after = await getRisk(risk.id);
    expect(after.level).toBe('significant');
    expect(after.inherentEvaluation.note).toMatch(/^更正事故/);

    // Voided: it stays in the history but counts no more.
    t.clock.advanceMinutes(1);
    const voided = await t.request(cookie, 'POST', `/api/v1/accidents/${registered.id}/corrections`, { reason: '误登记', isVoid: true });
    expect(voided.json()).toMatchObject({ isVoid: true, revision: 3 });
    expect((await getRisk(risk.id)).level).toBe('low');
    const list = (await t.request(cookie, 'GET', `/api/v1/accidents?postId=${post}`)).json();
    expect(list.items).toHaveLength(0);
    const withVoid = (await t.request(cookie, 'GET', `/api/v1/accidents?postId=${post}&includeVoid=true`)).json();
    expect(withVoid.items.map((a: { revision: number }) => a.revision)).toEqual([3]);
  });

  it('registering an accident or a near miss raises its corrective action, linked to the entry; a correction raises no second one', async () => {
    const capasOf = async (id: string) =>
      ((await t.request(cookie, 'GET', '/api/v1/capas?sourceKind=accident&limit=100')).json().items as { id: string; sourceId: string; sourceLabel: string; status: string; description: string }[]).filter((c) => c.sourceId === id);
    const acc = await created('/api/v1/accidents', { kind: 'accident', occurredOn: '2026-09-03', accidentTypeCode: '03', minorInjuries: 1, description: '冲床送料时手指压伤', causeAnalysis: '光电保护被短接' });
    const [capa] = await capasOf(acc.id);
    expect(capa).toMatchObject({ sourceLabel: '事故 2026-09-03', status: 'raised' });
    expect(capa?.description).toContain('冲床送料时手指压伤');
    expect(capa?.description).toContain('原因分析：光电保护被短接');
    const detail = (await t.request(cookie, 'GET', `/api/v1/capas/${capa?.id}`)).json();
    expect(detail).toMatchObject({ sourceKind: 'accident', sourceId: acc.id });

    const near = await created('/api/v1/accidents', { kind: 'near_miss', occurredOn: '2026-09-04', description: '吊物下方有人穿行' });
    expect((await capasOf(near.id)).map((c) => c.sourceLabel)).toEqual(['未遂事件 2026-09-04']);

    const fix = await t.request(cookie, 'POST', `/api/v1/accidents/${acc.id}/corrections`, { minorInjuries: 2, reason: '复核伤者人数' });
    expect(fix.statusCode, fix.body).toBe(201);
    expect(await capasOf(acc.id)).toHaveLength(1);

    // A refused entry stores nothing, its corrective action included.
    const before = (await t.request(cookie, 'GET', '/api/v1/capas?sourceKind=accident&limit=100')).json().items.length;
    expect((await t.request(cookie, 'POST', '/api/v1/accidents', { kind: 'near_miss', occurredOn: '2026-09-05', minorInjuries: 1, description: 'x' })).statusCode).toBe(400);
    expect((await t.request(cookie, 'GET', '/api/v1/capas?sourceKind=accident&limit=100')).json().items).toHaveLength(before);
  });

  it('refuses what makes no sense, naming the field, in the user’s language', async () => {
    const near = await t.request(cookie, 'POST', '/api/v1/accidents', { kind: 'near_miss', occurredOn: '2026-10-01', minorInjuries: 1, description: 'x' });
    expect(near.statusCode).toBe(400);
    expect(near.json().errors[0]).toMatchObject({ path: 'kind', message: expect.stringContaining('未遂事件没有人员伤亡') });
    const future = await t.request(cookie, 'POST', '/api/v1/accidents', { kind: 'accident', occurredOn: '2027-01-01', description: 'x' }, { 'accept-language': 'en-US' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: 'occurredOn', message: expect.stringContaining('future') });
    const stranger = await t.request(cookie, 'POST', '/api/v1/accidents', { kind: 'accident', occurredOn: '2026-10-01', description: 'x', postId: '01a2070b-0000-7000-8000-000000000000' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].path).toBe('postId');
    const noReason = await t.request(cookie, 'POST', `/api/v1/accidents/01a2070b-0000-7000-8000-000000000000/corrections`, { minorInjuries: 1 });
    expect(noReason.statusCode).toBe(404);
  });

  it('POST /api/v1/risk-evaluations floors any method by the stated facts and names the rule, storing nothing', async () => {
    const lec = await t.request(cookie, 'POST', '/api/v1/risk-evaluations', { method: 'LEC', L: 1, E: 3, C: 3, facts: { hazardKinds: ['fire'], peopleAtOnce: 3 } });
    expect(lec.statusCode, lec.body).toBe(200);
    expect(lec.json()).toMatchObject({ level: 'major', methodLevel: 'low', firedRules: [{ rule: 'hazard-place-3-plus', clause: '第七条（一）3' }] });
    const ls = await t.request(cookie, 'POST', '/api/v1/risk-evaluations', { method: 'LS', L: 1, S: 1, facts: { minorInjuryAccidents: 2 } });
    expect(ls.json()).toMatchObject({ level: 'significant', methodLevel: 'low' });
    const bad = await t.request(cookie, 'POST', '/api/v1/risk-evaluations', { method: 'LS', L: 1, S: 1, facts: { hazardKinds: ['flood'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('facts.hazardKinds.0');
  });
});
