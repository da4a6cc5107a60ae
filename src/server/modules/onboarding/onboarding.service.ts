/*
 * The onboarding checklist ("还差几步", issue 8 §4). Every figure is computed from the records on
 * each read — nothing is stored — so a step done disappears and a step that regresses (a new 较大
 * risk without its plan, a new person without a login) comes back by itself. Figures another feature
 * already computes are read from it (risk overview, posts without a published list, the calendar,
 * the publication settings).
 */
import type { AppDeps } from '../../app-deps.js';
import type { OnboardingChecklistDto, OnboardingStepKey } from '../../../schemas/onboarding.js';
import { loadCalendar } from '../inspections/shifts.service.js';
import { postsWithoutPublishedList } from '../inspections/inspection-lists.service.js';
import { getPublicationSettings } from '../publication/risk-card.service.js';
import { getRiskOverview } from '../risks/risk-read.service.js';
import * as repo from './onboarding.repository.js';

const links: Record<OnboardingStepKey, string> = {
  risksWithoutPlan: '/risks',
  itemsWithoutResponsible: '/inspection-lists',
  unpublishedLists: '/inspection-lists',
  postsWithoutHolders: '/org/people',
  peopleWithoutLogins: '/org/people',
  areasWithoutPolygons: '/risk-map',
  shiftsNotDefined: '/settings/shifts',
  emergencyPhoneNotSet: '/settings/publication',
  cardFooterNotSet: '/settings/publication',
};

export async function getOnboardingChecklist(deps: AppDeps, enterpriseId: string): Promise<OnboardingChecklistDto> {
  const { db } = deps;
  const [overview, unpublished, items, posts, people, areas, calendar, settings] = await Promise.all([
    getRiskOverview(db, enterpriseId),
    postsWithoutPublishedList(deps, enterpriseId),
    repo.countItemsWithoutResponsible(db, enterpriseId),
    repo.countPostsWithoutHolders(db, enterpriseId),
    repo.countPeopleWithoutLogins(db, enterpriseId),
    repo.countAreasWithoutPolygons(db, enterpriseId),
    loadCalendar(db, enterpriseId),
    getPublicationSettings(deps, enterpriseId),
  ]);
  const counts: Record<OnboardingStepKey, number> = {
    risksWithoutPlan: overview.missingSpecialPlan,
    itemsWithoutResponsible: items,
    unpublishedLists: unpublished.length,
    postsWithoutHolders: posts,
    peopleWithoutLogins: people,
    areasWithoutPolygons: areas,
    shiftsNotDefined: calendar.isDefault ? 1 : 0,
    emergencyPhoneNotSet: settings.emergencyPhone ? 0 : 1,
    cardFooterNotSet: settings.cardFooter ? 0 : 1,
  };
  const steps = (Object.keys(links) as OnboardingStepKey[]).map((key) => ({ key, count: counts[key], link: links[key] }));
  return { steps, remaining: steps.filter((s) => s.count > 0).length };
}
