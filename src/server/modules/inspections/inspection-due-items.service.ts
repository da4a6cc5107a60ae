/* Inspection task windows as due items (DESIGN "Due items"): an open task is due at its window's
 * end; a missed one stays listed as overdue within the asked window (a missed window cannot be
 * made up later: it is a fact, not a debt that grows). Shift and daily tasks are too frequent to
 * notify about; the phone's task list is their reminder. */
import type { AppDeps } from '../../app-deps.js';
import { type DueItem, type DueItemProvider } from '../../platform/due-items/due-items.js';
import { listTaskWindows } from './inspection-tasks.repository.js';

const periodNames: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  shift: { 'zh-CN': '每班', 'en-US': 'per shift' },
  day: { 'zh-CN': '每天', 'en-US': 'daily' },
  week: { 'zh-CN': '每周', 'en-US': 'weekly' },
  month: { 'zh-CN': '每月', 'en-US': 'monthly' },
  quarter: { 'zh-CN': '每季度', 'en-US': 'quarterly' },
  year: { 'zh-CN': '每年', 'en-US': 'yearly' },
};

export const inspectionDueItemProvider: DueItemProvider = {
  feature: 'inspection',
  notifyDaysBefore: null,
  async listDueItems(deps: AppDeps, enterpriseId, window): Promise<DueItem[]> {
    const now = deps.clock.now();
    const rows = await listTaskWindows(deps.db, enterpriseId, { from: window.from.toISOString(), to: window.to.toISOString(), personId: window.personId });
    return rows.map((r) => {
      const period = periodNames[r.period] ?? { 'zh-CN': r.period, 'en-US': r.period };
      return {
        kind: 'inspection.task',
        title: { 'zh-CN': `排查任务（${period['zh-CN']}）：${r.post_name}`, 'en-US': `Inspection (${period['en-US']}): ${r.post_name}` },
        dueAt: r.window_end,
        status: r.status === 'missed' || new Date(r.window_end) < now ? 'overdue' : 'due',
        ownerPersonId: r.responsible_person_id,
        link: '/inspection-tasks',
        sourceRef: `inspection_task:${r.id}`,
      };
    });
  },
};
