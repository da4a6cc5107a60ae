/* Due items of the performance monitoring plan (issue 15 §1): each live plan line's measurement of
 * the current calendar period falls due on the period's last day, for the line's owner — and the
 * following periods' inside the window the calendar asks for. Nothing records a measurement as
 * done (the 测量和监测表 reads its results from the records), so an item stays 'due' until its day
 * passes and the next period's takes its place. */
import { endOfLocalDay, localDay } from '../../../domain/calendar/enterprise-day.js';
import { monitoringDueDays } from '../../../domain/improvement/monitoring-schedule.js';
import type { MonitoringFrequency } from '../../../domain/improvement/monitoring-schedule.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import { enterpriseTimeZone } from '../management/objectives.service.js';

const frequencyText: Record<MonitoringFrequency, { 'zh-CN': string; 'en-US': string }> = {
  month: { 'zh-CN': '每月', 'en-US': 'monthly' },
  quarter: { 'zh-CN': '每季度', 'en-US': 'quarterly' },
  half_year: { 'zh-CN': '每半年', 'en-US': 'half-yearly' },
  year: { 'zh-CN': '每年', 'en-US': 'yearly' },
};

export const monitoringDueItemProvider: DueItemProvider = {
  feature: 'monitoring',
  notifyDaysBefore: 3,
  async listDueItems(deps, enterpriseId, window): Promise<DueItem[]> {
    const now = deps.clock.now();
    const timeZone = await enterpriseTimeZone(deps.db, enterpriseId);
    const today = localDay(now, timeZone);
    const until = localDay(window.to, timeZone);
    // The plan of one enterprise: a few dozen lines at most.
    const lines = await deps.db
      .selectFrom('monitoring_item')
      .select(['id', 'what', 'frequency', 'owner_person_id'])
      .where('enterprise_id', '=', enterpriseId)
      .where('archived_at', 'is', null)
      .execute();
    return lines.flatMap((line) => {
      const frequency = line.frequency as MonitoringFrequency;
      return monitoringDueDays(frequency, today, until).map((day): DueItem => {
        const dueAt = endOfLocalDay(day, timeZone);
        return {
          kind: 'monitoring.measurement',
          title: {
            'zh-CN': `测量和监测（${frequencyText[frequency]['zh-CN']}）：${line.what}`,
            'en-US': `Monitoring (${frequencyText[frequency]['en-US']}): ${line.what}`,
          },
          dueAt,
          status: dueStatusOf(dueAt, false, now),
          ownerPersonId: line.owner_person_id,
          link: '/improvement/monitoring',
          sourceRef: `monitoring_item:${line.id}:${day}`,
        };
      });
    });
  },
};
