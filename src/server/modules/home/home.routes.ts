import type { AppDeps } from '../../app-deps.js';
import { homeSummarySchema } from '../../../schemas/home.js';
import type { DueItemProvider } from '../../platform/due-items/due-items.js';
import { type AnyRouteDef, defineRoute, requireTenant } from '../../platform/http/route.js';
import { homeSummary } from './home-summary.service.js';

export function homeRoutes(deps: AppDeps, providers: readonly DueItemProvider[]): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/home-summary',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager', 'consultant', 'dept_head'] },
      summary: "The home page's figures: risk levels by post, hazards found and closed per month, overdue items by feature, objectives against target, this week's due items",
      tags: ['home'],
      response: homeSummarySchema,
      handler: async ({ auth, locale }) => homeSummary(deps, providers, requireTenant(auth).enterpriseId, locale),
    }),
  ];
}
