import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/app-error.js';
import { buildSheetTemplate, importColumns, importSheetName, parseScoreSheet } from './score-sheet-import.js';

type Cells = (string | number | null)[];
const good: Cells[] = [
  ['5.1', '目标职责', '1.1', '制定安全生产目标', 60, '查文件', '未制定目标，扣 10 分\n目标未分解，每缺一个部门扣2分', '否', '否', '基础管理', ''],
  ['5.4', '现场管理', '4.1', '设备设施完好', 40, '现场检查', '防护装置缺失，每处扣 0.5 分', '是', '否', '设备设施', '隐患按期整改'],
  ['5.4', '现场管理', 'V1', '否决项：存在重大事故隐患', 0, '查记录', '', '否', '是', '', 'open-major-hazards'],
];

function book(rows: Cells[], header: readonly string[] = importColumns): ExcelJS.Workbook {
  const b = new ExcelJS.Workbook();
  const ws = b.addWorksheet(importSheetName);
  ws.addRow(['某行业安全生产标准化评定标准']); // a title row above the header, as official sheets have
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  return b;
}

function issuesOf(rows: Cells[], total = 100, locale: 'zh-CN' | 'en-US' = 'zh-CN'): { row: number; column: string; message: string }[] {
  try {
    parseScoreSheet(book(rows), { name: 't', totalPoints: total }, locale);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('IMPORT_INVALID');
    return (e as AppError).extra?.issues as { row: number; column: string; message: string }[];
  }
  throw new Error('the sheet was accepted');
}
const withRow = (index: number, column: number, value: string | number | null): Cells[] => good.map((r, i) => (i === index ? r.map((c, j) => (j === column ? value : c)) : r));

describe('parseScoreSheet', () => {
  it('reads a well-formed sheet below its title row: elements, items, rule points, NA, veto, part, evidence', () => {
    const sheet = parseScoreSheet(book(good), { name: '某行业', totalPoints: 100 }, 'zh-CN');
    expect(sheet.elements).toEqual([
      { code: '5.1', name: '目标职责' },
      { code: '5.4', name: '现场管理' },
    ]);
    expect(sheet.items.map((i) => i.code)).toEqual(['1.1', '4.1', 'V1']);
    expect(sheet.items[0]?.deductionRules).toEqual([
      { text: '未制定目标，扣 10 分', points: 10 },
      { text: '目标未分解，每缺一个部门扣2分', points: 2 },
    ]);
    expect(sheet.items[1]).toMatchObject({ canBeNotApplicable: true, isVeto: false, part: 'equipment_facilities', evidenceKey: 'hazard-remediation', deductionRules: [{ points: 0.5 }] });
    expect(sheet.items[2]).toMatchObject({ isVeto: true, points: 0, part: 'basic_management', evidenceKey: 'open-major-hazards' });
  });

  it('reads its own template back: the starter sheet, 1,000 points', async () => {
    const b = new ExcelJS.Workbook();
    await b.xlsx.load((await buildSheetTemplate()) as unknown as ArrayBuffer);
    const sheet = parseScoreSheet(b, { name: 'x', totalPoints: 1000 }, 'zh-CN');
    expect(sheet.elements).toHaveLength(8);
    expect(sheet.items.find((i) => i.code === '5.5.5')?.evidenceKey).toBe('inspection-lists');
  });

  it.each([
    ['an empty item number', withRow(1, 2, ''), 4, 'C', '项目编号不能为空'],
    ['a duplicate item number', withRow(1, 2, '1.1'), 4, 'C', '与第 3 行重复'],
    ['points that are not a number', withRow(0, 4, '六十'), 3, 'E', '标准分值应为'],
    ['0 points on an item that is no veto', withRow(0, 4, 0), 3, 'E', '只有否决项'],
    ['a deduction rule without 扣N分', withRow(0, 6, '未制定目标的酌情扣分'), 3, 'G', '没有写明“扣N分”'],
    ['a yes/no that is neither', withRow(1, 7, '也许'), 4, 'H', '应为“是”或“否”'],
    ['an unknown part', withRow(1, 9, '消防'), 4, 'J', '类别应为'],
    ['an element named two ways', withRow(2, 1, '现场'), 5, 'B', '第 4 行名为“现场管理”'],
    ['an unknown evidence', withRow(1, 10, '培训档案'), 4, 'K', '产品证据应为以下之一'],
  ] as const)('refuses %s, naming the row and column', (_what, rows, row, column, message) => {
    const issues = issuesOf(rows as Cells[]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.row).toBe(row);
    expect(issues[0]?.column.startsWith(`${column} `)).toBe(true);
    expect(issues[0]?.message).toContain(message);
  });

  it('refuses points that do not add up to the declared total', () => {
    const issues = issuesOf(good, 1000);
    expect(issues[0]?.message).toBe('各项目分值合计 100 分，与申报的总分 1000 分不符');
  });

  it('refuses a file without the header row, and one without items', () => {
    expect(() => parseScoreSheet(book(good, ['要素', '名称', '编号']), { name: 't', totalPoints: 100 }, 'en-US')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => parseScoreSheet(book([]), { name: 't', totalPoints: 100 }, 'zh-CN')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it('answers in English when asked, and drops NUL characters PostgreSQL would refuse', () => {
    expect(issuesOf(withRow(0, 4, 'x'), 100, 'en-US')[0]?.message).toContain('the points must be a number');
    const sheet = parseScoreSheet(book(withRow(0, 3, '制定\u0000目标')), { name: 't', totalPoints: 100 }, 'zh-CN');
    expect(sheet.items[0]?.title).toBe('制定目标');
  });
});
