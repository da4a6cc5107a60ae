/* The documents feature's due items (DESIGN "Due items"): each document in force with a review date
 * falls due on that day for its owner; the year's compliance evaluation is due on 31 December (done
 * when every live requirement is evaluated); a non-compliance's action is the CAPA feature's due item. */
import type { AppDeps } from '../../app-deps.js';
import { endOfLocalDay, localDay } from '../../../domain/calendar/enterprise-day.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import { complianceDueItems } from './compliance.service.js';
import * as repo from './documents.repository.js';

export const documentDueItemProvider: DueItemProvider = {
  feature: 'documents',
  notifyDaysBefore: 30,
  async listDueItems(deps: AppDeps, enterpriseId, window): Promise<DueItem[]> {
    const now = deps.clock.now();
    const tz = (await repo.enterpriseBasics(deps.db, enterpriseId))?.time_zone ?? 'Asia/Shanghai';
    const toDate = localDay(window.to, tz);
    const items: DueItem[] = [];
    for (const d of await repo.documentsWithReviewDates(deps.db, enterpriseId)) {
      const on = d.review_due_on as string;
      if (on > toDate) continue;
      const dueAt = endOfLocalDay(on, tz);
      items.push({
        kind: 'documents.review',
        title: { 'zh-CN': `文件评审：${d.number} ${d.title}`, 'en-US': `Document review: ${d.number} ${d.title}` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: d.owner_person_id,
        link: `/documents/${d.id}`,
        sourceRef: `controlled_document:${d.id}:${on}`,
      });
    }
    items.push(...(await complianceDueItems(deps, enterpriseId, tz)));
    return items;
  },
};
