/* Due items of building the OHS management system (issue 14 §1–2): each action a review gap was
 * given is due on its deadline for its owner; next year's responsibility letters from December. */
import { endOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import { capaStatesOf } from '../improvement/capa.service.js';
import * as reviews from './initial-review.repository.js';
import { gapActionDoneAt } from './initial-review.service.js';
import { letterDueItems } from './responsibility-letters.service.js';
import { enterpriseTimeZone } from './objectives.service.js';

export const ohsSystemDueItemProvider: DueItemProvider = {
  feature: 'management',
  notifyDaysBefore: 3,
  async listDueItems(deps, enterpriseId): Promise<DueItem[]> {
    const now = deps.clock.now();
    const timeZone = await enterpriseTimeZone(deps.db, enterpriseId);
    const actions = await reviews.listGapActions(deps.db, enterpriseId);
    const capas = await capaStatesOf(deps.db, enterpriseId, actions.flatMap((a) => (a.capa_id ? [a.capa_id] : [])));
    const reviewItems = actions.map((a): DueItem => {
      const dueAt = endOfLocalDay(a.action_due_on as string, timeZone);
      return {
        kind: 'management.reviewAction',
        title: { 'zh-CN': `初始评审整改：${a.action_text ?? ''}`, 'en-US': `Initial review action: ${a.action_text ?? ''}` },
        dueAt,
        status: dueStatusOf(dueAt, gapActionDoneAt(a, capas) !== null, now),
        ownerPersonId: a.action_owner_person_id,
        link: `/management/initial-review/${a.review_id}`,
        sourceRef: `ohs_review_gap:${a.id}`,
      };
    });
    return [...reviewItems, ...(await letterDueItems(deps, enterpriseId))];
  },
};
