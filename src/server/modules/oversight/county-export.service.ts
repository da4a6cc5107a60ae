/* The county list as .xlsx (issue 17 item 3): the same rows and filters as the page, from the one builder. */
import type { AppDeps } from '../../app-deps.js';
import type { Locale } from '../../../i18n/locale.js';
import type { CountyListQuery } from '../../../schemas/oversight-county.js';
import { addTableSheet, newWorkbook, workbookBuffer } from '../../platform/exports/xlsx-builder.js';
import { listAllInScope, toCountyDto } from './county.service.js';

const industry: Record<string, [string, string]> = {
  metallurgy: ['冶金', 'Metallurgy'],
  nonferrous: ['有色', 'Non-ferrous metals'],
  building_materials: ['建材', 'Building materials'],
  machinery: ['机械', 'Machinery'],
  light_industry: ['轻工', 'Light industry'],
  textile: ['纺织', 'Textile'],
  tobacco: ['烟草', 'Tobacco'],
  commerce: ['商贸', 'Commerce and trade'],
};
const size: Record<string, [string, string]> = { small: ['小型', 'Small'], micro: ['微型', 'Micro'], other: ['其他', 'Other'] };

const headers: [string, string, number][] = [
  ['企业名称', 'Enterprise', 30],
  ['乡镇（街道）', 'Town', 14],
  ['行业', 'Industry', 10],
  ['规模', 'Size', 8],
  ['示范企业', 'Demonstration', 8],
  ['重大风险岗位', 'Major-risk posts', 10],
  ['较大风险岗位', 'Significant-risk posts', 10],
  ['未闭环隐患', 'Open hazards', 10],
  ['超期隐患', 'Overdue hazards', 10],
  ['重大事故隐患', 'Open major hazards', 10],
  ['停产停业', 'Stop-work in force', 8],
  ['排查完成率%', 'Inspection completion %', 10],
  ['培训合格率%', 'Training compliance %', 10],
  ['自评得分', 'Self-assessment score', 10],
  ['监管等级', 'Supervision grade', 8],
  ['最近活动', 'Last activity', 18],
];

/** Said in the sheet's title and under its last row when the export stopped at the cap. */
export function truncationNote(cap: number, locale: Locale): string {
  const n = cap.toLocaleString('en-US');
  return locale === 'en-US'
    ? `Only the first ${n} enterprises in this sort are exported; more match. Narrow the list by town, industry, size or supervision grade and export each part.`
    : `只导出了按当前排序的前 ${n} 家企业，还有更多企业符合条件。请按乡镇（街道）、行业、规模或监管等级筛选后分批导出。`;
}

export async function buildCountyWorkbook(deps: AppDeps, userId: string, query: Partial<CountyListQuery>, locale: Locale): Promise<{ buffer: Buffer; fileName: string; truncatedAt: number | null }> {
  const { rows, truncatedAt } = await listAllInScope(deps, userId, query);
  const en = locale === 'en-US' ? 1 : 0;
  const book = newWorkbook();
  const title = en ? 'Enterprises of the jurisdiction' : '辖区企业一览';
  const sheet = addTableSheet(book, {
    name: en ? 'Enterprises' : '辖区企业',
    title: truncatedAt === null ? title : `${title}${en ? ' (first ' : '（前 '}${truncatedAt.toLocaleString('en-US')}${en ? ')' : ' 家）'}`,
    columns: headers.map(([zh, e, width]) => ({ header: en ? e : zh, width })),
    rows: rows.map((r) => {
      const d = toCountyDto(r);
      return [
        d.name,
        d.townName ?? '',
        industry[d.industry]?.[en] ?? d.industry,
        size[d.sizeClass]?.[en] ?? d.sizeClass,
        d.isDemonstration ? (en ? 'yes' : '是') : '',
        d.postsMajor,
        d.postsSignificant,
        d.openHazards,
        d.overdueHazards,
        d.openMajorHazards,
        d.stopWorkInForce,
        d.inspectionCompletion,
        d.trainingCompliance,
        d.selfAssessmentScore,
        d.supervisionGrade ?? '',
        d.lastActivityAt ? d.lastActivityAt.slice(0, 16).replace('T', ' ') : '',
      ];
    }),
  });
  if (truncatedAt !== null) {
    const note = sheet.addRow([truncationNote(truncatedAt, locale)]);
    note.font = { bold: true, color: { argb: 'FFC00000' } };
    sheet.mergeCells(note.number, 1, note.number, headers.length);
  }
  return { buffer: await workbookBuffer(book), fileName: en ? 'county-enterprises.xlsx' : '辖区企业一览.xlsx', truncatedAt };
}
