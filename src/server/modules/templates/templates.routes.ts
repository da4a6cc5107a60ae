import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { managerRoles } from '../../../schemas/auth.js';
import { industries } from '../../../schemas/org.js';
import { templateApplicationInputSchema, templateApplicationResultSchema, templateSummarySchema } from '../../../schemas/templates.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import type { OrgServices } from '../org/org.routes.js';
import { applyTemplate, listTemplates, summarise } from './template-application.service.js';

const tags = ['templates'];

export function templateRoutes(deps: AppDeps, org: OrgServices): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/templates',
      access: { kind: 'user' },
      summary: 'Post templates of the eight 工贸 industries',
      tags,
      response: z.object({ items: z.array(templateSummarySchema) }),
      handler: async () => ({ items: listTemplates() }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/templates/:industry',
      access: { kind: 'user' },
      summary: "One industry's post templates",
      tags,
      params: z.strictObject({ industry: z.enum(industries) }),
      response: templateSummarySchema,
      handler: async ({ params }) => summarise(params.industry),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/template-applications',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Create posts, evaluated risks, measures and inspection items from a template, in one transaction',
      tags,
      body: templateApplicationInputSchema,
      response: templateApplicationResultSchema,
      handler: async ({ auth, body }) =>
        applyTemplate(deps, org, { userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId }, body),
    }),
  ];
}
