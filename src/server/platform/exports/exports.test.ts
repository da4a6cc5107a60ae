import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { a4, buildDocx, docField, docHeading, docParagraph, docTable } from './docx-builder.js';
import { addTableSheet, newWorkbook, workbookBuffer } from './xlsx-builder.js';

async function docxParts(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const files = Object.keys(zip.files);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const headerName = files.find((f) => /^word\/header\d*\.xml$/.test(f));
  return { document: await read('word/document.xml'), header: headerName ? await read(headerName) : '', files };
}

describe('buildDocx', () => {
  it('lays the report out on A4 with the enterprise and document number in the header', async () => {
    const buffer = await buildDocx({
      title: '应急预案',
      enterpriseName: '鲁安精密机械加工有限公司',
      documentNumber: 'LA-YA-001',
      blocks: [docHeading('一、总则'), docParagraph('第一行\n第二行'), docField('编制人', '张三'), docField('审批人', null)],
    });
    const { document, header } = await docxParts(buffer);
    expect(document).toContain(`w:w="${a4.width}"`);
    expect(document).toContain(`w:h="${a4.height}"`);
    for (const text of ['应急预案', '一、总则', '第一行', '第二行', '编制人：', '张三', '审批人：', '—']) expect(document, text).toContain(text);
    expect(header).toContain('鲁安精密机械加工有限公司');
    expect(header).toContain('LA-YA-001');
    expect(document).toContain('宋体');
  });

  it('prints a table with its header row repeated on every page', async () => {
    const buffer = await buildDocx({ title: '台账', blocks: [docTable({ columns: ['序号', '物资'], rows: [[1, '灭火器'], [2, null]] })] });
    const { document } = await docxParts(buffer);
    expect(document).toContain('<w:tblHeader/>');
    expect(document.indexOf('序号')).toBeLessThan(document.indexOf('灭火器'));
  });
});

describe('addTableSheet', () => {
  it('writes a text that looks like a formula as text, never as a formula', async () => {
    const book = newWorkbook();
    addTableSheet(book, {
      name: '登记表',
      title: '应急物资登记表',
      columns: [{ header: '名称', width: 20 }, { header: '数量' }],
      rows: [
        ['=HYPERLINK("http://evil","x")', 3],
        ['+1', -2],
        ['@SUM(A1)', null],
      ],
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await workbookBuffer(book)) as unknown as ArrayBuffer);
    const sheet = back.getWorksheet('登记表');
    expect(sheet?.getCell('A1').value).toBe('应急物资登记表');
    expect((sheet?.getRow(2).values as unknown[]).slice(1)).toEqual(['名称', '数量']);
    expect(sheet?.getCell('A3').value).toBe('=HYPERLINK("http://evil","x")');
    expect(sheet?.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell('A4').type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell('B4').value).toBe(-2);
    expect(sheet?.getCell('A5').type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet?.getColumn(1).width).toBe(20);
  });

  it('freezes the header row when there is no title', async () => {
    const book = newWorkbook();
    addTableSheet(book, { name: 'x', columns: [{ header: '姓名' }], rows: [['张三']] });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await workbookBuffer(book)) as unknown as ArrayBuffer);
    const sheet = back.getWorksheet('x');
    expect(sheet?.getRow(1).getCell(1).value).toBe('姓名');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
