import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { peopleSheet, postSheet } from './import.service.js';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(posts: unknown[][], people: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const p = book.addWorksheet(postSheet.name);
  p.addRow(postSheet.columns);
  for (const r of posts) p.addRow(r);
  const q = book.addWorksheet(peopleSheet.name);
  q.addRow(peopleSheet.columns);
  for (const r of people) q.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.skipIf(!isDbAvailable())('import of posts and people from .xlsx', () => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const e = await createEnterpriseWithUsers(t.deps, 'imp', ['safety_manager']);
    cookie = await t.login(e.usernames.safety_manager as string);
    await t.request(cookie, 'POST', '/api/v1/org-units', { name: '机加工车间', kind: 'workshop' });
  });
  afterAll(() => t.close());

  it('offers a template that opens as a workbook with the two sheets and their headers', async () => {
    const res = await t.request(cookie, 'GET', '/api/v1/imports/posts-people/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(xlsx);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet(postSheet.name)?.getRow(1).values).toEqual([undefined, ...postSheet.columns]);
    expect(book.getWorksheet(peopleSheet.name)?.getRow(1).values).toEqual([undefined, ...peopleSheet.columns]);
  });

  it('reports every bad cell by sheet, row and column and imports nothing', async () => {
    const file = await workbook(
      [
        ['车床工', '操作岗位', '机加工车间', 4],
        ['', '操作岗位', '', 1],
        ['铣床工', '老板', '不存在的车间', 2],
      ],
      [
        ['张三', '13800000001', '机加工车间', '车床工', '2024-03-01', '否'],
        ['李四', '12345', '', '磨工', '2024-13-01', '也许'],
      ],
    );
    const res = await t.request(cookie, 'POST', '/api/v1/imports/posts-people', file, { 'content-type': xlsx });
    expect(res.statusCode).toBe(422);
    const issues = res.json().issues as { sheet: string; row: number; column: string }[];
    const at = issues.map((i) => `${i.sheet === postSheet.name ? 'P' : 'H'}${i.row}${i.column[0]}`).sort();
    expect(at).toEqual(['H3B', 'H3D', 'H3E', 'H3F', 'P3A', 'P4B', 'P4C'].sort());
    expect((await t.request(cookie, 'GET', '/api/v1/posts')).json().items).toEqual([]);
    expect((await t.request(cookie, 'GET', '/api/v1/people')).json().items).toEqual([]);
  });

  it('imports a clean file in one go, linking people to the posts in the same file', async () => {
    const file = await workbook(
      [
        ['车床工', '操作岗位', '机加工车间', 4, 'CA6140', '车削'],
        ['安全管理员', '管理岗位', '', 1, '', '', '组织隐患排查'],
      ],
      [
        ['张三', '13800000001', '机加工车间', '车床工', '2024-03-01', '否'],
        ['外协李四', '', '', '车床工、安全管理员', '', '是'],
      ],
    );
    const res = await t.request(cookie, 'POST', '/api/v1/imports/posts-people', file, { 'content-type': xlsx });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ posts: 2, people: 2 });
    const posts = (await t.request(cookie, 'GET', '/api/v1/posts')).json().items;
    expect(posts.map((p: { name: string; kind: string }) => `${p.name}:${p.kind}`)).toEqual(['车床工:operation', '安全管理员:management']);
    const people = (await t.request(cookie, 'GET', '/api/v1/people')).json().items;
    expect(people[1]).toMatchObject({ name: '外协李四', isContractor: true });
    expect(people[1].postIds).toHaveLength(2);
    // Importing the same posts again is refused: they exist now.
    const again = await t.request(cookie, 'POST', '/api/v1/imports/posts-people', file, { 'content-type': xlsx });
    expect(again.statusCode).toBe(422);
  });

  it('imports the downloaded template as it is (its example rows are valid)', async () => {
    const template = await t.request(cookie, 'GET', '/api/v1/imports/posts-people/template.xlsx');
    const res = await t.request(cookie, 'POST', '/api/v1/imports/posts-people', template.rawPayload, { 'content-type': xlsx });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ posts: 2, people: 1 });
  });

  it('answers 400 to a file that is not a workbook', async () => {
    const res = await t.request(cookie, 'POST', '/api/v1/imports/posts-people', Buffer.from('hello'), { 'content-type': xlsx });
    expect(res.statusCode).toBe(400);
  });
});
