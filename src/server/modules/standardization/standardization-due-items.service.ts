/* Deadlines of the actions deductions became, as due items (DESIGN "Due items"). Hazards raised from
 * a deduction are listed by the hazards provider once their rectification is planned. */
import { TZDate } from '@date-fns/tz';
import type { AppDeps } from '../../app-deps.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import { getEnterprise } from '../enterprise/enterprise.service.js';
import { listActionDeadlines } from './standardization.repository.js';

/** The calendar day of `at` in `timeZone`, as YYYY-MM-DD. */
const dayIn = (at: Date, timeZone: string) => {
  const d = new TZDate(at.getTime(), timeZone);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** A deadline day ends at 23:59:59 in the enterprise's time zone. */
export function endOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, timeZone).getTime());
}

export const standardizationDueItemProvider: DueItemProvider = {
  feature: 'standardization',
  notifyDaysBefore: 3,
  async listDueItems(deps: AppDeps, enterpriseId, window): Promise<DueItem[]> {
    const tz = (await getEnterprise(deps, enterpriseId)).timeZone;
    const now = deps.clock.now();
    const rows = await listActionDeadlines(deps.db, enterpriseId, { fromDay: dayIn(window.from, tz), toDay: dayIn(window.to, tz), ownerPersonId: window.personId });
    return rows.map((r) => {
      const text = r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description;
      const dueAt = endOfDay(r.deadline, tz);
      return {
        kind: 'standardization.action',
        title: { 'zh-CN': `标准化自评整改（${r.item_code}）：${text}`, 'en-US': `Self-assessment action (${r.item_code}): ${text}` },
        dueAt: dueAt.toISOString(),
        status: dueStatusOf(dueAt, r.status === 'done', now),
        ownerPersonId: r.owner_person_id,
        link: `/standardization/assessments/${r.assessment_id}`,
        sourceRef: `standardization_action:${r.id}`,
      };
    });
  },
};
