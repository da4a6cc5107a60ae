import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

// Seed 001 附件1 and 附件2, exactly as printed.
const operationHeaders = ['岗位名称', '岗位人数', '主要设备设施', '主要作业活动', '可能导致的事故类型', '可能导致事故的原因', '风险等级', '管控措施', '排查内容', '责任人', '排查周期'];
const managementHeaders = ['岗位名称', '风险等级', '职责分工', '管控措施', '排查内容', '责任人', '排查周期'];

describe.skipIf(!isDbAvailable())('one post, one list (.xlsx)', () => {
  let t: TestApp;
  let cookie: string;
  let lathe: string;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const e = await createEnterpriseWithUsers(t.deps, 'xls', ['safety_manager']);
    cookie = await t.login(e.usernames.safety_manager as string);
    const mk = async (path: string, body: object) => {
      const res = await t.request(cookie, 'POST', path, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    lathe = await mk('/api/v1/posts', { name: '车工', kind: 'operation', headcount: 3, mainEquipment: 'CA6140 车床', mainActivities: '车削加工' });
    manager = await mk('/api/v1/posts', { name: '安全管理员', kind: 'management', headcount: 1 });
    const wang = await mk('/api/v1/people', { name: '王五', postIds: [lathe] });
    const item = (content: string, period: string) => ({ content, method: 'look', period, responsiblePersonId: wang });
    await mk('/api/v1/risks', {
      postId: lathe,
      objectKind: 'equipment',
      objectName: 'CA6140 车床',
      hazardFactorCodes: ['2101'],
      accidentTypeCodes: ['03', '01'],
      causes: '卡盘无防护罩，衣袖卷入',
      evaluation: { method: 'LEC', L: 6, E: 6, C: 7 },
      measures: [
        { type: 'ppe', phase: 'during', text: '扎紧袖口，禁止戴手套', inspection: item('检查着装', 'shift') },
        { type: 'engineering', phase: 'before', text: '卡盘防护罩联锁完好', inspection: item('检查防护罩联锁', 'day') },
      ],
    });
    await mk('/api/v1/risks', {
      postId: manager,
      objectKind: 'duty',
      objectName: '组织隐患排查',
      hazardFactorCodes: ['2101'],
      accidentTypeCodes: ['20'],
      causes: '未按期排查',
      evaluation: { method: 'LEC', L: 1, E: 1, C: 1 },
      measures: [{ type: 'administrative', dutyItem: '隐患排查', text: '每月组织综合检查', inspection: { content: '查排查记录', method: 'records', period: 'month' } }],
    });
  });
  afterAll(() => t.close());

  const download = async (url: string, lang = 'zh-CN') => {
    const res = await t.request(cookie, 'GET', url, undefined, { 'accept-language': lang });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('attachment');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return book;
  };
  const rowValues = (ws: ExcelJS.Worksheet, n: number, width: number) =>
    Array.from({ length: width }, (_, i) => {
      const v = ws.getRow(n).getCell(i + 1).value;
      return v === null || v === undefined ? '' : v;
    });

  it('exports the enterprise list: 附件1 and 附件2 headers exactly, one row per measure, merged post and risk cells', async () => {
    const book = await download('/api/v1/risk-list.xlsx');
    expect(book.worksheets.map((w) => w.name)).toEqual(['操作岗位', '管理岗位']);
    const op = book.getWorksheet('操作岗位') as ExcelJS.Worksheet;
    expect(op.getCell(1, 1).value).toBe('操作岗位风险管控与隐患排查清单');
    expect(rowValues(op, 2, 11)).toEqual(operationHeaders);
    // Before-work measures first (seed 001 Art. 9), then during.
    expect(rowValues(op, 3, 11)).toEqual([
      '车工', 3, 'CA6140 车床', '车削加工', '机械伤害、物体打击', '卡盘无防护罩，衣袖卷入', '较大',
      '作业前：卡盘防护罩联锁完好', '检查防护罩联锁', '王五', '每天',
    ]);
    expect(rowValues(op, 4, 11).slice(7)).toEqual(['作业中：扎紧袖口，禁止戴手套', '检查着装', '王五', '每班']);
    expect(op.getCell(4, 1).isMerged).toBe(true);
    expect(op.getCell(4, 1).master.address).toBe('A3');
    expect(op.getCell(4, 7).master.address).toBe('G3');
    const fill = op.getCell(3, 7).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe('FFFF9900');
    expect(op.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:2' });

    const mg = book.getWorksheet('管理岗位') as ExcelJS.Worksheet;
    expect(mg.getCell(1, 1).value).toBe('管理岗位风险管控与隐患排查清单');
    expect(rowValues(mg, 2, 7)).toEqual(managementHeaders);
    // Issue 9 §3: the 责任人 column is never empty; an item naming nobody says so.
    expect(rowValues(mg, 3, 7)).toEqual(['安全管理员', '低', '隐患排查', '每月组织综合检查', '查排查记录', '（未指定责任人）', '每月']);
  });

  it("exports one post's list by its kind, with English names under the Chinese in en-US", async () => {
    const zh = await download(`/api/v1/posts/${manager}/risk-list.xlsx`);
    expect(zh.worksheets.map((w) => w.name)).toEqual(['管理岗位']);
    const en = await download(`/api/v1/posts/${lathe}/risk-list.xlsx`, 'en-US');
    const ws = en.worksheets[0] as ExcelJS.Worksheet;
    expect(en.worksheets).toHaveLength(1);
    const headers = rowValues(ws, 2, 11) as string[];
    expect(headers.map((h) => h.split('\n')[0])).toEqual(operationHeaders);
    expect(headers[0]).toBe('岗位名称\nPost name');
    expect(ws.getCell(3, 1).value).toBe('车工');
  });

  it('refuses the list of an archived post and of an unknown one', async () => {
    const gone = await t.request(cookie, 'POST', '/api/v1/posts', { name: '撤销岗位', kind: 'operation' });
    await t.request(cookie, 'POST', `/api/v1/posts/${gone.json().id}/archive`);
    const archived = await t.request(cookie, 'GET', `/api/v1/posts/${gone.json().id}/risk-list.xlsx`);
    expect(archived.statusCode).toBe(409);
    expect(archived.headers['content-type']).toContain('problem+json');
    expect((await t.request(cookie, 'GET', '/api/v1/posts/01a2070b-0000-7000-8000-000000000000/risk-list.xlsx')).statusCode).toBe(404);
  });
});
