import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { clientId, hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { deliverNotifications } from '../notifications/notification-fanout.service.js';
import { runCapaEscalation } from './capa-due-items.service.js';

describe.skipIf(!isDbAvailable())('corrective actions (CAPA)', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'cp');
    other = await hazardWorld(t, 'cpx');
  });
  afterAll(() => t.close());

  const hazard = async (world: World) => {
    const res = await t.request(world.cookies.worker, 'POST', '/api/v1/hazards', { description: '砂轮机防护罩缺失', postId: world.postId, clientId: clientId() });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  // Read from the table: first the pending fan-outs, as the notifications list does (issue 18 §3).
  const notificationsOf = async (kind: string) => {
    await deliverNotifications(t.deps.db, t.clock.now());
    return Number((await sql<{ n: number }>`select count(*) as n from notification where enterprise_id = ${w.enterpriseId} and kind = ${kind}`.execute(t.deps.db)).rows[0]?.n);
  };

  it('an accident raises its CAPA when registered; naming the accident again gives the same record and links the hazard', async () => {
    const sm = w.cookies.safety_manager;
    const acc = await t.request(sm, 'POST', '/api/v1/accidents', { kind: 'near_miss', occurredOn: '2026-11-20', postId: w.postId, description: '砂轮片碎裂飞出，未伤人' });
    expect(acc.statusCode, acc.body).toBe(201);
    const accidentId = acc.json().id as string;
    const raised = (await t.request(sm, 'GET', '/api/v1/capas?sourceKind=accident')).json().items as { id: string }[];
    expect(raised).toHaveLength(1);
    const hazardId = await hazard(w);
    const first = await t.request(sm, 'POST', '/api/v1/capas', { sourceKind: 'accident', sourceId: accidentId, description: '砂轮机防护不全', ownerPersonId: w.people.dept_head, hazardIds: [hazardId] });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id: raised[0]?.id, sourceKind: 'accident', sourceId: accidentId, sourceLabel: '未遂事件 2026-11-20', status: 'raised', hazardIds: [hazardId] });
    expect(first.json().description).toContain('砂轮片碎裂飞出');
    const again = await t.request(sm, 'POST', '/api/v1/capas', { sourceKind: 'accident', sourceId: accidentId, description: '重复登记' });
    expect(again.json().id).toBe(first.json().id);
    const list = (await t.request(sm, 'GET', '/api/v1/capas?sourceKind=accident')).json().items as { id: string }[];
    expect(list.map((c) => c.id)).toEqual([first.json().id]);
    // The safety manager hears of it once (no owner named yet).
    expect(await notificationsOf('capa_raised')).toBe(1);
  });

  it('analysis → actions → risk check → done → checked by someone else after the set days → ineffective escalates → next round → effective', async () => {
    const sm = w.cookies.safety_manager;
    const c = (await t.request(sm, 'POST', '/api/v1/capas', { sourceKind: 'other', description: '三级教育记录不全', ownerPersonId: w.people.dept_head })).json();
    const at = (step: string) => `/api/v1/capas/${c.id}/${step}`;
    // No risk check before there is an analysis and an action.
    const early = await t.request(sm, 'POST', at('risk-check'), { newRisks: '无', hasNewRisks: false });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('原因分析');
    const analysed = await t.request(sm, 'PUT', at('analysis'), { method: 'fishbone', fishbone: { people: '班组长不清楚要求', method: '无记录模板' }, rootCause: '缺少记录模板和检查', verifyAfterDays: 10 });
    expect(analysed.statusCode, analysed.body).toBe(200);
    expect(analysed.json().status).toBe('raised');
    const planned = await t.request(sm, 'POST', at('actions'), { description: '制定三级教育记录模板', ownerPersonId: w.people.team_leader, deadline: '2026-11-30' });
    expect(planned.statusCode, planned.body).toBe(201);
    expect(planned.json().status).toBe('planned');
    const implementing = await t.request(sm, 'POST', at('risk-check'), { newRisks: '无新增风险', hasNewRisks: false });
    expect(implementing.json()).toMatchObject({ status: 'implementing', riskCheck: { hasNewRisks: false, round: 1 } });
    const actionId = implementing.json().actions[0].id as string;

    // The action's owner marks it done (a worker who does not own it may not).
    expect((await t.request(w.cookies.worker, 'POST', at('action-done'), { actionId, note: '' })).statusCode).toBe(403);
    const done = await t.request(w.cookies.team_leader, 'POST', at('action-done'), { actionId, note: '模板已下发' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'verifying', checkDueOn: '2026-12-03' });

    const tooEarly = await t.request(sm, 'POST', at('checks'), { isEffective: true, evidence: '抽查 5 份记录' });
    expect(tooEarly.statusCode).toBe(409);
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() + 10 * 86_400_000));
    // The record's owner may not check it.
    const own = await t.request(w.cookies.dept_head, 'POST', at('checks'), { isEffective: true, evidence: '自查' });
    expect(own.statusCode).toBe(409);
    expect(own.body).toContain('负责人以外');
    const ineffective = await t.request(sm, 'POST', at('checks'), { isEffective: false, evidence: '抽查 5 份，2 份仍缺签字' });
    expect(ineffective.statusCode, ineffective.body).toBe(201);
    expect(ineffective.json()).toMatchObject({ status: 'ineffective', escalates: true, checks: [{ isEffective: false, round: 1 }] });
    expect(await notificationsOf('capa_escalated')).toBeGreaterThanOrEqual(1);

    const round2 = await t.request(sm, 'POST', at('actions'), { description: '班组长签字纳入月度考核', ownerPersonId: w.people.team_leader, deadline: '2026-12-15', isPreventive: true });
    expect(round2.json()).toMatchObject({ status: 'planned', round: 2 });
    await t.request(sm, 'POST', at('risk-check'), { newRisks: '无', hasNewRisks: false });
    const a2 = (round2.json().actions as { id: string; round: number }[]).find((a) => a.round === 2)!.id;
    const verifying = await t.request(sm, 'POST', at('action-done'), { actionId: a2, note: '' });
    expect(verifying.json().status).toBe('verifying');
    t.clock.set(new Date(now.getTime() + 21 * 86_400_000));
    const effective = await t.request(w.cookies.principal, 'POST', at('checks'), { isEffective: true, evidence: '复查全部合格' });
    expect(effective.json()).toMatchObject({ status: 'effective', escalates: false });
    expect(effective.json().closedAt).not.toBeNull();
    expect((await t.request(sm, 'POST', at('actions'), { description: 'x', ownerPersonId: w.people.worker, deadline: '2026-12-30' })).statusCode).toBe(409);
    t.clock.set(now);
    const log = (await t.request(sm, 'GET', `/api/v1/audit-log?entity=capa`)).json().items as { entityId: string; action: string }[];
    expect(log.filter((l) => l.entityId === c.id).map((l) => l.action)).toEqual(expect.arrayContaining(['create', 'analyse', 'add_action', 'risk_check', 'check']));
  });

  it('an overdue action is a due item and escalates to the company managers once', async () => {
    const sm = w.cookies.safety_manager;
    const c = (await t.request(sm, 'POST', '/api/v1/capas', { sourceKind: 'monitoring', description: '噪声超标未处理' })).json();
    await t.request(sm, 'PUT', `/api/v1/capas/${c.id}/analysis`, { method: 'five_whys', whys: ['隔音罩损坏'], rootCause: '维护计划缺失' });
    await t.request(sm, 'POST', `/api/v1/capas/${c.id}/actions`, { description: '修复隔音罩', ownerPersonId: w.people.worker, deadline: '2026-11-20' });
    const due = (await t.request(sm, 'GET', '/api/v1/due-items?kind=capa')).json().items as { kind: string; status: string; ownerPersonId: string; link: string }[];
    expect(due.find((d) => d.link === `/improvement/capas/${c.id}`)).toMatchObject({ kind: 'capa.action', status: 'overdue', ownerPersonId: w.people.worker });
    const before = await notificationsOf('capa_escalated');
    expect(await runCapaEscalation(t.deps, w.enterpriseId, t.clock.now())).toBeGreaterThan(0);
    const after = await notificationsOf('capa_escalated');
    expect(after).toBeGreaterThan(before);
    await runCapaEscalation(t.deps, w.enterpriseId, t.clock.now());
    expect(await notificationsOf('capa_escalated')).toBe(after);
    const listed = (await t.request(sm, 'GET', `/api/v1/capas/${c.id}`)).json();
    expect(listed).toMatchObject({ overdueActions: 1, escalates: true });
  });

  it('tenancy: another enterprise sees nothing and cannot name its hazards, people or accidents', async () => {
    const sm = w.cookies.safety_manager;
    const c = (await t.request(sm, 'POST', '/api/v1/capas', { sourceKind: 'other', description: '消防通道堆物' })).json();
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/capas/${c.id}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'PUT', `/api/v1/capas/${c.id}/analysis`, { method: 'five_whys', whys: ['x'], rootCause: 'y' })).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/capas')).json().items).toEqual([]);
    const foreignHazard = await hazard(other);
    const link = await t.request(sm, 'POST', `/api/v1/capas/${c.id}/hazards`, { hazardId: foreignHazard });
    expect(link.statusCode).toBe(400);
    expect(link.body).toContain('hazardId');
    const owner = await t.request(sm, 'POST', `/api/v1/capas/${c.id}/actions`, { description: 'x', ownerPersonId: other.people.worker, deadline: '2026-12-30' });
    expect(owner.statusCode).toBe(400);
    expect(owner.body).toContain('ownerPersonId');
    const acc = (await t.request(other.cookies.safety_manager, 'POST', '/api/v1/accidents', { kind: 'near_miss', occurredOn: '2026-11-01', description: '外企业事件' })).json();
    const foreignAcc = await t.request(sm, 'POST', '/api/v1/capas', { sourceKind: 'accident', sourceId: acc.id, description: 'x' });
    expect(foreignAcc.statusCode).toBe(400);
    expect(foreignAcc.body).toContain('sourceId');
    expect((await t.request(w.cookies.worker, 'POST', '/api/v1/capas', { sourceKind: 'other', description: 'x' })).statusCode).toBe(403);
  });
});
