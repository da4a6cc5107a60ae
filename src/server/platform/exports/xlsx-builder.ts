/* The one .xlsx builder (DESIGN "Mechanisms built once: Documents"). Ledgers and registers describe
 * their columns and rows; this module gives every sheet the same face: an optional title row, a bold
 * filled header row with borders, column widths, a frozen header, A4 landscape page set-up — and
 * writes every value as data, never as a formula (a text beginning with = + - @ stays text).
 *
 *   const book = newWorkbook();
 *   addTableSheet(book, { name: '培训台账', title: '…', columns: [{ header: '姓名', width: 10 }], rows: [['张三']] });
 *   addCellImages(book, sheet, [{ row: 1, col: 3, jpeg, widthPx: 120, heightPx: 90 }]); // optional pictures in cells
 *   return workbookBuffer(book);
 */
import type ExcelJS from 'exceljs';
import { excel } from './exceljs-lazy.js';

/** The workbook types a feature's own sheet layout names (it still starts from newWorkbook). */
export type XlsxWorkbook = ExcelJS.Workbook;
export type XlsxWorksheet = ExcelJS.Worksheet;

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type XlsxValue = string | number | boolean | Date | null | undefined | { text: string; hyperlink: string };

export interface XlsxColumn {
  header: string;
  /** Width in characters (a Chinese character counts about two). */
  width?: number;
}

export interface TableSheetSpec {
  name: string;
  /** A merged title row above the header (e.g. the form's name as the seed prints it). */
  title?: string;
  columns: XlsxColumn[];
  rows: XlsxValue[][];
}

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const xlsxBorder = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9E1F2' } };

/** Characters that make a spreadsheet program treat a typed cell as a formula (OWASP CSV injection). */
const formulaLead = /^[=+\-@\t\r]/;

export function newWorkbook(): ExcelJS.Workbook {
  const book = new (excel().Workbook)();
  book.creator = 'Shuangkong';
  book.created = new Date();
  return book;
}

/** Writes one value as data. Strings are never formulas; the dangerous ones also get the text format. */
export function setCellValue(cell: ExcelJS.Cell, value: XlsxValue): void {
  if (value === null || value === undefined) {
    cell.value = null;
    return;
  }
  if (typeof value === 'string') {
    cell.value = value;
    if (formulaLead.test(value)) cell.numFmt = '@';
    return;
  }
  cell.value = value;
}

/** Styles a header row: bold, filled, bordered, wrapped, centred. */
export function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = headerFill;
    cell.border = xlsxBorder;
  });
}

export function addTableSheet(book: ExcelJS.Workbook, spec: TableSheetSpec): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(spec.name.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = spec.columns.map((c) => ({ width: c.width ?? 14 }));
  let headerRowNumber = 1;
  if (spec.title) {
    const titleRow = sheet.addRow([spec.title]);
    titleRow.font = { bold: true, size: 14 };
    titleRow.alignment = { horizontal: 'center', vertical: 'middle' };
    titleRow.height = 24;
    if (spec.columns.length > 1) sheet.mergeCells(1, 1, 1, spec.columns.length);
    headerRowNumber = 2;
  }
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  styleHeaderRow(header);
  for (const values of spec.rows) {
    const row = sheet.addRow([]);
    spec.columns.forEach((_c, i) => {
      const cell = row.getCell(i + 1);
      setCellValue(cell, values[i]);
      cell.border = xlsxBorder;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: headerRowNumber }];
  sheet.pageSetup.printTitlesRow = `${headerRowNumber}:${headerRowNumber}`;
  return sheet;
}

/**
 * Pictures inside the cells of a table sheet (issue 8 §7: the ledger carries the before/after
 * photos): each JPEG is placed in its cell (1-based data row under the header, 0-based column),
 * the row made tall enough. Call after addTableSheet; `headerRows` is 1, or 2 with a title row.
 */
export function addCellImages(book: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, images: { row: number; col: number; jpeg: Buffer; widthPx: number; heightPx: number }[], headerRows = 1): void {
  for (const img of images) {
    const id = book.addImage({ buffer: img.jpeg as unknown as ExcelJS.Buffer, extension: 'jpeg' });
    const excelRow = headerRows + img.row; // 1-based row number of the data row
    const row = sheet.getRow(excelRow);
    row.height = Math.max(row.height ?? 15, img.heightPx * 0.75 + 6);
    sheet.addImage(id, { tl: { col: img.col + 0.05, row: excelRow - 1 + 0.05 }, ext: { width: img.widthPx, height: img.heightPx }, editAs: 'oneCell' });
  }
}

export async function workbookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
