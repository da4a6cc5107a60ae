/* The home page's figures (issue 15 §7), each drawn from the owning feature's indicator function
 * (DESIGN "Indicators") or from the due-items providers — never from another feature's tables. */
import { addDays, addMonths, format, parseISO, startOfISOWeek } from 'date-fns';
import type { Locale } from '../../../i18n/locale.js';
import { endOfLocalDay, localDay, startOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import type { HomeSummaryDto } from '../../../schemas/home.js';
import type { AppDeps } from '../../app-deps.js';
import { collectDueItems, type DueItemProvider } from '../../platform/due-items/due-items.js';
import { findEnterpriseTimeZone } from '../../platform/sign-off/sign-off.repository.js';
import { hazardIndicators } from '../hazards/hazard-reports.service.js';
import { objectivesOfYear } from '../management/objectives.service.js';
import { riskIndicators } from '../risks/risk-read.service.js';

const monthsShown = 6;

export async function homeSummary(deps: AppDeps, providers: readonly DueItemProvider[], enterpriseId: string, locale: Locale): Promise<HomeSummaryDto> {
  const now = deps.clock.now();
  const timeZone = await findEnterpriseTimeZone(deps.db, enterpriseId);
  const today = localDay(now, timeZone);
  const monthStart = `${today.slice(0, 7)}-01`;
  const months = Array.from({ length: monthsShown }, (_, i) => format(addMonths(parseISO(monthStart), i - monthsShown + 1), 'yyyy-MM-dd'));
  const weekStart = format(startOfISOWeek(parseISO(today)), 'yyyy-MM-dd');
  const weekDays = Array.from({ length: 7 }, (_, i) => format(addDays(parseISO(weekStart), i), 'yyyy-MM-dd'));
  const [risks, hazardMonths, hazardsNow, objectives, overdue, week] = await Promise.all([
    riskIndicators(deps.db, enterpriseId),
    Promise.all(
      months.map(async (first) => {
        const next = format(addMonths(parseISO(first), 1), 'yyyy-MM-dd');
        const f = await hazardIndicators(deps, enterpriseId, new Date(startOfLocalDay(first, timeZone)), new Date(startOfLocalDay(next, timeZone)));
        return { month: first.slice(0, 7), found: f.found, closed: f.fixed };
      }),
    ),
    hazardIndicators(deps, enterpriseId, new Date(startOfLocalDay(monthStart, timeZone)), now),
    objectivesOfYear(deps, enterpriseId, Number(today.slice(0, 4)), locale),
    collectDueItems(deps, providers, enterpriseId, { from: new Date(now.getTime() - 366 * 86_400_000), to: now }, { status: 'overdue', limit: 5000 }),
    collectDueItems(deps, providers, enterpriseId, { from: new Date(startOfLocalDay(weekDays[0] as string, timeZone)), to: new Date(endOfLocalDay(weekDays[6] as string, timeZone)) }, { limit: 5000 }),
  ]);
  const byFeature = new Map<string, number>();
  for (const i of overdue.items) byFeature.set(i.kind.split('.')[0] as string, (byFeature.get(i.kind.split('.')[0] as string) ?? 0) + 1);
  return {
    month: today.slice(0, 7),
    today,
    riskByPost: risks.byPost,
    hazardsByMonth: hazardMonths,
    hazardsNow: { open: hazardsNow.open, overdue: hazardsNow.overdue, openMajor: hazardsNow.openMajor },
    overdueByFeature: [...byFeature].map(([feature, count]) => ({ feature, count })).sort((a, b) => b.count - a.count || a.feature.localeCompare(b.feature)),
    objectives: objectives
      .filter((o) => !o.archivedAt)
      .map((o) => ({ id: o.id, name: o.name, targetValue: o.targetValue, currentValue: o.currentValue, unit: o.unit, comparison: o.comparison, state: o.state })),
    week: weekDays.map((day) => ({
      day,
      items: week.items
        .filter((i) => localDay(i.dueAt, timeZone) === day)
        .map((i) => ({ title: i.title[locale], kind: i.kind, status: i.status, link: i.link })),
    })),
  };
}
