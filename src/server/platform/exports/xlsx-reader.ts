/* Reading an uploaded .xlsx (people import, score sheets): the one place that opens a workbook from
 * bytes and turns a cell into the text a person typed. Writing goes through xlsx-builder.ts. */
import type ExcelJS from 'exceljs';
import { excel } from './exceljs-lazy.js';
import type { XlsxWorkbook } from './xlsx-builder.js';

export type { XlsxWorkbook, XlsxWorksheet } from './xlsx-builder.js';
export type XlsxCellValue = ExcelJS.CellValue;

/** The workbook in `file`; rejects when the bytes are not an .xlsx (the caller answers 400). */
export async function readWorkbook(file: Buffer): Promise<XlsxWorkbook> {
  const book = new (excel().Workbook)();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  return book;
}

/** A cell as text: rich text joined, a hyperlink's text, a formula's result, a date as YYYY-MM-DD; trimmed. */
export function cellText(value: XlsxCellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as XlsxCellValue);
    return '';
  }
  return String(value).trim();
}
