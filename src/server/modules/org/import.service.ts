/* Import posts and people from the .xlsx template the UI offers. All-or-nothing: every row is
 * checked first; bad cells are reported by sheet, row and column, and nothing is written until the
 * file is clean. */
import { cellText as text, readWorkbook, type XlsxWorkbook } from '../../platform/exports/xlsx-reader.js';
import { newWorkbook } from '../../platform/exports/xlsx-builder.js';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import { type ImportIssue, personInputSchema, postInputSchema } from '../../../schemas/org.js';
import { AppError } from '../../platform/http/app-error.js';
import { toFieldIssues } from '../../platform/http/validation.js';
import { listActiveOrgUnitNames } from './org-units.repository.js';
import type { OrgServices } from './org.routes.js';
import { listActivePostNames } from './posts.repository.js';

export const postSheet = { name: '岗位 Posts', columns: ['岗位名称*', '岗位类型*', '所属部门/车间/班组', '岗位人数', '主要设备设施', '主要作业活动', '岗位职责'] };
export const peopleSheet = { name: '人员 People', columns: ['姓名*', '手机号', '所属部门/车间/班组', '岗位（多个用、分隔）', '入职日期', '是否相关方'] };
const postKindByLabel: Record<string, 'operation' | 'management'> = { 操作岗位: 'operation', 管理岗位: 'management', operation: 'operation', management: 'management' };
const yes = new Set(['是', 'Y', 'YES', 'TRUE', '1']);
const no = new Set(['', '否', 'N', 'NO', 'FALSE', '0']);

export async function buildImportTemplate(): Promise<Buffer> {
  const book = newWorkbook();
  const posts = book.addWorksheet(postSheet.name);
  posts.addRow(postSheet.columns);
  // Example rows: replace them with your own (names already in the system are reported, not duplicated).
  posts.addRow(['激光切割工（示例）', '操作岗位', '', 2, '光纤激光切割机', '上下料、切割、设备点检', '']);
  posts.addRow(['环保专员（示例）', '管理岗位', '', 1, '', '', '危险废物台账；环保设施巡查']);
  const people = book.addWorksheet(peopleSheet.name);
  people.addRow(peopleSheet.columns);
  people.addRow(['张三（示例）', '13800000001', '', '激光切割工（示例）', '2024-03-01', '否']);
  for (const sheet of [posts, people]) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c) => (c.width = 22));
  }
  posts.getColumn(2).eachCell((cell, row) => {
    if (row > 1) cell.dataValidation = { type: 'list', allowBlank: false, formulae: ['"操作岗位,管理岗位"'] };
  });
  for (let row = 2; row <= 500; row++) {
    posts.getCell(row, 2).dataValidation = { type: 'list', allowBlank: false, formulae: ['"操作岗位,管理岗位"'] };
    people.getCell(row, 6).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function columnLetter(index: number): string {
  return String.fromCharCode(64 + index);
}

const msg = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);

export async function importPostsAndPeople(
  deps: AppDeps,
  org: OrgServices,
  actor: { userId: string; enterpriseId: string },
  file: Buffer,
  locale: Locale,
): Promise<{ posts: number; people: number }> {
  let book: XlsxWorkbook;
  try {
    book = await readWorkbook(file);
  } catch {
    throw new AppError('BAD_REQUEST', { detail: msg(locale, '不是有效的 .xlsx 文件', 'not a valid .xlsx file') });
  }
  const issues: ImportIssue[] = [];
  const postsSheet = book.getWorksheet(postSheet.name) ?? book.worksheets[0];
  const peopleWs = book.getWorksheet(peopleSheet.name) ?? book.worksheets[1];
  if (!postsSheet) throw new AppError('BAD_REQUEST', { detail: msg(locale, '文件中没有工作表', 'the file has no sheets') });

  const units = new Map((await listActiveOrgUnitNames(deps.db, actor.enterpriseId)).map((u) => [u.name, u.id]));
  const existingPosts = new Map((await listActivePostNames(deps.db, actor.enterpriseId)).map((p) => [p.name, p.id]));
  const issue = (sheet: string, row: number, col: number, message: string) =>
    issues.push({ sheet, row, column: `${columnLetter(col)} ${sheet === postSheet.name ? postSheet.columns[col - 1] : peopleSheet.columns[col - 1]}`, message });
  const unitOf = (sheet: string, row: number, col: number, name: string): string | null => {
    if (!name) return null;
    const id = units.get(name);
    if (!id) issue(sheet, row, col, msg(locale, `组织单位“${name}”不存在，请先在组织架构中创建`, `Org unit "${name}" does not exist; create it first`));
    return id ?? null;
  };

  const newPosts: { row: number; input: ReturnType<typeof postInputSchema.parse> }[] = [];
  const newPostNames = new Set<string>();
  postsSheet.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = postSheet.columns.map((_, i) => text(r.getCell(i + 1).value));
    if (cells.every((c) => c === '')) return;
    const [name = '', kindLabel = '', unitName = '', headcount = '', equipment = '', activities = '', duties = ''] = cells;
    const kind = postKindByLabel[kindLabel];
    if (!kind) issue(postSheet.name, rowNumber, 2, msg(locale, '应为“操作岗位”或“管理岗位”', 'must be 操作岗位 (operation) or 管理岗位 (management)'));
    if (name && (existingPosts.has(name) || newPostNames.has(name))) issue(postSheet.name, rowNumber, 1, msg(locale, `岗位“${name}”已存在`, `Post "${name}" already exists`));
    const orgUnitId = unitOf(postSheet.name, rowNumber, 3, unitName);
    const count = headcount === '' ? 1 : Number(headcount);
    const parsed = postInputSchema.safeParse({
      name,
      kind: kind ?? 'operation',
      orgUnitId,
      headcount: count,
      mainEquipment: equipment,
      mainActivities: activities,
      duties,
    });
    if (!parsed.success) {
      const colOf: Record<string, number> = { name: 1, headcount: 4, mainEquipment: 5, mainActivities: 6, duties: 7 };
      for (const fi of toFieldIssues(parsed.error.issues)) issue(postSheet.name, rowNumber, colOf[fi.path] ?? 1, String(fi.message));
    } else {
      newPosts.push({ row: rowNumber, input: parsed.data });
      newPostNames.add(name);
    }
  });

  const newPeople: { postNames: string[]; input: ReturnType<typeof personInputSchema.parse> }[] = [];
  peopleWs?.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = peopleSheet.columns.map((_, i) => text(r.getCell(i + 1).value));
    if (cells.every((c) => c === '')) return;
    const [name = '', phone = '', unitName = '', postsText = '', hireDate = '', contractor = ''] = cells;
    const orgUnitId = unitOf(peopleSheet.name, rowNumber, 3, unitName);
    const postNames = postsText.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);
    for (const p of postNames) {
      if (!existingPosts.has(p) && !newPostNames.has(p)) issue(peopleSheet.name, rowNumber, 4, msg(locale, `岗位“${p}”不存在`, `Post "${p}" does not exist`));
    }
    const flag = contractor.toUpperCase();
    if (!yes.has(flag) && !no.has(flag)) issue(peopleSheet.name, rowNumber, 6, msg(locale, '应为“是”或“否”', 'must be 是 (yes) or 否 (no)'));
    const parsed = personInputSchema.safeParse({
      name,
      phone: phone || null,
      orgUnitId,
      postIds: [],
      hireDate: hireDate || null,
      isContractor: yes.has(flag),
    });
    if (!parsed.success) {
      const colOf: Record<string, number> = { name: 1, phone: 2, hireDate: 5 };
      for (const fi of toFieldIssues(parsed.error.issues)) {
        const hint = fi.path === 'phone' ? msg(locale, '应为 11 位手机号', 'must be an 11-digit mobile number') : fi.path === 'hireDate' ? msg(locale, '应为 YYYY-MM-DD 日期', 'must be a YYYY-MM-DD date') : String(fi.message);
        issue(peopleSheet.name, rowNumber, colOf[fi.path] ?? 1, hint);
      }
    } else newPeople.push({ postNames, input: parsed.data });
  });

  if (issues.length > 0) throw new AppError('IMPORT_INVALID', { count: issues.length }, [], { issues });
  if (newPosts.length === 0 && newPeople.length === 0) {
    throw new AppError('BAD_REQUEST', { detail: msg(locale, '文件中没有数据行', 'the file has no data rows') });
  }

  return withTransaction(deps.db, async (trx) => {
    const postIds = new Map(existingPosts);
    for (const p of newPosts) {
      const created = await org.posts.create(actor, p.input, trx);
      postIds.set(created.name, created.id);
    }
    for (const person of newPeople) {
      const ids = person.postNames.map((n) => postIds.get(n)).filter((id): id is string => Boolean(id));
      await org.people.create(actor, { ...person.input, postIds: ids }, trx);
    }
    return { posts: newPosts.length, people: newPeople.length };
  });
}
