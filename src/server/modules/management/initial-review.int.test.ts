import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';

async function docxText(payload: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(payload)).file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}

describe.skipIf(!isDbAvailable())('OHS management: the initial review', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  let reviewId: string;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'ir');
    other = await hazardWorld(t, 'irx');
  });
  afterAll(() => t.close());

  const members = () => [
    { personId: w.people.dept_head, role: '组长' },
    { personId: w.people.worker, role: '岗位操作' },
  ];

  it('opens a review with its named team and a baseline pre-filled from the records', async () => {
    const res = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/initial-reviews', { title: '2026 年初始评审', members: members() });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    reviewId = r.id;
    expect(r.status).toBe('draft');
    expect(r.members).toEqual([
      { personId: w.people.dept_head, name: '车间主任', role: '组长' },
      { personId: w.people.worker, name: '操作工', role: '岗位操作' },
    ]);
    // The world: one operation post without risks, duties or a list; no plans, drills or accidents.
    expect(r.baseline).toMatchObject({
      year: 2026,
      posts: { total: 1, management: 0, withoutDuties: ['ir 车床工'], withoutRisk: ['ir 车床工'] },
      risks: { accepted: 0, uncontrolled: 0 },
      hazards: { openMajor: 0 },
      inspections: { postsWithoutList: ['ir 车床工'] },
      emergency: { plansInForce: 0, drillsHeld: 0 },
      accidents: { accidents: 0 },
      // Read from the documents feature's indicator function: nothing issued or registered yet.
      documents: { inForce: 0 },
      laws: { items: 0 },
    });
    expect(r.gaps.map((g: { key: string }) => g.key)).toEqual([
      'laws_not_recorded',
      'posts_without_risk',
      'posts_without_inspection_list',
      'documents_not_recorded',
      'no_emergency_plan',
      'no_drill',
      'posts_without_duties',
      // Nobody has had this year's training hours yet.
      'training_short',
    ]);
  });

  it('refuses a foreign team member naming the field, an unknown review, and read-only roles', async () => {
    const foreign = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/initial-reviews', { title: 'x', members: [{ personId: other.people.worker, role: '组员' }] });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreign.statusCode).toBeLessThan(500);
    expect(foreign.body).toContain('members');
    const noTeam = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/initial-reviews', { title: 'x', members: [] });
    expect(noTeam.statusCode).toBe(400);
    expect((await t.request(w.cookies.worker, 'POST', '/api/v1/initial-reviews', { title: 'x', members: members() })).statusCode).toBe(403);
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/initial-reviews/${reviewId}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/initial-reviews/${reviewId}/report.docx`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'POST', `/api/v1/initial-reviews/${reviewId}/findings`, { area: 'laws', text: 'x' })).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/initial-reviews')).json().items).toEqual([]);
  });

  it('keeps the baseline as a snapshot until the team takes it again; findings marked as gaps join the list', async () => {
    const sm = w.cookies.safety_manager;
    const acc = await t.request(sm, 'POST', '/api/v1/accidents', { kind: 'accident', occurredOn: '2026-10-01', postId: w.postId, minorInjuries: 1, description: '手部划伤' });
    expect(acc.statusCode, acc.body).toBe(201);
    const law = await t.request(sm, 'POST', '/api/v1/legal-requirements', { kind: 'law', title: '中华人民共和国安全生产法' });
    expect(law.statusCode, law.body).toBe(201);
    expect((await t.request(sm, 'GET', `/api/v1/initial-reviews/${reviewId}`)).json().baseline).toMatchObject({ accidents: { accidents: 0 }, laws: { items: 0 } });
    const refreshed = await t.request(sm, 'POST', `/api/v1/initial-reviews/${reviewId}/baseline`);
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json().baseline).toMatchObject({ accidents: { accidents: 1 }, laws: { items: 1 } });
    expect(refreshed.json().gaps.map((g: { key: string }) => g.key)).not.toContain('laws_not_recorded');

    const f1 = await t.request(sm, 'POST', `/api/v1/initial-reviews/${reviewId}/findings`, { area: 'controls', text: '叉车无定期检验记录' });
    expect(f1.statusCode, f1.body).toBe(200);
    const f2 = await t.request(sm, 'POST', `/api/v1/initial-reviews/${reviewId}/findings`, { area: 'organisation', text: '车间主任熟悉本岗位风险', isGap: false });
    const r = f2.json();
    expect(r.findings.map((f: { text: string; isGap: boolean }) => [f.text, f.isGap])).toEqual([
      ['叉车无定期检验记录', true],
      ['车间主任熟悉本岗位风险', false],
    ]);
    const last = r.gaps.at(-1);
    expect(last).toMatchObject({ text: '叉车无定期检验记录', fromFinding: true, area: 'controls' });
    expect(r.gaps.some((g: { text: string }) => g.text.includes('熟悉'))).toBe(false);
    expect(r.gaps.find((g: { key: string }) => g.key === 'accidents_in_period')).toMatchObject({ text: '近三年发生事故 1 起', proposal: { metric: 'accidents', comparison: 'lte', target: 0 } });
    const bad = await t.request(sm, 'POST', `/api/v1/initial-reviews/${reviewId}/findings`, { area: 'weather', text: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('area');
  });

  it('completes once: the gaps are stored and the baseline frozen; later changes are refused', async () => {
    const sm = w.cookies.safety_manager;
    // Two completions at once: one stores the gaps, the other is refused.
    const [a, b] = await Promise.all([1, 2].map(() => t.request(sm, 'POST', `/api/v1/initial-reviews/${reviewId}/complete`, { conclusion: '基础薄弱，先补齐风险辨识和制度。' })));
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    const done = a!.statusCode === 200 ? a! : b!;
    const r = done.json();
    expect(r).toMatchObject({ status: 'completed', conclusion: '基础薄弱，先补齐风险辨识和制度。' });
    expect(r.gaps).toHaveLength(9);
    expect(r.gaps.every((g: { id: string }) => !g.id.startsWith('proposed'))).toBe(true);

    await t.request(sm, 'POST', '/api/v1/accidents', { kind: 'accident', occurredOn: '2026-10-02', postId: w.postId, minorInjuries: 1, description: '再次划伤' });
    expect((await t.request(sm, 'GET', `/api/v1/initial-reviews/${reviewId}`)).json().baseline.accidents.accidents).toBe(1);
    for (const [path, body] of [
      ['complete', {}],
      ['baseline', undefined],
      ['findings', { area: 'laws', text: 'x' }],
    ] as const) {
      const res = await t.request(sm, 'POST', `/api/v1/initial-reviews/${reviewId}/${path}`, body);
      expect(res.statusCode, path).toBe(409);
      expect(res.body).toContain('初始评审已完成');
    }
    expect((await t.request(sm, 'PUT', `/api/v1/initial-reviews/${reviewId}/team`, { members: members() })).statusCode).toBe(409);
  });

  it('a gap becomes an objective or an action with owner and deadline, due for its owner', async () => {
    const sm = w.cookies.safety_manager;
    const gaps = (await t.request(sm, 'GET', `/api/v1/initial-reviews/${reviewId}`)).json().gaps as { id: string; key: string | null; proposal: { metric: string; comparison: string; target: number } | null }[];
    const accidents = gaps.find((g) => g.key === 'accidents_in_period')!;
    const obj = await t.request(sm, 'POST', '/api/v1/ohs-objectives', { name: '全年零事故', metric: accidents.proposal!.metric, comparison: accidents.proposal!.comparison, targetValue: accidents.proposal!.target, year: 2026, ownerPersonId: w.people.dept_head });
    expect(obj.statusCode, obj.body).toBe(201);
    const linked = await t.request(sm, 'PUT', `/api/v1/initial-reviews/${reviewId}/gaps/${accidents.id}`, { objectiveId: obj.json().id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().gaps.find((g: { id: string }) => g.id === accidents.id)).toMatchObject({ objectiveName: '全年零事故' });

    const laws = gaps.find((g) => g.key === 'documents_not_recorded')!;
    const act = await t.request(sm, 'PUT', `/api/v1/initial-reviews/${reviewId}/gaps/${laws.id}`, { actionText: '编制并发布十项管理制度', actionOwnerPersonId: w.people.worker, actionDueOn: '2026-12-15' });
    expect(act.statusCode, act.body).toBe(200);
    // The action raised the one corrective-action record, owned by the action's owner.
    const capaId = act.json().gaps.find((g: { id: string }) => g.id === laws.id).capaId as string;
    const capa = await t.request(sm, 'GET', `/api/v1/capas/${capaId}`);
    expect(capa.statusCode, capa.body).toBe(200);
    expect(capa.json()).toMatchObject({ sourceKind: 'initial_review', sourceId: laws.id, ownerPersonId: w.people.worker });
    expect(capa.json().description).toContain('编制并发布十项管理制度');
    const due = (await t.request(w.cookies.worker, 'GET', '/api/v1/due-items?kind=management.reviewAction')).json().items as { title: string; status: string; ownerPersonId: string }[];
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ status: 'due', ownerPersonId: w.people.worker });
    expect(due[0]!.title).toContain('编制并发布十项管理制度');
    // The action is done when its corrective action closes effective: marking it done by hand is refused.
    const byHand = await t.request(sm, 'PUT', `/api/v1/initial-reviews/${reviewId}/gaps/${laws.id}`, { actionDone: true });
    expect(byHand.statusCode).toBe(409);
    expect(byHand.body).toContain('不符合与纠正措施');
    const gapOf = async () => (await t.request(sm, 'GET', `/api/v1/initial-reviews/${reviewId}`)).json().gaps.find((g: { id: string }) => g.id === laws.id) as { actionDoneAt: string | null; capaStatus: string };
    const at = (step: string) => `/api/v1/capas/${capaId}/${step}`;
    expect((await t.request(sm, 'PUT', at('analysis'), { method: 'fishbone', fishbone: { method: '制度未成文' }, rootCause: '未建立制度清单', verifyAfterDays: 1 })).statusCode).toBe(200);
    const planned = await t.request(sm, 'POST', at('actions'), { description: '编制十项制度并发布', ownerPersonId: w.people.worker, deadline: '2026-12-10' });
    expect(planned.statusCode, planned.body).toBe(201);
    await t.request(sm, 'POST', at('risk-check'), { newRisks: '无', hasNewRisks: false });
    const done = await t.request(w.cookies.worker, 'POST', at('action-done'), { actionId: planned.json().actions[0].id, note: '已发布' });
    expect(done.json().status, done.body).toBe('verifying');
    // Its own actions done is not enough: the gap's action stays open until the check finds the CAPA effective.
    expect(await gapOf()).toMatchObject({ actionDoneAt: null, capaStatus: 'verifying' });
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/due-items?kind=management.reviewAction')).json().items[0].status).not.toBe('done');
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() + 2 * 86_400_000));
    const effective = await t.request(w.cookies.principal, 'POST', at('checks'), { isEffective: true, evidence: '十项制度已发布并培训' });
    expect(effective.json().status, effective.body).toBe('effective');
    t.clock.set(now);
    expect(await gapOf()).toMatchObject({ actionDoneAt: effective.json().closedAt, capaStatus: 'effective' });
    const after = (await t.request(sm, 'GET', '/api/v1/due-items?kind=management.reviewAction&status=done')).json().items as { status: string }[];
    expect(after.map((i) => i.status)).toEqual(['done']);

    // Another enterprise's objective or person is refused, naming the field; another enterprise cannot reach the gap.
    const foreignObjective = (await t.request(other.cookies.safety_manager, 'POST', '/api/v1/ohs-objectives', { name: 'x', metric: 'accidents', comparison: 'lte', targetValue: 0, year: 2026, ownerPersonId: other.people.worker })).json().id;
    const refused = await t.request(sm, 'PUT', `/api/v1/initial-reviews/${reviewId}/gaps/${accidents.id}`, { objectiveId: foreignObjective });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
    expect(refused.body).toContain('objectiveId');
    const foreignOwner = await t.request(sm, 'PUT', `/api/v1/initial-reviews/${reviewId}/gaps/${laws.id}`, { actionText: 'x', actionOwnerPersonId: other.people.worker, actionDueOn: '2026-12-15' });
    expect(foreignOwner.body).toContain('actionOwnerPersonId');
    expect((await t.request(other.cookies.safety_manager, 'PUT', `/api/v1/initial-reviews/${reviewId}/gaps/${laws.id}`, { actionDone: true })).statusCode).toBe(404);
  });

  it('produces the .docx review report showing the baseline as it was, the findings and the follow-up', async () => {
    const res = await t.request(w.cookies.safety_manager, 'GET', `/api/v1/initial-reviews/${reviewId}/report.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(res.rawPayload);
    for (const words of ['职业安全健康管理体系初始评审报告', '车间主任', '组长', '（1）适用的法律法规及其他要求的识别和遵守情况', '非种子原文', '叉车无定期检验记录', '近三年发生事故 1 起', '纳入目标：全年零事故', '编制并发布十项管理制度', '0 份现行有效', '基础薄弱']) {
      expect(text, words).toContain(words);
    }
    // The snapshot: one accident then, though two are recorded now.
    expect(text).toMatch(/以来事故1 起/);
  });

  it('leaves an audit trail of every step', async () => {
    const log = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/audit-log?entity=ohs_initial_review')).json().items as { action: string }[];
    expect(log.map((l) => l.action).sort()).toEqual(['baseline', 'complete', 'create', 'finding', 'finding']);
    const gapLog = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/audit-log?entity=ohs_review_gap')).json().items as { action: string }[];
    // The objective and the action; the action's completion is its corrective action's (audited there).
    expect(gapLog.map((l) => l.action)).toEqual(['follow_up', 'follow_up']);
  });
});
