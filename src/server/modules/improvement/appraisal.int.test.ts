import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, cellText } from '../../platform/exports/xlsx-reader.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { clientId, hazardWorld, type World } from '../hazards/hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('appraisal (001 第二十一条)', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'ap');
    other = await hazardWorld(t, 'apx');
    // The worker finds two hazards, the team leader one.
    for (const [cookie, d] of [[w.cookies.worker, '砂轮机防护罩缺失'], [w.cookies.worker, '配电箱门未关'], [w.cookies.team_leader, '通道堆放物料']] as const) {
      const res = await t.request(cookie, 'POST', '/api/v1/hazards', { description: d, postId: w.postId, clientId: clientId() });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('counts per person, post and department, and exports the same figures as .xlsx', async () => {
    const q = 'from=2026-01-01&to=2026-12-31';
    const res = await t.request(w.cookies.safety_manager, 'GET', `/api/v1/appraisal?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { scope: string; id: string; name: string; people: number; hazardsReported: number }[];
    const person = (id: string) => rows.find((r) => r.scope === 'person' && r.id === id)!;
    expect(person(w.people.worker).hazardsReported).toBe(2);
    expect(person(w.people.team_leader).hazardsReported).toBe(1);
    expect(person(w.people.dept_head).hazardsReported).toBe(0);
    // The post held by the worker and the team leader; their team.
    expect(rows.find((r) => r.scope === 'post' && r.id === w.postId)).toMatchObject({ people: 2, hazardsReported: 3 });
    expect(rows.find((r) => r.scope === 'department' && r.id === w.team)).toMatchObject({ people: 2, hazardsReported: 3 });
    // Another period: nothing reported.
    const before = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/appraisal?from=2025-01-01&to=2025-12-31')).json().rows as { hazardsReported: number }[];
    expect(before.every((r) => r.hazardsReported === 0)).toBe(true);

    const xlsx = await t.request(w.cookies.principal, 'GET', `/api/v1/appraisal.xlsx?${q}`);
    expect(xlsx.statusCode).toBe(200);
    const book = await readWorkbook(xlsx.rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual(['个人', '岗位', '部门']);
    const sheet = book.getWorksheet('个人')!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1).map((v) => cellText(v as never));
    expect(header).toContain('发现上报隐患');
    const col = header.indexOf('发现上报隐患') + 1;
    const workerRow = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => cellText(r.getCell(1).value) === '操作工')!;
    expect(Number(cellText(workerRow.getCell(col).value))).toBe(2);
  });

  it('refuses a reversed period and roles without the appraisal; another enterprise sees only its own people', async () => {
    const bad = await t.request(w.cookies.safety_manager, 'GET', '/api/v1/appraisal?from=2026-12-31&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('to');
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/appraisal?from=2026-01-01&to=2026-12-31')).statusCode).toBe(403);
    const theirs = (await t.request(other.cookies.safety_manager, 'GET', '/api/v1/appraisal?from=2026-01-01&to=2026-12-31')).json().rows as { id: string; hazardsReported: number }[];
    expect(theirs.some((r) => Object.values(w.people).includes(r.id))).toBe(false);
    expect(theirs.every((r) => r.hazardsReported === 0)).toBe(true);
  });
});
