/* The outputs of a self-assessment (seed 002 phase 5): 自评资料 — 评分汇总表, 扣分说明表, 打分表 (.xlsx);
 * 不符合项报告; the 自评报告 with its nine sections, each pre-filled from the records; 申报资料清单.
 * Every file goes through the one .docx / .xlsx builder (platform/exports). */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { AppDeps } from '../../app-deps.js';
import type { ScoringResult } from '../../../domain/standardization/scoring.js';
import { gradeLabels } from '../../../reference/standardization/grade-profiles.js';
import type { ScoreSheet, ScoreSheetItem } from '../../../reference/standardization/score-sheet.js';
import { buildDocx, type DocBlock, docField, docHeading, docParagraph, docTable } from '../../platform/exports/docx-builder.js';
import { addTableSheet, newWorkbook, workbookBuffer, type XlsxValue } from '../../platform/exports/xlsx-builder.js';
import { getEnterprise } from '../enterprise/enterprise.service.js';
import { hazardIndicators } from '../hazards/hazard-reports.service.js';
import { createOrgServices } from '../org/org.routes.js';
import { orgIndicators } from '../org/posts.service.js';
import { riskIndicators } from '../risks/risk-read.service.js';
import { fromDbBool, fromDbJson } from '../../db/codecs.js';
import type { Proposal } from '../../../domain/standardization/proposals.js';
import { currentResult, getAssessmentRow, proposalsOf, sheetOf } from './self-assessment.service.js';
import { listAssessors, getReportProfile } from './standardization-setup.service.js';
import * as repo from './standardization.repository.js';

/** The nine sections of seed 002 phase 5 (三) 3, in its words. */
export const reportSections = [
  '一、企业简介',
  '二、安全管理机构及人员设置情况',
  '三、安全生产责任制和安全生产管理制度建立情况',
  '四、安全生产教育培训情况',
  '五、风险管理情况',
  '六、应急管理情况',
  '七、职业卫生管理情况',
  '八、安全生产绩效（近三年事故情况）',
  '九、自评结论及申请考评等级',
] as const;

const industryZh: Record<string, string> = {
  metallurgy: '冶金',
  nonferrous: '有色',
  building_materials: '建材',
  machinery: '机械',
  light_industry: '轻工',
  textile: '纺织',
  tobacco: '烟草',
  commerce: '商贸',
};
const sizeZh: Record<string, string> = { small: '小型', micro: '微型', neither: '其他' };
const teamRoleZh: Record<string, string> = { leader: '组长（主要负责人）', dept_head: '部门负责人', safety_office: '安全管理部门', union: '工会', worker_rep: '从业人员代表', assessor: '内审员' };
const pending = (what: string) => `（待补充：${what}）`;

async function loadAll(deps: AppDeps, enterpriseId: string, id: string) {
  const row = await getAssessmentRow(deps, enterpriseId, id);
  const sheet = sheetOf(row);
  const { result, decided } = await currentResult(deps, row);
  const enterprise = await getEnterprise(deps, enterpriseId);
  const proposals = proposalsOf(row);
  return { row, sheet, result, decided, enterprise, proposals };
}
type Loaded = Awaited<ReturnType<typeof loadAll>>;

const deductionOf = (l: Loaded, code: string) => (l.decided.get(code)?.deduction_cents ?? 0) / 100;
const isNa = (l: Loaded, code: string) => fromDbBool(l.decided.get(code)?.is_not_applicable ?? 0);
const noteOf = (l: Loaded, code: string, proposal: Proposal | undefined) => {
  const d = l.decided.get(code);
  const parts = [d?.note, d && !fromDbBool(d.is_override) ? proposal?.reason['zh-CN'] : null].filter((s): s is string => Boolean(s && s.trim()));
  return parts.join('；');
};
const scoreText = (r: ScoringResult) => (r.score1000 === null ? '—' : `${r.score1000} 分（千分制）/ ${r.score100} 分（百分制）`);
const gradeText = (r: ScoringResult) => (r.grade ? gradeLabels[r.grade]['zh-CN'] : '未达到等级');
const fileName = (l: Loaded, what: string, ext: string) => `${l.enterprise.name}-${l.row.title}-${what}.${ext}`;

/** 自评资料: 评分汇总表, 扣分说明表 and 打分表 in one workbook. */
export async function buildScoringWorkbook(deps: AppDeps, enterpriseId: string, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  const l = await loadAll(deps, enterpriseId, id);
  const { sheet, result } = l;
  const names = new Map(sheet.elements.map((e) => [e.code, e.name]));
  const book = newWorkbook();
  const rate = (earned: number, applicable: number) => (applicable > 0 ? `${Math.round((earned / applicable) * 1000) / 10}%` : '—');
  const summaryRows: XlsxValue[][] = result.elements.map((e, i) => [i + 1, `${e.code} ${names.get(e.code) ?? ''}`, e.points, e.points - e.applicable, e.applicable, e.deduction, e.earned, rate(e.earned, e.applicable)]);
  summaryRows.push(['', '合计', result.totalPoints, result.totalPoints - result.applicable, result.applicable, result.deduction, result.earned, rate(result.earned, result.applicable)]);
  summaryRows.push(['', '折算得分', scoreText(result), '', '', '', '', '']);
  summaryRows.push(['', '否决项', result.vetoes.length ? result.vetoes.join('、') : '无', '', '', '', '', '']);
  summaryRows.push(['', '自评等级', gradeText(result), '', '', '', '', '']);
  addTableSheet(book, {
    name: '评分汇总表',
    title: `${l.enterprise.name} 安全生产标准化自评 评分汇总表`,
    columns: [
      { header: '序号', width: 6 },
      { header: '一级要素', width: 30 },
      { header: '标准分', width: 10 },
      { header: '不适用分', width: 10 },
      { header: '应得分', width: 10 },
      { header: '扣分', width: 10 },
      { header: '实得分', width: 10 },
      { header: '得分率', width: 10 },
    ],
    rows: summaryRows,
  });
  const deducted = sheet.items.filter((i) => deductionOf(l, i.code) > 0 || fromDbBool(l.decided.get(i.code)?.is_veto_fired ?? 0));
  addTableSheet(book, {
    name: '扣分说明表',
    title: `${l.enterprise.name} 安全生产标准化自评 扣分说明表`,
    columns: [
      { header: '序号', width: 6 },
      { header: '项目编号', width: 10 },
      { header: '评定项目', width: 44 },
      { header: '标准分', width: 8 },
      { header: '扣分', width: 8 },
      { header: '扣分说明', width: 60 },
      { header: '系统依据', width: 50 },
    ],
    rows: deducted.map((i, n) => {
      const p = l.proposals[i.code];
      return [n + 1, i.code, i.title, i.points, i.isVeto ? '否决' : deductionOf(l, i.code), noteOf(l, i.code, p), p ? p.evidence.map((e) => e['zh-CN']).join('\n') : ''];
    }),
  });
  addTableSheet(book, {
    name: '打分表',
    title: `${l.enterprise.name} 安全生产标准化自评 打分表（${sheet.name}）`,
    columns: [
      { header: '一级要素', width: 20 },
      { header: '项目编号', width: 10 },
      { header: '评定项目', width: 44 },
      { header: '标准分', width: 8 },
      { header: '评定方法', width: 18 },
      { header: '扣分标准', width: 40 },
      { header: '不适用', width: 8 },
      { header: '扣分', width: 8 },
      { header: '实得分', width: 8 },
      { header: '备注', width: 40 },
    ],
    rows: sheet.items.map((i) => {
      const na = isNa(l, i.code);
      const d = deductionOf(l, i.code);
      return [
        `${i.elementCode} ${names.get(i.elementCode) ?? ''}`,
        i.code,
        i.isConfirmed ? i.title : `${i.title}（内容待核实）`,
        i.points,
        i.method,
        i.deductionRules.map((r) => r.text).join('\n'),
        na ? '是' : '',
        na ? '' : d,
        na ? '' : Math.max(0, Math.round((i.points - d) * 100) / 100),
        noteOf(l, i.code, l.proposals[i.code]),
      ];
    }),
  });
  return { buffer: await workbookBuffer(book), fileName: fileName(l, '自评资料', 'xlsx') };
}

/** 不符合项报告: every deduction and fired veto, with its action, owner and deadline. */
export async function buildNonconformityReport(deps: AppDeps, enterpriseId: string, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  const l = await loadAll(deps, enterpriseId, id);
  const actions = new Map((await repo.listActions(deps.db, enterpriseId, id)).map((a) => [a.item_code, a]));
  const findings = l.sheet.items.filter((i) => deductionOf(l, i.code) > 0 || fromDbBool(l.decided.get(i.code)?.is_veto_fired ?? 0));
  const buffer = await buildDocx({
    title: '安全生产标准化自评不符合项报告',
    enterpriseName: l.enterprise.name,
    subtitle: `${l.row.title}    自评日期：${l.row.planned_start} 至 ${l.row.planned_end}`,
    blocks: [
      docParagraph(`本次自评共发现不符合项 ${findings.length} 项，合计扣分 ${l.result.deduction} 分${l.result.vetoes.length ? `，否决项 ${l.result.vetoes.join('、')} 成立` : ''}。`),
      docTable({
        columns: ['序号', '项目编号', '不符合事实', '扣分', '整改措施', '责任人', '完成期限', '状态'],
        widths: [4, 6, 30, 5, 24, 7, 9, 7],
        rows: findings.map((i, n) => {
          const a = actions.get(i.code);
          return [
            n + 1,
            i.code,
            `${i.title}\n${noteOf(l, i.code, l.proposals[i.code])}`,
            i.isVeto ? '否决' : deductionOf(l, i.code),
            a ? `${a.kind === 'hazard' ? '[隐患] ' : ''}${a.description}` : '（待制定）',
            a?.owner_name ?? '',
            a?.deadline ?? '',
            a ? (a.status === 'done' ? '已完成' : '整改中') : '',
          ];
        }),
      }),
    ],
  });
  return { buffer, fileName: fileName(l, '不符合项报告', 'docx') };
}

const itemsAbout = (sheet: ScoreSheet, words: readonly string[]): ScoreSheetItem[] => {
  const elementNames = new Map(sheet.elements.map((e) => [e.code, e.name]));
  return sheet.items.filter((i) => !i.isVeto && words.some((w) => i.title.includes(w) || (elementNames.get(i.elementCode) ?? '').includes(w)));
};

/** The assessment's own findings on the items of a section: what was scored and why. */
function findingsOn(l: Loaded, words: readonly string[]): DocBlock[] {
  const items = itemsAbout(l.sheet, words);
  if (!items.length) return [];
  return [
    docParagraph('自评情况：', { bold: true }),
    docTable({
      columns: ['项目', '标准分', '扣分', '说明'],
      widths: [40, 7, 7, 46],
      rows: items.map((i) => [`${i.code} ${i.title}`, i.points, isNa(l, i.code) ? '不适用' : l.decided.has(i.code) ? deductionOf(l, i.code) : '未评', noteOf(l, i.code, l.proposals[i.code]) || (l.decided.has(i.code) ? '符合' : '')]),
    }),
  ];
}

/** 自评报告: the nine sections, each pre-filled from the records the product holds. */
export async function buildSelfAssessmentReport(deps: AppDeps, enterpriseId: string, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  const l = await loadAll(deps, enterpriseId, id);
  const { enterprise: e, result } = l;
  const tz = e.timeZone;
  const now = deps.clock.now();
  const org = createOrgServices(deps);
  const [profile, units, equipment, orgFacts, risks, assessors, hazards3y, hazards1y] = await Promise.all([
    getReportProfile(deps, enterpriseId),
    org.orgUnits.list(enterpriseId, { limit: 200 } as never),
    org.equipment.list(enterpriseId, { limit: 200 } as never),
    orgIndicators(deps.db, enterpriseId),
    riskIndicators(deps.db, enterpriseId),
    listAssessors(deps, enterpriseId),
    hazardIndicators(deps, enterpriseId, new Date(now.getTime() - 3 * 365 * 86_400_000), now),
    hazardIndicators(deps, enterpriseId, new Date(now.getTime() - 365 * 86_400_000), now),
  ]);
  const team = fromDbJson<{ personId: string; role: string }[]>(l.row.team) ?? [];
  const teamNames = new Map((await repo.findPeopleNames(deps.db, enterpriseId, team.map((m) => m.personId))).map((p) => [p.id, p.name]));
  const unitItems = (units as { items: { name: string; kind: string }[] }).items;
  const equipmentItems = (equipment as { items: { name: string; model: string; isSpecial: boolean }[] }).items;
  const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
  const blocks: DocBlock[] = [
    docHeading(reportSections[0]),
    docField('企业名称', e.name),
    docField('统一社会信用代码', e.creditCode),
    docField('企业性质', profile.nature || pending('企业性质')),
    docField('所属行业', `工贸行业 · ${industryZh[e.industry] ?? e.industry}`),
    docField('地理位置和交通', [e.address, profile.locationAndTransport].filter(Boolean).join('；') || pending('地理位置和交通')),
    docField('生产能力和规模', profile.capacityAndScale || `${sizeZh[e.sizeClass] ?? ''}企业` + pending('生产能力')),
    docField('从业人员情况', `从业人员 ${e.headcount} 人；在册岗位 ${orgFacts.posts} 个（其中管理岗位 ${orgFacts.managementPosts.length} 个）`),
    docField('主要生产工艺流程和生产方式', profile.mainProcesses || pending('主要工艺流程')),
    docField(
      '主要设备设施',
      profile.mainEquipment ||
        (equipmentItems.length ? equipmentItems.map((q) => `${q.name}${q.model ? `（${q.model}）` : ''}${q.isSpecial ? '［特种设备］' : ''}`).join('、') : pending('主要设备设施')),
    ),
    docField('主要负责人', e.principalName),

    docHeading(reportSections[1]),
    docParagraph(unitItems.length ? `企业设有 ${unitItems.length} 个部门、车间、班组：${unitItems.map((u) => u.name).join('、')}。` : pending('组织机构')),
    docParagraph(orgFacts.managementPosts.length ? `安全生产管理相关岗位：${orgFacts.managementPosts.join('、')}。` : pending('安全管理岗位')),
    docParagraph(`自评工作组（${team.length} 人）：${team.map((m) => `${teamNames.get(m.personId) ?? ''}（${teamRoleZh[m.role] ?? m.role}）`).join('、')}。`),
    docParagraph(assessors.length ? `内审员 ${assessors.length} 人：${assessors.map((a) => `${a.name}（${a.training}，${a.appointedOn} 聘任）`).join('、')}。` : '内审员：（未登记）'),
    ...findingsOn(l, ['机构和职责']),

    docHeading(reportSections[2]),
    docParagraph(`在册岗位 ${orgFacts.posts} 个，已写明岗位安全职责 ${orgFacts.posts - orgFacts.postsWithoutDuties.length} 个${orgFacts.postsWithoutDuties.length ? `，未写明 ${orgFacts.postsWithoutDuties.length} 个（${orgFacts.postsWithoutDuties.slice(0, 10).join('、')}）` : ''}。`),
    ...findingsOn(l, ['责任制', '制度', '操作规程', '法规', '文档']),

    docHeading(reportSections[3]),
    ...(itemsAbout(l.sheet, ['培训']).length ? findingsOn(l, ['培训']) : [docParagraph(pending('培训计划、档案和内容'))]),

    docHeading(reportSections[4]),
    docParagraph(
      `以岗位为单元开展风险辨识：在册岗位 ${risks.posts} 个，已辨识并采纳风险 ${risks.acceptedRisks} 项（重大 ${risks.countsByLevel.major}、较大 ${risks.countsByLevel.significant}、一般 ${risks.countsByLevel.general}、低 ${risks.countsByLevel.low}）` +
        `${risks.postsWithoutRisk.length ? `；尚未辨识的岗位 ${risks.postsWithoutRisk.length} 个` : ''}。`,
    ),
    docParagraph(`风险控制措施：未落实管控的风险 ${risks.uncontrolled} 项，其中重大、较大风险缺专项管控方案 ${risks.missingSpecialPlan} 项；待复评 ${risks.dueForReview} 项。`),
    docParagraph(`隐患排查治理（近一年）：发现隐患 ${hazards1y.found} 项，整改闭环 ${hazards1y.fixed} 项，按期整改率 ${pct(hazards1y.onTimeRectificationRate)}；当前逾期 ${hazards1y.overdue} 项，未整改完成的重大事故隐患 ${hazards1y.openMajor} 项。`),
    ...findingsOn(l, ['风险', '隐患']),

    docHeading(reportSections[5]),
    ...(itemsAbout(l.sheet, ['应急']).length ? findingsOn(l, ['应急']) : [docParagraph(pending('应急预案、演练和物资'))]),

    docHeading(reportSections[6]),
    docParagraph(profile.occupationalHealth || pending('职业卫生监测、危害控制情况')),
    ...findingsOn(l, ['职业']),

    docHeading(reportSections[7]),
    docParagraph(`近三年隐患排查治理：发现隐患 ${hazards3y.found} 项，整改闭环 ${hazards3y.fixed} 项，按期整改率 ${pct(hazards3y.onTimeRectificationRate)}。`),
    docParagraph(`近三年事故情况：${pending('事故台账（事故管理模块启用后自动填写）')}`),
    ...findingsOn(l, ['事故']),

    docHeading(reportSections[8]),
    docParagraph(`依据《${l.sheet.name}》，按 ${l.row.profile_code === 'aqjg2011-100' ? '百分制' : '千分制'} 评定。`),
    docTable({
      columns: ['一级要素', '标准分', '应得分', '扣分', '实得分'],
      widths: [40, 12, 12, 12, 12],
      rows: [
        ...result.elements.map((s) => [`${s.code} ${l.sheet.elements.find((x) => x.code === s.code)?.name ?? ''}`, s.points, s.applicable, s.deduction, s.earned]),
        ['合计', result.totalPoints, result.applicable, result.deduction, result.earned],
      ],
    }),
    docField('自评得分', scoreText(result)),
    docField('否决项', result.vetoes.length ? `${result.vetoes.join('、')} 成立，不能申请评定等级` : '无'),
    docField('自评结论', result.grade ? `达到安全生产标准化${gradeText(result)}企业要求` : '未达到安全生产标准化等级要求，须整改后重新自评'),
    docField('申请考评等级', result.grade ? gradeText(result) : '暂不申请'),
    docParagraph(`评分表来源：${l.sheet.sourceNote}`),
  ];
  const buffer = await buildDocx({
    title: '安全生产标准化自评报告',
    enterpriseName: e.name,
    subtitle: `${l.row.title}    编制日期：${format(new TZDate(now.getTime(), tz), 'yyyy年MM月dd日')}`,
    blocks,
  });
  return { buffer, fileName: fileName(l, '自评报告', 'docx') };
}

/** 申报资料清单. Seed 002 names the list but not its contents: apart from the self-assessment report and
 * its scoring materials (seed 002), the entries are NOT FROM THE SEED — check the province's list. */
export async function buildApplicationChecklist(deps: AppDeps, enterpriseId: string, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  const l = await loadAll(deps, enterpriseId, id);
  const meetings = await repo.listMeetings(deps.db, enterpriseId, id);
  const assessors = await listAssessors(deps, enterpriseId);
  const actions = await repo.listActions(deps.db, enterpriseId, id);
  const has = (kind: string) => meetings.some((m) => m.kind === kind);
  const rows: [string, string, string][] = [
    ['安全生产标准化定级申请表', '企业填写', '需企业提供'],
    ['自评报告', '本系统：自评报告（九部分）', l.row.status === 'concluded' ? '已生成' : '自评结束后生成'],
    ['自评资料（评分汇总表、扣分说明表、打分表）', '本系统：自评资料 .xlsx', l.row.status === 'concluded' ? '已生成' : '自评结束后生成'],
    ['不符合项报告及整改情况', '本系统：不符合项报告', `整改措施 ${actions.length} 项，已完成 ${actions.filter((a) => a.status === 'done').length} 项`],
    ['自评首次、末次会议记录', '本系统：自评会议记录', `${has('first') ? '首次会议已记录' : '首次会议未记录'}；${has('last') ? '末次会议已记录' : '末次会议未记录'}`],
    ['内审员培训及聘任文件', '本系统：内审员', assessors.length ? `已登记 ${assessors.length} 人` : '未登记'],
    ['岗位风险分级管控清单、隐患排查清单', '本系统：风险清单导出', '可导出'],
    ['营业执照（复印件）', '企业提供', '需企业提供'],
    ['安全生产责任制、管理制度、操作规程目录', '企业提供', '需企业提供'],
    ['近三年事故情况说明', '企业提供（事故管理模块启用后由系统生成）', '需企业提供'],
  ];
  const buffer = await buildDocx({
    title: '安全生产标准化申报资料清单',
    enterpriseName: l.enterprise.name,
    subtitle: l.row.title,
    blocks: [
      docTable({ columns: ['序号', '资料名称', '来源', '状态'], widths: [6, 40, 30, 24], rows: rows.map((r, i) => [i + 1, ...r]) }),
      docParagraph('说明：清单中除自评报告和自评资料（种子文件 002 所列）外，其余条目为常见申报要求，请按所在省、市应急管理部门的要求核对。'),
    ],
  });
  return { buffer, fileName: fileName(l, '申报资料清单', 'docx') };
}
