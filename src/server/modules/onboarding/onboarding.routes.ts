import type { AppDeps } from '../../app-deps.js';
import { managerRoles } from '../../../schemas/auth.js';
import { onboardingChecklistSchema } from '../../../schemas/onboarding.js';
import { type AnyRouteDef, defineRoute, requireTenant } from '../../platform/http/route.js';
import { getOnboardingChecklist } from './onboarding.service.js';

export function onboardingRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/onboarding-checklist',
      access: { kind: 'tenant', roles: managerRoles },
      summary: '还差几步: what the enterprise still lacks before it runs on its own, with counts and the page that fixes each',
      tags: ['onboarding'],
      response: onboardingChecklistSchema,
      handler: async ({ auth }) => getOnboardingChecklist(deps, requireTenant(auth).enterpriseId),
    }),
  ];
}
