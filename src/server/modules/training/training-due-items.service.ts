/* Training's due items (DESIGN "Due items"; issue 12 §6): planned sessions, certificate expiry and
 * 复审 dates (reminded 90 and again 30 days ahead: the reminder step is part of the item's sourceRef,
 * so the notification job sends one per step), and people short of the year's hours. */
import { TZDate } from '@date-fns/tz';
import type { AppDeps } from '../../app-deps.js';
import { certificateReminderStep } from '../../../domain/training/training-status.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import * as repo from './training.repository.js';
import { computeTrainingRecords } from './training-records.service.js';
import { enterpriseToday } from './training.service.js';

function endOfDay(date: string, tz: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 23, 59, 59, 999, tz).toISOString();
}

export const trainingDueItemProvider: DueItemProvider = {
  feature: 'training',
  notifyDaysBefore: 90,
  async listDueItems(deps: AppDeps, enterpriseId, window): Promise<DueItem[]> {
    const now = deps.clock.now();
    const { today, year } = await enterpriseToday(deps, enterpriseId);
    const { time_zone: tz } = await repo.findEnterpriseIndustry(deps.db, enterpriseId);
    const items: DueItem[] = [];
    const sessions = await repo.listSessions(deps.db, enterpriseId, { status: 'planned' });
    for (const s of sessions) {
      items.push({
        kind: 'training.session',
        title: { 'zh-CN': `计划培训：${s.title}`, 'en-US': `Planned training: ${s.title}` },
        dueAt: endOfDay(s.held_on, tz),
        status: dueStatusOf(endOfDay(s.held_on, tz), false, now),
        ownerPersonId: null,
        link: `/training/sessions/${s.id}`,
        sourceRef: `training-session:${s.id}`,
      });
    }
    for (const c of await repo.listCertificates(deps.db, enterpriseId, window.personId ? { personId: window.personId } : {})) {
      for (const [kind, date, zh, en] of [
        ['training.certificate_expiry', c.expires_on, '证书到期', 'Certificate expires'],
        ['training.certificate_review', c.review_due_on, '证书复审', 'Certificate review'],
      ] as const) {
        if (!date) continue;
        const step = certificateReminderStep(date, today);
        items.push({
          kind,
          title: { 'zh-CN': `${zh}：${c.person_name} ${c.number}`, 'en-US': `${en}: ${c.person_name} ${c.number}` },
          dueAt: endOfDay(date, tz),
          status: dueStatusOf(endOfDay(date, tz), false, now),
          ownerPersonId: c.person_id,
          link: `/training/people/${c.person_id}`,
          sourceRef: `certificate:${c.id}:${step ?? 'later'}`,
        });
      }
    }
    const yearEnd = endOfDay(`${year}-12-31`, tz);
    if (new Date(yearEnd) <= window.to) {
      const { people } = await computeTrainingRecords(deps, enterpriseId, year, 'zh-CN', window.personId);
      for (const p of people) {
        if (p.summary.gapHours <= 0) continue;
        items.push({
          kind: 'training.hours_short',
          title: {
            'zh-CN': `${p.summary.personName}本年培训学时不足（${p.summary.hoursThisYear}/${p.summary.requiredHoursThisYear}）`,
            'en-US': `${p.summary.personName} is short of training hours (${p.summary.hoursThisYear}/${p.summary.requiredHoursThisYear})`,
          },
          dueAt: yearEnd,
          status: dueStatusOf(yearEnd, false, now),
          ownerPersonId: p.summary.personId,
          link: `/training/people/${p.summary.personId}`,
          sourceRef: `training-hours:${p.summary.personId}:${year}`,
        });
      }
    }
    return items;
  },
};
