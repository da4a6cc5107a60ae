import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { complianceFindings } from './compliance.service.js';
import { documentIndicators } from './documents-indicators.service.js';

describe.skipIf(!isDbAvailable())('legal register and compliance evaluation', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'lr');
    other = await hazardWorld(t, 'lrx');
  });
  afterAll(() => t.close());

  type Req = { id: string; refKey: string | null; title: string; isUnconfirmed: boolean; note: string; clauses: { id: string; clause: string; posts: { name: string }[]; documents: { name: string }[] }[]; evaluation: { result: string } | null };

  it('registers starter items with their clauses and unconfirmed marks, once', async () => {
    const sm = w.cookies.safety_manager;
    const starter = (await t.request(sm, 'GET', '/api/v1/legal-starter-set')).json().items as { key: string; isUnconfirmed: boolean; isRegistered: boolean }[];
    for (const key of ['work-safety-law', 'occupational-disease-law', 'fire-law', 'special-equipment-law', 'mem-3', 'mem-16', 'mem-10', 'gb-30871', 'gb-2894', 'gb-6441']) expect(starter.map((s) => s.key)).toContain(key);
    expect(starter.find((s) => s.key === 'mem-16')).toMatchObject({ isUnconfirmed: false, isRegistered: false });
    const added = await t.request(sm, 'POST', '/api/v1/legal-starter-set/register', { keys: ['work-safety-law', 'mem-16', 'mem-3'] });
    expect(added.statusCode, added.body).toBe(201);
    const items = added.json().items as Req[];
    expect(items).toHaveLength(3);
    const law = items.find((i) => i.refKey === 'work-safety-law')!;
    expect(law).toMatchObject({ title: '中华人民共和国安全生产法', isUnconfirmed: true });
    expect(law.note).toContain('UNCONFIRMED');
    expect(law.clauses.map((c) => c.clause)).toContain('第四十一条');
    // Again: nothing doubled.
    const again = await t.request(sm, 'POST', '/api/v1/legal-starter-set/register', { keys: ['mem-16'] });
    expect(again.json().items).toEqual([]);
    expect((await t.request(sm, 'GET', '/api/v1/legal-requirements')).json().items).toHaveLength(3);
    expect((await t.request(sm, 'POST', '/api/v1/legal-starter-set/register', { keys: ['nope'] })).json().errors[0].path).toBe('keys.0');
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/legal-requirements')).json().items).toEqual([]);
  });

  it('maps clauses to posts, departments, risks and documents of the enterprise only', async () => {
    const sm = w.cookies.safety_manager;
    const law = ((await t.request(sm, 'GET', '/api/v1/legal-requirements')).json().items as Req[]).find((i) => i.refKey === 'work-safety-law')!;
    const doc = (await t.request(sm, 'POST', '/api/v1/documents', { number: 'ZD-03', title: '设备安全管理制度', type: 'rule', templateKey: 'rule-equipment' })).json();
    const clauses = law.clauses.map((c) => ({ id: c.id, clause: c.clause, postIds: [] as string[], documentIds: [] as string[], orgUnitIds: [] as string[] }));
    clauses[0] = { ...clauses[0]!, postIds: [w.postId], documentIds: [doc.id], orgUnitIds: [w.workshop] };
    const put = await t.request(sm, 'PUT', `/api/v1/legal-requirements/${law.id}/clauses`, { clauses: [...clauses, { clause: '第一百一十四条', summary: '自定义条款', postIds: [w.postId] }] });
    expect(put.statusCode, put.body).toBe(200);
    const after = put.json() as Req;
    expect(after.clauses).toHaveLength(law.clauses.length + 1);
    expect(after.clauses[0]).toMatchObject({ posts: [{ name: 'lr 车床工' }], documents: [{ name: 'ZD-03 设备安全管理制度' }] });
    const foreign = await t.request(sm, 'PUT', `/api/v1/legal-requirements/${law.id}/clauses`, { clauses: [{ clause: '第一条', postIds: [other.postId] }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('clauses.0.postIds');
    // Nothing was written by the refused call.
    expect((await t.request(sm, 'GET', `/api/v1/legal-requirements/${law.id}`)).json().clauses).toHaveLength(law.clauses.length + 1);
    expect((await t.request(w.cookies.worker, 'PUT', `/api/v1/legal-requirements/${law.id}/clauses`, { clauses: [] })).statusCode).toBe(403);
    // The post's page lists the clauses mapped to it.
    const onPost = (await t.request(w.cookies.worker, 'GET', `/api/v1/posts/${w.postId}/legal-clauses`)).json().items as { title: string; clause: string }[];
    expect(onPost.map((c) => c.clause).sort()).toEqual([law.clauses[0]!.clause, '第一百一十四条'].sort());
    expect(onPost.every((c) => c.title === '中华人民共和国安全生产法')).toBe(true);
    expect((await t.request(other.cookies.worker, 'GET', `/api/v1/posts/${w.postId}/legal-clauses`)).statusCode).toBe(404);
  });

  it('evaluates compliance yearly; a non-compliance needs an action and is exposed as a finding; a later entry corrects it', async () => {
    const sm = w.cookies.safety_manager;
    const [law, mem16, mem3] = ['work-safety-law', 'mem-16', 'mem-3'].map((k) => k);
    const all = (await t.request(sm, 'GET', '/api/v1/legal-requirements')).json().items as Req[];
    const id = (key: string) => all.find((i) => i.refKey === key)!.id;

    const due = async () => ((await t.request(sm, 'GET', '/api/v1/due-items?kind=documents.complianceEvaluation')).json().items as { title: string; status: string }[])[0];
    expect(await due()).toMatchObject({ status: 'due' });
    expect((await due())!.title).toContain('未评价 3 项');

    const incomplete = await t.request(sm, 'POST', `/api/v1/legal-requirements/${id(law!)}/evaluations`, { year: 2026, result: 'non_compliant', evidence: '抽查培训档案' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toEqual(['findings', 'action', 'actionOwnerPersonId', 'actionDeadline']);
    const foreignOwner = await t.request(sm, 'POST', `/api/v1/legal-requirements/${id(law!)}/evaluations`, { year: 2026, result: 'non_compliant', findings: 'x', action: 'y', actionOwnerPersonId: other.people.worker, actionDeadline: '2026-12-20' });
    expect(foreignOwner.json().errors[0].path).toBe('actionOwnerPersonId');

    const bad = await t.request(sm, 'POST', `/api/v1/legal-requirements/${id(law!)}/evaluations`, {
      year: 2026,
      result: 'non_compliant',
      evidence: '抽查培训档案',
      findings: '2 名新员工岗前培训不足 24 学时',
      action: '补足岗前培训并考核',
      actionOwnerPersonId: w.people.dept_head,
      actionDeadline: '2026-12-20',
    });
    expect(bad.statusCode, bad.body).toBe(201);
    expect(bad.json().evaluation).toMatchObject({ result: 'non_compliant', actionOwnerName: '车间主任', evaluatedOn: '2026-11-23' });
    await t.request(sm, 'POST', `/api/v1/legal-requirements/${id(mem16!)}/evaluations`, { year: 2026, result: 'compliant', evidence: '隐患台账完整' });

    const findings = await complianceFindings(t.deps, w.enterpriseId, 2026);
    expect(findings).toEqual([expect.objectContaining({ requirementTitle: '中华人民共和国安全生产法', action: '补足岗前培训并考核', ownerPersonId: w.people.dept_head, deadline: '2026-12-20' })]);
    expect(await complianceFindings(t.deps, other.enterpriseId, 2026)).toEqual([]);
    // The non-compliance raised one corrective action through the CAPA mechanism, owned by the action's owner.
    const capaId = bad.json().evaluation.capaId as string;
    expect(findings[0]!.capaId).toBe(capaId);
    const capa = await t.request(sm, 'GET', `/api/v1/capas/${capaId}`);
    expect(capa.statusCode, capa.body).toBe(200);
    expect(capa.json()).toMatchObject({ sourceKind: 'compliance_evaluation', ownerPersonId: w.people.dept_head });
    expect(capa.json().description).toContain('补足岗前培训并考核');
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/capas/${capaId}`)).statusCode).toBe(404);

    const figures = await documentIndicators(t.deps, w.enterpriseId);
    expect(figures).toMatchObject({ year: 2026, lawsRegistered: 3, complianceEvaluated: 2, complianceNonCompliant: 1, complianceNotEvaluated: 1, clausesMapped: 2, documents: 1, documentsIssued: 0 });

    // A correction is a new entry; the first stays in the record.
    await t.request(sm, 'POST', `/api/v1/legal-requirements/${id(law!)}/evaluations`, { year: 2026, result: 'compliant', evidence: '已补训，考核合格' });
    await t.request(sm, 'POST', `/api/v1/legal-requirements/${id(mem3!)}/evaluations`, { year: 2026, result: 'not_applicable', findings: '—' });
    const lawNow = (await t.request(sm, 'GET', `/api/v1/legal-requirements/${id(law!)}`)).json();
    expect(lawNow.evaluation.result).toBe('compliant');
    expect(lawNow.evaluations.map((e: { result: string }) => e.result)).toEqual(['compliant', 'non_compliant']);
    expect(await complianceFindings(t.deps, w.enterpriseId, 2026)).toEqual([]);
    expect(await due()).toMatchObject({ status: 'done' });
    const log = (await t.request(sm, 'GET', '/api/v1/audit-log?entity=compliance_evaluation')).json().items;
    expect(log).toHaveLength(4);
    expect((await t.request(other.cookies.safety_manager, 'POST', `/api/v1/legal-requirements/${id(law!)}/evaluations`, { year: 2026, result: 'compliant' })).statusCode).toBe(404);
  });
});
