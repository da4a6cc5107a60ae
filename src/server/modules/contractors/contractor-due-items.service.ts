/* Contractors' due items (DESIGN "Due items"): each qualification's and safety agreement's expiry.
 * The window is applied by the due-items mechanism; an expired one stays listed (overdue) until it
 * is renewed (a later expiry date) or archived. */
import { endOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import * as repo from './contractors.repository.js';

export const contractorDueItemProvider: DueItemProvider = {
  feature: 'contractors',
  notifyDaysBefore: 30,
  async listDueItems(deps, enterpriseId): Promise<DueItem[]> {
    const now = deps.clock.now();
    const tz = await repo.timeZoneOf(deps.db, enterpriseId);
    const contractors = await repo.listLiveContractors(deps.db, enterpriseId);
    const names = new Map(contractors.map((c) => [c.id, c.name]));
    const items: DueItem[] = [];
    for (const q of await repo.listQualifications(deps.db, enterpriseId, contractors.map((c) => c.id))) {
      if (!q.expires_on) continue;
      const dueAt = endOfLocalDay(q.expires_on, tz);
      const who = names.get(q.contractor_id) ?? '';
      items.push({
        kind: 'contractors.qualificationExpiry',
        title: { 'zh-CN': `相关方资质到期：${who} ${q.name}${q.number ? `（${q.number}）` : ''}`, 'en-US': `Contractor qualification expires: ${who} ${q.name}${q.number ? ` (${q.number})` : ''}` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: null,
        link: `/operations/contractors`,
        sourceRef: `contractor_qualification:${q.id}:${q.expires_on}`,
      });
    }
    for (const c of contractors) {
      if (!c.agreement_expires_on) continue;
      const dueAt = endOfLocalDay(c.agreement_expires_on, tz);
      items.push({
        kind: 'contractors.agreementExpiry',
        title: { 'zh-CN': `相关方安全协议到期：${c.name}`, 'en-US': `Contractor safety agreement expires: ${c.name}` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: null,
        link: `/operations/contractors`,
        sourceRef: `contractor:${c.id}:${c.agreement_expires_on}`,
      });
    }
    return items;
  },
};
