import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { campaignDtoSchema, campaignInputSchema, campaignProgressSchema, enterpriseCampaignSchema } from '../../../schemas/oversight-campaigns.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { standardizationReaders } from '../standardization/standardization.routes.js';
import { campaignProgress, campaignsOfEnterprise, createCampaign, listCampaigns } from './campaigns.service.js';

const tags = ['oversight'];

export function campaignRoutes(deps: AppDeps): AnyRouteDef[] {
  const user = { kind: 'user' } as const;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/campaigns',
      access: user,
      summary: "The county's self-assessment campaigns (a town user: those covering its town)",
      tags,
      response: z.object({ items: z.array(campaignDtoSchema) }),
      handler: async ({ auth }) => listCampaigns(deps, requireUser(auth).userId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/oversight/campaigns',
      access: user,
      summary: 'The county creates a self-assessment campaign: a scoring sheet, a deadline, the towns it covers (none = all)',
      tags,
      body: campaignInputSchema,
      response: campaignDtoSchema,
      handler: async ({ auth, body }) => createCampaign(deps, requireUser(auth).userId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/campaigns/:id/progress',
      access: user,
      summary: "A campaign's progress per town and per enterprise of the caller's jurisdiction",
      tags,
      params: idParamsSchema,
      response: campaignProgressSchema,
      handler: async ({ auth, params }) => campaignProgress(deps, requireUser(auth).userId, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/standardization/campaigns',
      access: { kind: 'tenant', roles: standardizationReaders },
      summary: "The county's self-assessment campaigns covering the enterprise, with its status in each",
      tags: ['standardization'],
      response: z.object({ items: z.array(enterpriseCampaignSchema) }),
      handler: async ({ auth }) => ({ items: (await campaignsOfEnterprise(deps, requireTenant(auth).enterpriseId)).map(({ timeZone: _tz, ...c }) => c) }),
    }),
  ];
}
