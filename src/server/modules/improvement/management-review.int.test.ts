import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { clientId, hazardWorld, type World } from '../hazards/hazard-test-setup.js';

async function docxText(payload: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(payload)).file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}
type Section = { key: string; title: string; lines: { label: string; value: string }[] | null };
const line = (sections: Section[], key: string, label: string) => sections.find((s) => s.key === key)?.lines?.find((l) => l.label === label)?.value;

describe.skipIf(!isDbAvailable())('management review and the dual prevention evaluation', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'mr');
    other = await hazardWorld(t, 'mrx');
    const sm = w.cookies.safety_manager;
    // Known data of 2026 (clock: 2026-11-23): one accident, two near misses (each raising its CAPA), one objective, one CAPA more, two hazards.
    for (const body of [
      { kind: 'accident', occurredOn: '2026-03-01', postId: w.postId, minorInjuries: 1, description: '手部划伤' },
      { kind: 'near_miss', occurredOn: '2026-05-01', description: '叉车险些撞人' },
      { kind: 'near_miss', occurredOn: '2026-06-01', description: '脚手架扣件松动' },
    ]) expect((await t.request(sm, 'POST', '/api/v1/accidents', body)).statusCode).toBe(201);
    await t.request(sm, 'POST', '/api/v1/ohs-objectives', { name: '全年零事故', metric: 'accidents', comparison: 'lte', targetValue: 0, year: 2026, ownerPersonId: w.people.dept_head });
    await t.request(sm, 'POST', '/api/v1/capas', { sourceKind: 'other', description: '消防通道堆物' });
    for (const d of ['砂轮机防护罩缺失', '配电箱门未关']) await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { description: d, postId: w.postId, clientId: clientId() });
    // A change requested (still open) and a consultation with workers' representatives deciding one measure.
    expect((await t.request(sm, 'POST', '/api/v1/change-requests', { name: '喷漆线改造', kind: 'process' })).statusCode).toBe(201);
    const consultation = { kind: 'consultation', name: '员工协商会', heldOn: '2026-10-10', representatives: '工会代表 王工', decisions: [{ text: '增设洗眼器', ownerPersonId: w.people.dept_head, deadline: '2026-12-31' }] };
    expect((await t.request(sm, 'POST', '/api/v1/meetings', consultation)).statusCode).toBe(201);
    // A safety meeting is not a consultation: it does not count as workers' suggestions.
    expect((await t.request(sm, 'POST', '/api/v1/meetings', { kind: 'safety_meeting', name: '安全例会', heldOn: '2026-10-11' })).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('opens the yearly review with inputs filled from the records, records decisions, the principal concludes, the .docx reads back', async () => {
    const sm = w.cookies.safety_manager;
    const due0 = (await t.request(sm, 'GET', '/api/v1/due-items?kind=review')).json().items as { kind: string; status: string }[];
    expect(due0.map((d) => [d.kind, d.status]).sort()).toEqual([['review.dualPrevention', 'due'], ['review.yearly', 'due']]);

    const res = await t.request(w.cookies.principal, 'POST', '/api/v1/management-reviews', { kind: 'management', year: 2026, heldOn: '2026-11-23' });
    expect(res.statusCode, res.body).toBe(201);
    const review = res.json();
    expect(review).toMatchObject({ status: 'draft', periodFrom: '2026-01-01', periodTo: '2026-11-23' });
    const inputs = review.inputs as Section[];
    expect(line(inputs, 'accidents', '事故 / 未遂事件')).toBe('1 / 2');
    expect(line(inputs, 'accidents', '死亡 / 重伤 / 轻伤')).toBe('0 / 0 / 1');
    expect(line(inputs, 'objectives', '全年零事故')).toBe('1 / ≤ 0 次/项（进度落后）');
    expect(line(inputs, 'capa', '期间登记 / 有效关闭')).toBe('4 / 0');
    expect(line(inputs, 'hazards', '发现 / 整改')).toBe('2 / 0');
    expect(line(inputs, 'changes', '申请 / 已实施 / 未关闭')).toBe('1 / 0 / 1');
    expect(line(inputs, 'suggestions', '员工协商次数')).toBe('1');
    expect(line(inputs, 'suggestions', '形成的措施 / 已落实')).toBe('1 / 0');

    const at = (s: string) => `/api/v1/management-reviews/${review.id}/${s}`;
    for (const d of [
      { decision: '加强叉车作业管理', measure: '划分人车通道并设置警示', ownerPersonId: w.people.dept_head, deadline: '2027-01-31' },
      { decision: '修订事故目标的管理方案', measure: '增加季度安全检查', ownerPersonId: w.people.team_leader, deadline: '2027-02-28' },
    ]) expect((await t.request(sm, 'POST', at('decisions'), d)).statusCode).toBe(201);
    const decisionsDue = (await t.request(sm, 'GET', '/api/v1/due-items?kind=review.decision&to=2027-03-31T00:00:00Z')).json().items as { ownerPersonId: string }[];
    expect(decisionsDue.map((d) => d.ownerPersonId).sort()).toEqual([w.people.dept_head, w.people.team_leader].sort());

    expect((await t.request(sm, 'POST', at('conclude'), { conclusion: 'x' })).statusCode).toBe(403);
    const concluded = await t.request(w.cookies.principal, 'POST', at('conclude'), { conclusion: '体系适宜、充分、有效；按决定改进叉车管理。' });
    expect(concluded.statusCode, concluded.body).toBe(200);
    expect(concluded.json()).toMatchObject({ status: 'concluded' });
    expect(concluded.json().chairedByName).not.toBeNull();
    expect((await t.request(sm, 'POST', at('decisions'), { decision: 'x', measure: 'y', ownerPersonId: w.people.worker, deadline: '2027-01-01' })).statusCode).toBe(409);
    const due1 = (await t.request(sm, 'GET', '/api/v1/due-items?kind=review.yearly')).json().items as { status: string }[];
    expect(due1.map((d) => d.status)).toEqual(['done']);

    const text = await docxText((await t.request(w.cookies.principal, 'GET', at('report.docx'))).rawPayload);
    for (const words of ['2026 年度管理评审报告', '事故和未遂事件', '1 / 2', '划分人车通道并设置警示', '增加季度安全检查', '未记录', '体系适宜、充分、有效']) expect(text).toContain(words);
  });

  it('the dual prevention evaluation shows coverage, lists, tasks, hazards, re-evaluation and suggests findings', async () => {
    const res = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/management-reviews', { kind: 'dual_prevention', year: 2026, heldOn: '2026-11-20' }, { 'accept-language': 'en-US' });
    expect(res.statusCode, res.body).toBe(201);
    const inputs = res.json().inputs as Section[];
    expect(inputs.map((s) => s.key)).toEqual(['coverage', 'lists', 'tasks', 'hazards', 'reevaluation']);
    expect(line(inputs, 'coverage', 'Posts with identified risks')).toBe('0 / 1');
    expect(res.json().suggestedFindings).toContain('1 post(s) have no identified risk');
  });

  it('tenancy: another enterprise cannot read or add to a review, nor name its people', async () => {
    const review = (await t.request(w.cookies.safety_manager, 'POST', '/api/v1/management-reviews', { kind: 'management', year: 2027, trigger: 'event', eventNote: '新增喷漆线', heldOn: '2027-01-10' })).json();
    expect(review.trigger).toBe('event');
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/management-reviews/${review.id}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'POST', `/api/v1/management-reviews/${review.id}/decisions`, {})).statusCode).toBe(404);
    const foreign = await t.request(w.cookies.safety_manager, 'POST', `/api/v1/management-reviews/${review.id}/decisions`, { decision: 'x', measure: 'y', ownerPersonId: other.people.worker, deadline: '2027-02-01' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('ownerPersonId');
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/management-reviews')).json().items).toEqual([]);
  });
});
