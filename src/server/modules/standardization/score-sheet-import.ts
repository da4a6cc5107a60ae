/* Import of an official industry 评定标准 from .xlsx (issue 16 §1). Consultants hold these sheets as
 * spreadsheets; the column layout is documented in docs/standardization.md and offered as a template.
 * Every row is checked first; each problem names its row and column; nothing is kept unless the whole
 * sheet is clean and its points add up to the declared total. */
import { cellText, readWorkbook, type XlsxCellValue, type XlsxWorkbook } from '../../platform/exports/xlsx-reader.js';
import type { Locale } from '../../../i18n/locale.js';
import type { ImportIssue } from '../../../schemas/org.js';
import { type ScoreSheet, type ScoreSheetItem, type SheetPart, sheetPartLabels, sheetParts } from '../../../reference/standardization/score-sheet.js';
import { type EvidenceKey, evidenceKeyLabels, evidenceKeys, isEvidenceKey } from '../../../reference/standardization/evidence-keys.js';
import { starterSheet } from '../../../reference/standardization/gbt33000-starter-sheet.js';
import { addTableSheet, newWorkbook, workbookBuffer } from '../../platform/exports/xlsx-builder.js';
import { AppError } from '../../platform/http/app-error.js';

export const importSheetName = '评分表';
export const importColumns = [
  '要素编号*',
  '要素名称*',
  '项目编号*',
  '评定项目*',
  '标准分值*',
  '评定方法',
  '扣分标准（每行一条，写明“扣N分”）',
  '可不适用（是/否）',
  '否决项（是/否）',
  '类别（基础管理/设备设施/作业环境与职业健康）',
  '产品证据（可选）',
] as const;

const yes = new Set(['是', 'Y', 'YES', 'TRUE', '1']);
const no = new Set(['', '否', 'N', 'NO', 'FALSE', '0']);
const partByLabel = new Map<string, SheetPart>(sheetParts.flatMap((p) => [[sheetPartLabels[p]['zh-CN'], p], [sheetPartLabels[p]['en-US'], p], [p, p]] as [string, SheetPart][]));
const evidenceByLabel = new Map<string, EvidenceKey>(evidenceKeys.flatMap((k) => [[k, k], [evidenceKeyLabels[k]['zh-CN'], k], [evidenceKeyLabels[k]['en-US'], k]] as [string, EvidenceKey][]));
/** "扣 2 分", "扣2分", "扣0.5分" — the points a deduction rule takes each time. */
const rulePoints = /扣\s*(\d+(?:\.\d+)?)\s*分/;

/** The template is the starter sheet itself, in the import layout: a filled example of every column. */
export async function buildSheetTemplate(): Promise<Buffer> {
  const book = newWorkbook();
  const names = new Map(starterSheet.elements.map((e) => [e.code, e.name]));
  addTableSheet(book, {
    name: importSheetName,
    columns: importColumns.map((header, i) => ({ header, width: [8, 16, 8, 50, 8, 18, 50, 10, 10, 16, 18][i] })),
    rows: starterSheet.items.map((i) => [
      i.elementCode,
      names.get(i.elementCode) ?? '',
      i.code,
      i.title,
      i.points,
      i.method,
      i.deductionRules.map((r) => r.text).join('\n'),
      i.canBeNotApplicable ? '是' : '否',
      i.isVeto ? '是' : '否',
      sheetPartLabels[i.part]['zh-CN'],
      i.evidenceKey && isEvidenceKey(i.evidenceKey) ? evidenceKeyLabels[i.evidenceKey]['zh-CN'] : '',
    ]),
  });
  return workbookBuffer(book);
}

/** PostgreSQL refuses NUL characters that SQLite would store: an imported cell never carries one. */
const clean = (value: XlsxCellValue) => cellText(value).replaceAll('\u0000', '');

const msg = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);

/** Reads the sheet's rows into a ScoreSheet, or throws IMPORT_INVALID listing every bad cell by row. */
export function parseScoreSheet(book: XlsxWorkbook, meta: { name: string; totalPoints: number }, locale: Locale): ScoreSheet {
  const ws = book.getWorksheet(importSheetName) ?? book.worksheets[0];
  if (!ws) throw new AppError('BAD_REQUEST', { detail: msg(locale, '文件中没有工作表', 'the file has no sheets') });
  const issues: ImportIssue[] = [];
  const issue = (row: number, col: number, zh: string, en: string) =>
    issues.push({ sheet: ws.name, row, column: `${String.fromCharCode(64 + col)} ${importColumns[col - 1] ?? ''}`, message: msg(locale, zh, en) });
  const flag = (row: number, col: number, text: string): boolean => {
    const v = text.toUpperCase();
    if (yes.has(v)) return true;
    if (!no.has(v)) issue(row, col, '应为“是”或“否”', 'must be 是 (yes) or 否 (no)');
    return false;
  };

  // The header row is the first row whose third cell names the item number column.
  let headerRow = 0;
  ws.eachRow((r, n) => {
    if (!headerRow && cellText(r.getCell(3).value).startsWith('项目编号')) headerRow = n;
  });
  if (!headerRow) {
    throw new AppError('BAD_REQUEST', { detail: msg(locale, '找不到表头（第三列应为“项目编号”），请使用下载的模板', 'no header row found (column C must be 项目编号); use the downloadable template') });
  }

  const elements = new Map<string, { name: string; row: number }>();
  const itemRows = new Map<string, number>();
  const items: ScoreSheetItem[] = [];
  ws.eachRow((r, row) => {
    if (row <= headerRow) return;
    const cells = importColumns.map((_, i) => clean(r.getCell(i + 1).value));
    if (cells.every((c) => c === '')) return;
    const [elementCode = '', elementName = '', code = '', title = '', pointsText = '', method = '', rulesText = '', naText = '', vetoText = '', partText = '', evidenceText = ''] = cells;
    if (!elementCode) issue(row, 1, '要素编号不能为空', 'the element number is required');
    if (!elementName) issue(row, 2, '要素名称不能为空', 'the element name is required');
    if (!code) issue(row, 3, '项目编号不能为空', 'the item number is required');
    if (!title) issue(row, 4, '评定项目不能为空', 'the item text is required');
    if (title.length > 1000) issue(row, 4, '评定项目过长（最多 1000 字）', 'the item text is too long (1,000 characters at most)');
    const known = elements.get(elementCode);
    if (elementCode && elementName) {
      if (known && known.name !== elementName) {
        issue(row, 2, `要素 ${elementCode} 在第 ${known.row} 行名为“${known.name}”，此处为“${elementName}”`, `element ${elementCode} is named "${known.name}" on row ${known.row} but "${elementName}" here`);
      } else if (!known) elements.set(elementCode, { name: elementName, row });
    }
    if (code) {
      const first = itemRows.get(code);
      if (first) issue(row, 3, `项目编号 ${code} 与第 ${first} 行重复`, `item number ${code} repeats row ${first}`);
      else itemRows.set(code, row);
    }
    const isVeto = flag(row, 9, vetoText);
    const canBeNotApplicable = flag(row, 8, naText);
    const points = Number(pointsText);
    if (pointsText === '' || !Number.isFinite(points) || points < 0 || Math.round(points * 100) !== points * 100) {
      issue(row, 5, '标准分值应为不小于 0 的数（最多两位小数）', 'the points must be a number ≥ 0 (two decimals at most)');
    } else if (points === 0 && !isVeto) issue(row, 5, '只有否决项的分值可以为 0', 'only a veto item may have 0 points');
    const part = partText === '' ? 'basic_management' : partByLabel.get(partText);
    if (!part) issue(row, 10, '类别应为“基础管理”“设备设施”或“作业环境与职业健康”', 'the part must be 基础管理, 设备设施 or 作业环境与职业健康');
    const evidenceKey = evidenceText === '' ? undefined : evidenceByLabel.get(evidenceText);
    if (evidenceText !== '' && !evidenceKey) {
      issue(row, 11, `产品证据应为以下之一：${evidenceKeys.map((k) => evidenceKeyLabels[k]['zh-CN']).join('、')}`, `the evidence must be one of: ${evidenceKeys.join(', ')}`);
    }
    const deductionRules = rulesText
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((text) => {
        const m = rulePoints.exec(text);
        if (!m) issue(row, 7, `扣分标准“${text.slice(0, 30)}”没有写明“扣N分”`, `the deduction rule "${text.slice(0, 30)}" does not say 扣N分 (how many points)`);
        return { text, points: m ? Number(m[1]) : 0 };
      });
    items.push({ code, elementCode, title, points: Number.isFinite(points) ? points : 0, method, deductionRules, canBeNotApplicable, isVeto, part: part ?? 'basic_management', isConfirmed: true, ...(evidenceKey ? { evidenceKey } : {}) });
  });

  if (items.length === 0) throw new AppError('BAD_REQUEST', { detail: msg(locale, '文件中没有评分项目行', 'the file has no item rows') });
  const sum = items.reduce((s, i) => s + Math.round(i.points * 100), 0) / 100;
  if (issues.length === 0 && sum !== meta.totalPoints) {
    issues.push({
      sheet: ws.name,
      row: headerRow + items.length,
      column: `E ${importColumns[4]}`,
      message: msg(locale, `各项目分值合计 ${sum} 分，与申报的总分 ${meta.totalPoints} 分不符`, `the items add up to ${sum} points, not the declared total of ${meta.totalPoints}`),
    });
  }
  if (issues.length > 0) throw new AppError('IMPORT_INVALID', { count: issues.length }, [], { issues });
  return {
    name: meta.name,
    totalPoints: meta.totalPoints,
    elements: [...elements].map(([code, e]) => ({ code, name: e.name })),
    items,
    sourceNote: msg(locale, `由企业导入的评定标准：${meta.name}`, `Imported industry sheet: ${meta.name}`),
  };
}

/** An uploaded .xlsx read and parsed: the one entry for enterprises' and counties' imports alike. */
export async function readScoreSheetFile(file: Buffer, meta: { name: string; totalPoints: number }, locale: Locale): Promise<ScoreSheet> {
  let book: XlsxWorkbook;
  try {
    book = await readWorkbook(file);
  } catch {
    throw new AppError('BAD_REQUEST', { detail: msg(locale, '不是有效的 .xlsx 文件', 'not a valid .xlsx file') });
  }
  return parseScoreSheet(book, meta, locale);
}
