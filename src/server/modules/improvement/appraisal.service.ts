/*
 * Appraisal (考核, issue 15 §5, seed 001 第二十一条 "纳入岗位和个人考核"): per person, post and
 * department for a period, from each feature's per-person indicator function (inspections, hazards,
 * training, know-your-post quizzes) and the org roster; the tally is pure (domain/improvement/appraisal.ts).
 * Training is judged on the period's last year (the 3号令 requirements are yearly). Export: .xlsx.
 */
import type { AppDeps } from '../../app-deps.js';
import { startOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { type AppraisalRow, appraisalRows, type PersonFigures } from '../../../domain/improvement/appraisal.js';
import { addDays } from '../../../domain/improvement/capa-lifecycle.js';
import type { Locale } from '../../../i18n/locale.js';
import type { AppraisalDto } from '../../../schemas/appraisal.js';
import { addTableSheet, newWorkbook, workbookBuffer } from '../../platform/exports/xlsx-builder.js';
import { fieldError } from '../../platform/http/validation.js';
import { getEnterprise } from '../enterprise/enterprise.service.js';
import { knowledgeFiguresByPerson } from '../frontline/knowledge-person-figures.js';
import { hazardFiguresByPerson } from '../hazards/hazard-person-figures.js';
import { inspectionFiguresByPerson } from '../inspections/inspection-person-figures.js';
import { peopleRoster } from '../org/people-roster.js';
import { computeTrainingRecords } from '../training/training-records.service.js';

export async function appraisal(deps: AppDeps, enterpriseId: string, period: { from: string; to: string }): Promise<AppraisalDto> {
  if (period.to < period.from) throw fieldError('to', { 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'The end cannot be before the start' });
  const tz = (await getEnterprise(deps, enterpriseId)).timeZone;
  const from = new Date(startOfLocalDay(period.from, tz));
  const to = new Date(startOfLocalDay(addDays(period.to, 1), tz));
  const [roster, tasks, hazards, quiz, training] = await Promise.all([
    peopleRoster(deps.db, enterpriseId),
    inspectionFiguresByPerson(deps.db, enterpriseId, from, to),
    hazardFiguresByPerson(deps.db, enterpriseId, from, to),
    knowledgeFiguresByPerson(deps.db, enterpriseId, from, to),
    computeTrainingRecords(deps, enterpriseId, Number(period.to.slice(0, 4)), 'zh-CN'),
  ]);
  const trainingMet = new Map(training.people.map((p) => [p.summary.personId, p.summary.status === 'green']));
  const figures = new Map<string, PersonFigures>();
  for (const p of roster) {
    const met = trainingMet.get(p.personId);
    figures.set(p.personId, {
      tasks: tasks.get(p.personId),
      hazardsReported: hazards.reported.get(p.personId) ?? 0,
      rectifications: hazards.rectified.get(p.personId),
      training: met === undefined ? undefined : { isMet: met },
      quiz: quiz.get(p.personId),
    });
  }
  return { from: period.from, to: period.to, rows: appraisalRows(roster, figures) };
}

const pct = (r: number | null) => (r === null ? '' : Math.round(r * 1000) / 10);

/** 考核统计表 (.xlsx): one sheet per scope, the same columns. */
export async function buildAppraisalWorkbook(deps: AppDeps, enterpriseId: string, period: { from: string; to: string }, locale: Locale): Promise<Buffer> {
  const data = await appraisal(deps, enterpriseId, period);
  const zh = locale === 'zh-CN';
  const columns = [
    { header: zh ? '名称' : 'Name', width: 18 },
    { header: zh ? '人数' : 'People', width: 8 },
    { header: zh ? '应完成排查任务' : 'Tasks due', width: 12 },
    { header: zh ? '按时完成' : 'Done on time', width: 10 },
    { header: zh ? '按时完成率%' : 'On time %', width: 11 },
    { header: zh ? '发现上报隐患' : 'Hazards reported', width: 12 },
    { header: zh ? '负责整改关闭' : 'Rectifications closed', width: 12 },
    { header: zh ? '按期整改' : 'Rectified on time', width: 10 },
    { header: zh ? '按期整改率%' : 'On time %', width: 11 },
    { header: zh ? '培训达标人数' : 'Training met', width: 12 },
    { header: zh ? '应知应会测试次数' : 'Quizzes', width: 14 },
    { header: zh ? '通过' : 'Passed', width: 8 },
    { header: zh ? '平均得分%' : 'Average %', width: 10 },
  ];
  const toRow = (r: AppraisalRow) => [r.name, r.people, r.tasksDue, r.tasksOnTime, pct(r.taskOnTimeRate), r.hazardsReported, r.rectificationsClosed, r.rectifiedOnTime, pct(r.rectifiedOnTimeRate), `${r.trainingMet}/${r.trainingKnown}`, r.quizChecks, r.quizPassed, r.quizAveragePercent ?? ''];
  const book = newWorkbook();
  const names = { person: zh ? '个人' : 'People', post: zh ? '岗位' : 'Posts', department: zh ? '部门' : 'Departments' } as const;
  for (const scope of ['person', 'post', 'department'] as const) {
    addTableSheet(book, {
      name: names[scope],
      title: `${zh ? '双重预防机制考核统计' : 'Dual prevention appraisal'}（${names[scope]}）${data.from} – ${data.to}`,
      columns,
      rows: data.rows.filter((r) => r.scope === scope).map(toRow),
    });
  }
  return workbookBuffer(book);
}
