/* Emergency due items (DESIGN "Due items"): plan reviews, planned drills and the cadence's drills
 * still owed in the current period, and supply expiry. Owners are notified 30 days ahead. Also the
 * indicator function the standardization feature reads (DESIGN "Indicators"). */
import { TZDate } from '@date-fns/tz';
import type { AppDeps } from '../../app-deps.js';
import { cadenceRequirements } from '../../../domain/emergency/drill-cadence.js';
import { localDateOf } from '../../../domain/emergency/supply-state.js';
import type { PlanKind } from '../../../reference/emergency-plans.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import * as repo from './emergency.repository.js';
import { getCadence } from './emergency-drills.service.js';

/** The last instant of a local calendar day. */
function endOfLocalDay(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, 999, timeZone).getTime()).toISOString();
}

function startOfLocalDay(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, timeZone).getTime()).toISOString();
}

export const emergencyDueItemProvider: DueItemProvider = {
  feature: 'emergency',
  notifyDaysBefore: 30,
  async listDueItems(deps: AppDeps, enterpriseId, window): Promise<DueItem[]> {
    const now = deps.clock.now();
    const tz = (await repo.findEnterprise(deps.db, enterpriseId))?.time_zone ?? 'Asia/Shanghai';
    const toDate = localDateOf(window.to, tz);
    const today = localDateOf(now, tz);
    const items: DueItem[] = [];
    for (const v of await repo.listReviewDates(deps.db, enterpriseId, toDate)) {
      const dueAt = endOfLocalDay(v.review_due_on as string, tz);
      items.push({
        kind: 'emergency.planReview',
        title: { 'zh-CN': `应急预案定期评审：${v.title}`, 'en-US': `Emergency plan review: ${v.title}` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: null,
        link: `/emergency/plans/${v.plan_id}`,
        sourceRef: `emergency_plan_version:${v.id}`,
      });
    }
    for (const d of await repo.listPlannedDrillsUpTo(deps.db, enterpriseId, toDate)) {
      const dueAt = endOfLocalDay(d.planned_on, tz);
      items.push({
        kind: 'emergency.drill',
        title: { 'zh-CN': `应急演练：${d.plan_title}`, 'en-US': `Drill: ${d.plan_title}` },
        dueAt,
        status: dueStatusOf(dueAt, d.status === 'held', now),
        ownerPersonId: null,
        link: '/emergency/drills',
        sourceRef: `emergency_drill:${d.id}`,
      });
    }
    const cadence = await getCadence(deps.db, enterpriseId);
    const year = today.slice(0, 4);
    const held = await repo.listHeldDrills(deps.db, enterpriseId, `${year}-01-01`, `${year}-12-31`);
    for (const r of cadenceRequirements(cadence, held.map((h) => ({ kind: h.kind as PlanKind, heldOn: h.held_on as string })), today)) {
      if (r.isMet) continue;
      const dueAt = endOfLocalDay(r.dueOn, tz);
      const what = r.rule === 'onsite' ? { 'zh-CN': '现场处置方案演练', 'en-US': 'On-site plan drill' } : { 'zh-CN': '综合或专项预案演练', 'en-US': 'Comprehensive or special plan drill' };
      items.push({
        kind: 'emergency.drill',
        title: { 'zh-CN': `${what['zh-CN']}（本期还需 ${r.required - r.held} 次）`, 'en-US': `${what['en-US']} (${r.required - r.held} more this period)` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: null,
        link: '/emergency/drills',
        sourceRef: `emergency_cadence:${r.rule}:${r.periodStart}`,
      });
    }
    for (const s of await repo.listLiveSupplies(deps.db, enterpriseId)) {
      if (!s.expires_on || s.expires_on > toDate) continue;
      const dueAt = endOfLocalDay(s.expires_on, tz);
      items.push({
        kind: 'emergency.supplyExpiry',
        title: { 'zh-CN': `应急物资到期：${s.name}（${s.location || '—'}）`, 'en-US': `Supply expires: ${s.name} (${s.location || '—'})` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: s.responsible_person_id,
        link: '/emergency/supplies',
        sourceRef: `emergency_supply:${s.id}`,
      });
    }
    return items;
  },
};

export interface EmergencyIndicators {
  /** Plans with a version in force / plans in use. */
  plansInForce: number;
  plans: number;
  /** Plans whose review date passed. */
  plansOverdueForReview: number;
  drillsHeld: number;
  drillsReviewed: number;
  /** Findings of reviews in the period (each became a hazard). */
  reviewFindings: number;
  /** Cadence requirements of the period's end met. */
  cadenceMet: boolean;
  suppliesExpired: number;
  suppliesShort: number;
}

/** The emergency figures of a period (local dates, inclusive), for objectives, reviews and self-assessment. */
export async function emergencyIndicators(deps: AppDeps, enterpriseId: string, period: { from: string; to: string }): Promise<EmergencyIndicators> {
  const tz = (await repo.findEnterprise(deps.db, enterpriseId))?.time_zone ?? 'Asia/Shanghai';
  const today = localDateOf(deps.clock.now(), tz);
  const plans = await repo.listPlans(deps.db, enterpriseId, {});
  const versions = await repo.listVersions(deps.db, enterpriseId, plans.map((p) => p.id));
  const inForce = versions.filter((v) => v.status === 'approved');
  const held = await repo.listHeldDrills(deps.db, enterpriseId, period.from, period.to);
  const reviews = await repo.countReviewsBetween(deps.db, enterpriseId, startOfLocalDay(period.from, tz), endOfLocalDay(period.to, tz));
  const cadence = await getCadence(deps.db, enterpriseId);
  const asOf = period.to < today ? period.to : today;
  const yearHeld = await repo.listHeldDrills(deps.db, enterpriseId, `${asOf.slice(0, 4)}-01-01`, `${asOf.slice(0, 4)}-12-31`);
  const supplies = await repo.listLiveSupplies(deps.db, enterpriseId);
  return {
    plansInForce: inForce.length,
    plans: plans.length,
    plansOverdueForReview: inForce.filter((v) => v.review_due_on !== null && v.review_due_on < today).length,
    drillsHeld: held.length,
    drillsReviewed: reviews.length,
    reviewFindings: reviews.reduce((n, r) => n + (JSON.parse(r.findings) as unknown[]).length, 0),
    cadenceMet: cadenceRequirements(cadence, yearHeld.map((h) => ({ kind: h.kind as PlanKind, heldOn: h.held_on as string })), asOf).every((r) => r.isMet),
    suppliesExpired: supplies.filter((s) => s.expires_on !== null && s.expires_on < today).length,
    suppliesShort: supplies.filter((s) => s.quantity < s.min_quantity).length,
  };
}
