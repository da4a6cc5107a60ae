import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

let loaded: typeof ExcelJS | null = null;

/** exceljs is large (about a second to load on a busy machine): loaded with the first workbook, not at every start. */
export function excel(): typeof ExcelJS {
  return (loaded ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJS);
}
