/* "One post, one list" (seed 001 Art. 20) as .xlsx, in the two templates of 附件1 and 附件2:
 * one row per control measure, post and risk cells merged down, levels filled in their colour. */
import { newWorkbook, workbookBuffer, type XlsxWorkbook, type XlsxWorksheet } from '../../platform/exports/xlsx-builder.js';
import type { Executor } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import { findAccidentType } from '../../../reference/accident-types.js';
import type { PostDto } from '../../../schemas/org.js';
import { byHierarchy, phaseLabel } from './risk-read.service.js';
import * as repo from './risks.repository.js';
import { levelBasisOfRisks } from './risk-facts.service.js';

type Column = { zh: string; en: string; width: number; scope: 'post' | 'risk' | 'duty' | 'measure' };

// 附件1《操作岗位风险管控与隐患排查清单》: the column names exactly as the seed prints them, in its order.
export const operationColumns: readonly Column[] = [
  { zh: '岗位名称', en: 'Post name', width: 12, scope: 'post' },
  { zh: '岗位人数', en: 'Headcount', width: 7, scope: 'post' },
  { zh: '主要设备设施', en: 'Main equipment and facilities', width: 16, scope: 'post' },
  { zh: '主要作业活动', en: 'Main work activities', width: 16, scope: 'post' },
  { zh: '可能导致的事故类型', en: 'Possible accident types', width: 14, scope: 'risk' },
  { zh: '可能导致事故的原因', en: 'Possible causes of accidents', width: 24, scope: 'risk' },
  { zh: '风险等级', en: 'Risk level', width: 8, scope: 'risk' },
  { zh: '管控措施', en: 'Control measures', width: 32, scope: 'measure' },
  { zh: '排查内容', en: 'Inspection content', width: 26, scope: 'measure' },
  { zh: '责任人', en: 'Responsible person', width: 10, scope: 'measure' },
  { zh: '排查周期', en: 'Inspection period', width: 9, scope: 'measure' },
];

// 附件2《管理岗位风险管控与隐患排查清单》.
export const managementColumns: readonly Column[] = [
  { zh: '岗位名称', en: 'Post name', width: 12, scope: 'post' },
  { zh: '风险等级', en: 'Risk level', width: 8, scope: 'risk' },
  { zh: '职责分工', en: 'Duties', width: 24, scope: 'duty' },
  { zh: '管控措施', en: 'Control measures', width: 36, scope: 'measure' },
  { zh: '排查内容', en: 'Inspection content', width: 30, scope: 'measure' },
  { zh: '责任人', en: 'Responsible person', width: 10, scope: 'measure' },
  { zh: '排查周期', en: 'Inspection period', width: 9, scope: 'measure' },
];

const titles = {
  operation: { zh: '操作岗位风险管控与隐患排查清单', en: 'Operation post risk control and hazard inspection list', sheet: '操作岗位' },
  management: { zh: '管理岗位风险管控与隐患排查清单', en: 'Management post risk control and hazard inspection list', sheet: '管理岗位' },
} as const;

const levelCells: Record<string, { text: string; fill: string; font: string }> = {
  major: { text: '重大', fill: 'FFFF0000', font: 'FFFFFFFF' },
  significant: { text: '较大', fill: 'FFFF9900', font: 'FF000000' },
  general: { text: '一般', fill: 'FFFFFF00', font: 'FF000000' },
  low: { text: '低', fill: 'FF0070C0', font: 'FFFFFFFF' },
};
const periodLabels: Record<string, string> = { shift: '每班', day: '每天', week: '每周', month: '每月', quarter: '每季度', year: '每年' };

type Row = Record<string, string | number>;
interface Block {
  post: PostDto;
  risks: { level: string | null; rows: Row[] }[];
}

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

async function loadBlocks(db: Executor, enterpriseId: string, posts: PostDto[]): Promise<Block[]> {
  const postIds = new Set(posts.map((p) => p.id));
  const risks = (await repo.listRiskRows(db, enterpriseId, { status: 'accepted', includeArchived: false, limit: 1_000_000 })).filter((r) =>
    postIds.has(r.post_id),
  );
  const measures: Awaited<ReturnType<typeof repo.listMeasuresOfRisks>> = [];
  const items: repo.ItemRow[] = [];
  for (let i = 0; i < risks.length; i += 500) {
    const chunk = await repo.listMeasuresOfRisks(db, enterpriseId, risks.slice(i, i + 500).map((r) => r.id), false);
    measures.push(...chunk);
  }
  for (let i = 0; i < measures.length; i += 500) {
    items.push(...(await repo.listItemsOfMeasures(db, enterpriseId, measures.slice(i, i + 500).map((m) => m.id))));
  }
  const names = await repo.personNames(db, enterpriseId, risks.flatMap((r) => (r.responsible_person_id ? [r.responsible_person_id] : [])));
  const holders = await repo.holderNamesOfPosts(db, enterpriseId, posts.map((p) => p.id));
  // Issue 9 §3: the 责任人 column is never empty — a named person, the post's holders by name, or the gap said.
  const responsibleOf = (item: repo.ItemRow | undefined, r: { post_id: string; responsible_person_id: string | null }): string => {
    if (item?.responsible_name) return item.responsible_name;
    if (item && item.responsible_is_holders) return `岗位当班人员（${(holders.get(r.post_id) ?? []).join('、') || '未配置人员'}）`;
    if (r.responsible_person_id && names.get(r.responsible_person_id)) return names.get(r.responsible_person_id) as string;
    return '（未指定责任人）';
  };
  // Issue 9 §1: a level set by a seed 001 第七条 rule says so under the level.
  const basis = await levelBasisOfRisks(db, enterpriseId, risks.map((r) => r.id), 'zh-CN');
  const order = ['major', 'significant', 'general', 'low'];
  return posts.map((post) => ({
    post,
    risks: risks
      .filter((r) => r.post_id === post.id)
      .sort((a, b) => order.indexOf(a.level ?? '') - order.indexOf(b.level ?? ''))
      .map((r) => {
        const accidentTypes = (JSON.parse(r.accident_type_codes) as string[]).map((c) => findAccidentType(c)?.label['zh-CN'] ?? c).join('、');
        const riskCells = { accidentTypes, causes: r.causes, level: r.level ?? '', levelBasis: basis.get(r.id)?.clauses.join('、') ?? '' };
        const own = measures
          .filter((m) => m.risk_id === r.id)
          .map((m) => ({ ...m, position: Number(m.position) }))
          .sort((a, b) => (post.kind === 'operation' ? phaseRank(a.phase) - phaseRank(b.phase) : 0) || byHierarchy(a, b));
        const rows: Row[] = own.map((m) => {
          const item = items.find((i) => i.measure_id === m.id);
          return {
            ...riskCells,
            duty: m.duty_item ?? r.object_name,
            measure: post.kind === 'operation' && m.phase ? `${phaseLabel(m.phase, 'zh-CN')}：${m.text}` : m.text,
            content: item?.content ?? '',
            responsible: responsibleOf(item, r),
            period: item ? (periodLabels[item.period] ?? item.period) : '',
          };
        });
        return { level: r.level, rows: rows.length ? rows : [{ ...riskCells, duty: r.object_name, measure: '', content: '', responsible: '', period: '' }] };
      }),
  }));
}

function phaseRank(phase: string | null): number {
  const i = ['before', 'during', 'after'].indexOf(phase ?? '');
  return i < 0 ? 3 : i;
}

const keyOf: Record<string, string> = {
  可能导致的事故类型: 'accidentTypes',
  可能导致事故的原因: 'causes',
  风险等级: 'level',
  职责分工: 'duty',
  管控措施: 'measure',
  排查内容: 'content',
  责任人: 'responsible',
  排查周期: 'period',
};

function postCell(post: PostDto, zh: string): string | number {
  if (zh === '岗位名称') return post.name;
  if (zh === '岗位人数') return post.headcount;
  if (zh === '主要设备设施') return post.mainEquipment;
  return post.mainActivities;
}

function addSheet(book: XlsxWorkbook, kind: 'operation' | 'management', blocks: Block[], locale: Locale): void {
  const columns = kind === 'operation' ? operationColumns : managementColumns;
  const title = titles[kind];
  const ws = book.addWorksheet(title.sheet, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.pageSetup.printTitlesRow = '1:2';
  ws.pageSetup.margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
  ws.headerFooter.oddFooter = '第 &P 页，共 &N 页';
  ws.columns = columns.map((c) => ({ width: c.width }));
  const wrap = { wrapText: true, vertical: 'middle' as const, horizontal: 'center' as const };

  ws.mergeCells(1, 1, 1, columns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = locale === 'en-US' ? `${title.zh}\n${title.en}` : title.zh;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = wrap;
  ws.getRow(1).height = locale === 'en-US' ? 44 : 30;

  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = locale === 'en-US' ? `${c.zh}\n${c.en}` : c.zh;
    cell.font = { bold: true };
    cell.alignment = wrap;
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  header.height = locale === 'en-US' ? 48 : 30;

  let rowNo = 3;
  for (const block of blocks) {
    const postStart = rowNo;
    const risks = block.risks.length ? block.risks : [{ level: null, rows: [{} as Row] }];
    for (const risk of risks) {
      const riskStart = rowNo;
      for (const data of risk.rows) {
        const row = ws.getRow(rowNo);
        columns.forEach((c, i) => {
          const cell = row.getCell(i + 1);
          const key = keyOf[c.zh];
          cell.value = c.scope === 'post' ? postCell(block.post, c.zh) : key ? (data[key] ?? '') : '';
          if (key === 'level' && typeof cell.value === 'string' && levelCells[cell.value]) {
            const l = levelCells[cell.value] as (typeof levelCells)[string];
            cell.value = data.levelBasis ? `${l.text}\n（${data.levelBasis}）` : l.text;
            cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: l.fill } };
            cell.font = { bold: true, color: { argb: l.font } };
          }
          cell.alignment = { wrapText: true, vertical: 'middle', horizontal: c.scope === 'measure' && c.width > 20 ? 'left' : 'center' };
          cell.border = border;
        });
        rowNo++;
      }
      mergeDown(ws, columns, 'risk', riskStart, rowNo - 1);
      if (kind === 'management') mergeEqualRuns(ws, columns.findIndex((c) => c.scope === 'duty') + 1, riskStart, rowNo - 1);
    }
    mergeDown(ws, columns, 'post', postStart, rowNo - 1);
  }
}

function mergeDown(ws: XlsxWorksheet, columns: readonly Column[], scope: Column['scope'], from: number, to: number): void {
  if (to <= from) return;
  columns.forEach((c, i) => {
    if (c.scope === scope) ws.mergeCells(from, i + 1, to, i + 1);
  });
}

/** Management posts: consecutive measures of one duty item share one 职责分工 cell (Art. 9). */
function mergeEqualRuns(ws: XlsxWorksheet, col: number, from: number, to: number): void {
  let start = from;
  for (let r = from + 1; r <= to + 1; r++) {
    if (r > to || ws.getCell(r, col).value !== ws.getCell(start, col).value) {
      if (r - 1 > start) ws.mergeCells(start, col, r - 1, col);
      start = r;
    }
  }
}

export async function buildRiskListWorkbook(
  db: Executor,
  enterpriseId: string,
  posts: PostDto[],
  locale: Locale,
  sheets: readonly ('operation' | 'management')[],
): Promise<Buffer> {
  const blocks = await loadBlocks(db, enterpriseId, posts);
  const book = newWorkbook();
  for (const kind of sheets) addSheet(book, kind, blocks.filter((b) => b.post.kind === kind), locale);
  return workbookBuffer(book);
}

/** RFC 6266 / 5987: an ASCII fallback and the Chinese name. */
export function attachmentHeader(fileName: string): string {
  return `attachment; filename="risk-list.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
