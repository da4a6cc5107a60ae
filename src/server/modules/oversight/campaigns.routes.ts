import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { campaignDtoSchema, campaignInputSchema, campaignProgressQuerySchema, campaignProgressSchema, countySheetSummarySchema, enterpriseCampaignSchema } from '../../../schemas/oversight-campaigns.js';
import { scoreSheetSchema, sheetImportQuerySchema } from '../../../schemas/standardization.js';
import { xlsxMime } from '../../platform/exports/xlsx-builder.js';
import { AppError } from '../../platform/http/app-error.js';
import { buildSheetTemplate } from '../standardization/score-sheet-import.js';
import { importCountySheet, listCountySheets } from './county-sheets.service.js';
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
      query: campaignProgressQuerySchema,
      response: campaignProgressSchema,
      handler: async ({ auth, params, query }) => campaignProgress(deps, requireUser(auth).userId, params.id, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/score-sheets',
      access: user,
      summary: "The county's own scoring sheets for its campaigns (the starter sheet is always offered besides)",
      tags,
      response: z.array(countySheetSummarySchema),
      handler: async ({ auth }) => listCountySheets(deps, requireUser(auth).userId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/score-sheets/template.xlsx',
      access: user,
      summary: 'The .xlsx template for a county scoring sheet: the same layout enterprises import (the starter sheet filled in)',
      tags,
      produces: xlsxMime,
      handler: async ({ reply }) => {
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('评分表导入模板.xlsx')}`);
        return buildSheetTemplate();
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/oversight/score-sheets',
      access: user,
      summary: 'The county (not a town) imports a scoring sheet from .xlsx (?name=…&totalPoints=…); all rows or none, errors name the row and column',
      tags,
      consumes: xlsxMime,
      query: sheetImportQuerySchema,
      response: scoreSheetSchema,
      handler: async ({ auth, request, query, locale }) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('BAD_REQUEST', { detail: `Content-Type must be ${xlsxMime}` });
        return importCountySheet(deps, requireUser(auth).userId, request.body, query, locale);
      },
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
