/* Hazard rectification deadlines as due items (DESIGN "Due items"). Near and passed deadlines are
 * already notified by the overdue job (hazard-overdue.service.ts), so this provider asks for none. */
import type { AppDeps } from '../../app-deps.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import { listDeadlines } from './hazard-list.repository.js';

const finished = new Set(['closed', 'rejected']);

export const hazardDueItemProvider: DueItemProvider = {
  feature: 'hazard',
  notifyDaysBefore: null,
  async listDueItems(deps: AppDeps, enterpriseId, window): Promise<DueItem[]> {
    const now = deps.clock.now();
    const rows = await listDeadlines(deps.db, enterpriseId, { from: window.from.toISOString(), to: window.to.toISOString(), ownerPersonId: window.personId });
    return rows.map((r) => {
      const text = r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description;
      return {
        kind: 'hazard.rectification',
        title: { 'zh-CN': `隐患整改期限：${text}`, 'en-US': `Rectification deadline: ${text}` },
        dueAt: r.deadline as string,
        status: dueStatusOf(r.deadline as string, finished.has(r.status), now),
        ownerPersonId: r.owner_person_id ?? null,
        link: `/hazards/${r.id}`,
        sourceRef: `hazard:${r.id}`,
      };
    });
  },
};
