/* The one .docx builder (DESIGN "Mechanisms built once: Documents"). Every report of the product —
 * bureau reports, plans, reviews, self-assessment reports — describes its content as blocks and
 * lets this module do the page: A4 portrait, Chinese fonts (宋体 body, 黑体 headings), a header with
 * the enterprise and the document number, page numbers in the footer.
 *
 *   const buffer = await buildDocx({ title: '重大事故隐患报告', enterpriseName, documentNumber,
 *     blocks: [docHeading('一、…'), docParagraph('…'), docField('隐患部位', '…'),
 *              docTable({ columns: ['序号', '内容'], rows: [['1', '…']] })] });
 */
import type * as Docx from 'docx';

/** A4 in twentieths of a point (GB/T 148: 210 × 297 mm). */
export const a4 = { width: 11906, height: 16838 } as const;
const margin = 1134; // 20 mm
const bodyFont = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const headingFont = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };

export type DocBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string; bold?: boolean; align?: 'left' | 'center' | 'right' }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; columns: string[]; rows: (string | number | null | undefined)[][]; widths?: number[] }
  | { kind: 'image'; data: Buffer; width: number; height: number; type: 'png' | 'jpg' }
  | { kind: 'pageBreak' };

export const docHeading = (text: string, level: 1 | 2 | 3 = 1): DocBlock => ({ kind: 'heading', text, level });
export const docParagraph = (text: string, options: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}): DocBlock => ({
  kind: 'paragraph',
  text,
  ...options,
});
/** "标签：内容" — the label bold, as the county bureau's forms print it. */
export const docField = (label: string, value: string | number | null | undefined): DocBlock => ({ kind: 'field', label, value: value == null || value === '' ? '—' : String(value) });
export const docBullets = (items: string[]): DocBlock => ({ kind: 'bullets', items });
export const docTable = (table: { columns: string[]; rows: (string | number | null | undefined)[][]; widths?: number[] }): DocBlock => ({ kind: 'table', ...table });
export const docPageBreak = (): DocBlock => ({ kind: 'pageBreak' });

export interface DocxSpec {
  title: string;
  /** Printed in the page header, left. */
  enterpriseName?: string;
  /** Printed in the page header, right (e.g. the controlled document number). */
  documentNumber?: string;
  /** One line under the title (e.g. "报告单位：… 报告日期：…"). */
  subtitle?: string;
  blocks: DocBlock[];
}

type DocxLib = typeof Docx;
let loaded: Promise<DocxLib> | null = null;
/** docx is loaded with the first document, not at every start (it costs the idle server ~10 MB). */
const loadDocx = (): Promise<DocxLib> => (loaded ??= import('docx'));

function cellText(value: string | number | null | undefined): string {
  return value == null ? '' : String(value);
}

function toTable(d: DocxLib, block: Extract<DocBlock, { kind: 'table' }>): Docx.Table {
  const { Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle } = d;
  const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cellBorders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };
  const usable = a4.width - 2 * margin;
  const weights = block.widths ?? block.columns.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = weights.map((w) => Math.floor((usable * w) / total));
  const row = (cells: (string | number | null | undefined)[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: block.columns.map(
        (_c, i) =>
          new TableCell({
            borders: cellBorders,
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            children: cellText(cells[i])
              .split('\n')
              .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: isHeader, font: isHeader ? headingFont : bodyFont })] })),
          }),
      ),
    });
  return new Table({
    width: { size: usable, type: WidthType.DXA },
    columnWidths: widths,
    rows: [row(block.columns, true), ...block.rows.map((r) => row(r, false))],
  });
}

function toChildren(d: DocxLib, block: DocBlock): (Docx.Paragraph | Docx.Table)[] {
  const { AlignmentType, HeadingLevel, ImageRun, PageBreak, Paragraph, TextRun } = d;
  const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: headingLevels[block.level],
          spacing: { before: 240, after: 120 },
          children: [new TextRun({ text: block.text, bold: true, font: headingFont, color: '000000' })],
        }),
      ];
    case 'paragraph':
      return block.text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: block.align ? alignments[block.align] : undefined,
            spacing: { after: 80 },
            children: [new TextRun({ text: line, bold: block.bold, font: bodyFont })],
          }),
      );
    case 'field':
      return [
        new Paragraph({
          spacing: { after: 80 },
          children: [new TextRun({ text: `${block.label}：`, bold: true, font: bodyFont }), new TextRun({ text: block.value, font: bodyFont })],
        }),
      ];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: item, font: bodyFont })] }));
    case 'table':
      return [toTable(d, block), new Paragraph({ text: '' })];
    case 'image':
      return [new Paragraph({ children: [new ImageRun({ type: block.type, data: block.data, transformation: { width: block.width, height: block.height } })] })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function buildDocxDocument(d: DocxLib, spec: DocxSpec): Docx.Document {
  const { AlignmentType, Document, Footer, Header, HeadingLevel, PageNumber, Paragraph, TextRun } = d;
  const headerText = [spec.enterpriseName, spec.documentNumber].filter(Boolean).join('    ');
  return new Document({
    creator: 'Shuangkong',
    title: spec.title,
    styles: { default: { document: { run: { font: bodyFont, size: 24 } } } },
    sections: [
      {
        properties: { page: { size: { width: a4.width, height: a4.height }, margin: { top: margin, bottom: margin, left: margin, right: margin } } },
        headers: headerText
          ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: headerText, size: 18, font: bodyFont })] })] }) }
          : undefined,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: 18, font: bodyFont })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: spec.title, bold: true, size: 36, font: headingFont, color: '000000' })],
          }),
          ...(spec.subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: spec.subtitle, font: bodyFont })] })] : []),
          ...spec.blocks.flatMap((block) => toChildren(d, block)),
        ],
      },
    ],
  });
}

export async function buildDocx(spec: DocxSpec): Promise<Buffer> {
  const d = await loadDocx();
  return d.Packer.toBuffer(buildDocxDocument(d, spec));
}

export const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
