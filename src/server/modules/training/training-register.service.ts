/* 培训台账 (issue 12 §3): every signed attendance of the year, and each person's hours against the
 * requirement, as .xlsx through the one builder. */
import type { AppDeps } from '../../app-deps.js';
import { addTableSheet, newWorkbook, workbookBuffer } from '../../platform/exports/xlsx-builder.js';
import * as repo from './training.repository.js';
import { listTrainingRecords } from './training-records.service.js';
import { enterpriseToday, signedAttendance } from './training.service.js';

const kindZh: Record<string, string> = {
  management_initial: '主要负责人/安全管理人员初次培训',
  management_yearly: '主要负责人/安全管理人员再培训',
  three_level_company: '三级教育（厂级）',
  three_level_workshop: '三级教育（车间级）',
  three_level_team: '三级教育（班组级）',
  yearly: '年度再培训',
  reassignment: '转岗/复岗培训',
  targeted: '针对性培训',
};
const statusZh = { red: '不足（红）', amber: '待完成（黄）', green: '达标（绿）' } as const;
const methodZh: Record<string, string> = { session: '登录签到', drawn: '手写签名' };

export async function buildTrainingRegister(deps: AppDeps, enterpriseId: string, q: { year?: number }): Promise<Buffer> {
  const year = q.year ?? (await enterpriseToday(deps, enterpriseId)).year;
  const sessions = (await repo.listSessions(deps.db, enterpriseId, { from: `${year}-01-01`, to: `${year}-12-31` })).filter((s) => s.status !== 'cancelled').reverse();
  const signed = await signedAttendance(deps.db, enterpriseId, sessions.map((s) => s.id));
  const attendees = await repo.listAttendees(deps.db, enterpriseId, sessions.map((s) => s.id));
  const scores = await repo.listScores(deps.db, enterpriseId, sessions.map((s) => s.id));
  const scoreOf = new Map(scores.map((s) => [`${s.session_id}|${s.person_id}`, Number(s.score)]));
  const rows: (string | number | null)[][] = [];
  for (const s of sessions) {
    for (const a of attendees.filter((x) => x.session_id === s.id)) {
      const sig = signed.get(s.id)?.get(a.person_id);
      if (!sig) continue;
      rows.push([rows.length + 1, s.held_on, s.title, kindZh[s.kind] ?? s.kind, Number(s.hours), s.trainer, a.person_name, sig.signedAt.slice(0, 16).replace('T', ' '), methodZh[sig.method] ?? sig.method, scoreOf.get(`${s.id}|${a.person_id}`) ?? null]);
    }
  }
  const book = newWorkbook();
  addTableSheet(book, {
    name: '培训台账',
    title: `${year}年度安全培训台账`,
    columns: [
      { header: '序号', width: 6 },
      { header: '培训日期', width: 12 },
      { header: '培训名称', width: 30 },
      { header: '类别', width: 22 },
      { header: '学时', width: 7 },
      { header: '授课人', width: 10 },
      { header: '参训人', width: 10 },
      { header: '签到时间(UTC)', width: 17 },
      { header: '签到方式', width: 10 },
      { header: '成绩', width: 7 },
    ],
    rows,
  });
  const records = await listTrainingRecords(deps, enterpriseId, { year }, 'zh-CN');
  addTableSheet(book, {
    name: '人员学时汇总',
    title: `${year}年度人员培训学时汇总`,
    columns: [
      { header: '姓名', width: 10 },
      { header: '部门', width: 14 },
      { header: '岗位', width: 22 },
      { header: '本年学时', width: 9 },
      { header: '应达学时', width: 9 },
      { header: '差额', width: 7 },
      { header: '状态', width: 12 },
      { header: '说明', width: 60 },
    ],
    rows: records.items.map((p) => [p.personName, p.orgUnitName, p.postNames.join('、'), p.hoursThisYear, p.requiredHoursThisYear, p.gapHours, statusZh[p.status], p.reasons.join('；')]),
  });
  return workbookBuffer(book);
}
