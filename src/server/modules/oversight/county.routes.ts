import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { idParamsSchema } from '../../../schemas/common.js';
import {
  countyEnterpriseDetailSchema,
  countyEnterpriseDtoSchema,
  countyListQuerySchema,
  countyPageSchema,
  demonstrationInputSchema,
  enterpriseTownInputSchema,
  jurisdictionDtoSchema,
  jurisdictionInputSchema,
  jurisdictionItemSchema,
  regulatorAccountInputSchema,
  supervisionRulesDtoSchema,
  supervisionRulesSchema,
  townDtoSchema,
  townInputSchema,
} from '../../../schemas/oversight-county.js';
import { xlsxMime } from '../../platform/exports/xlsx-builder.js';
import { type AnyRouteDef, defineRoute, requireUser } from '../../platform/http/route.js';
import { buildCountyWorkbook } from './county-export.service.js';
import {
  assignTown,
  countyScopeOf,
  getCountyEnterprise,
  listAllInScope,
  listCounty,
  putJurisdiction,
  refreshMyCounty,
  scopeOf,
  setDemonstration,
  toCountyDto,
} from './county.service.js';
import { createRegulatorAccount, createTownFor, listJurisdictions, listTownsFor } from './jurisdictions.service.js';
import { getRulesDto, priorityFilter, putRules, rulesOfCounty } from './supervision.service.js';

const tags = ['oversight'];
const callerOf = (auth: Parameters<typeof requireUser>[0]) => ({ userId: requireUser(auth).userId, isAdmin: requireUser(auth).isAdmin });
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export function countyRoutes(deps: AppDeps): AnyRouteDef[] {
  const { db } = deps;
  const user = { kind: 'user' } as const;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/county',
      access: user,
      summary: "The regulator's jurisdiction (county, or its town) on one page: precomputed figures, filterable and sortable, keyset-paged",
      tags,
      query: countyListQuerySchema,
      response: countyPageSchema,
      handler: async ({ auth, query }) => listCounty(deps, requireUser(auth).userId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/county.xlsx',
      access: user,
      summary: 'The county list under the same filters and sort, as .xlsx',
      tags,
      query: countyListQuerySchema,
      produces: xlsxMime,
      handler: async ({ auth, query, reply, locale }) => {
        const out = await buildCountyWorkbook(deps, requireUser(auth).userId, query, locale);
        reply.header('content-disposition', attachment(out.fileName));
        // The sheet says it too; this is for a client that reads headers.
        if (out.truncatedAt !== null) reply.header('x-truncated-at', String(out.truncatedAt));
        return out.buffer;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/oversight/county/refresh',
      access: user,
      summary: "Recompute now the figures of the jurisdiction's enterprises that changed (the scheduled job does it every 5 minutes)",
      tags,
      response: z.object({ refreshed: z.number() }),
      successStatus: 200,
      handler: async ({ auth }) => refreshMyCounty(deps, requireUser(auth).userId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/county/enterprises/:id',
      access: user,
      summary: 'One enterprise of the jurisdiction, read-only, with the reasons of its supervision grade',
      tags,
      params: idParamsSchema,
      response: countyEnterpriseDetailSchema,
      handler: async ({ auth, params }) => getCountyEnterprise(deps, requireUser(auth).userId, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/oversight/county/enterprises/:id/town',
      access: user,
      summary: 'The county places one of its enterprises under a town (乡镇/街道), or none',
      tags,
      params: idParamsSchema,
      body: enterpriseTownInputSchema,
      response: countyEnterpriseDetailSchema,
      handler: async ({ auth, params, body }) => assignTown(deps, requireUser(auth).userId, params.id, body.townCode),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/oversight/county/enterprises/:id/demonstration',
      access: user,
      summary: 'The county marks a demonstration enterprise (示范企业)',
      tags,
      params: idParamsSchema,
      body: demonstrationInputSchema,
      response: countyEnterpriseDetailSchema,
      handler: async ({ auth, params, body }) => setDemonstration(deps, requireUser(auth).userId, params.id, body.isDemonstration),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/towns',
      access: user,
      summary: "The towns of the caller's county (a town user: its own); the administrator names the county",
      tags,
      query: z.object({ countyCode: z.string().trim().regex(/^\d{6}$/).optional() }),
      response: z.object({ items: z.array(townDtoSchema) }),
      handler: async ({ auth, query }) => listTownsFor(deps, callerOf(auth), query.countyCode),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/oversight/towns',
      access: user,
      summary: 'The county defines a town under itself (9-digit code); the administrator, under any county',
      tags,
      body: townInputSchema,
      response: townDtoSchema,
      handler: async ({ auth, body }) => createTownFor(deps, callerOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/jurisdictions',
      access: user,
      summary: "Regulators' logins and their jurisdictions: all for the administrator, the county's own for a county regulator",
      tags,
      response: z.object({ items: z.array(jurisdictionItemSchema) }),
      handler: async ({ auth }) => listJurisdictions(deps, callerOf(auth)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/oversight/regulator-accounts',
      access: user,
      summary: 'A new regulator login with its jurisdiction (one-time password): the administrator for any county or town, a county regulator for its towns',
      tags,
      body: regulatorAccountInputSchema,
      response: jurisdictionItemSchema,
      handler: async ({ auth, body }) => createRegulatorAccount(deps, callerOf(auth), body),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/oversight/jurisdictions',
      access: { kind: 'admin' },
      summary: "The administrator sets a regulator's jurisdiction: a county, or one of its towns",
      tags,
      body: jurisdictionInputSchema,
      response: jurisdictionDtoSchema,
      handler: async ({ auth, body }) => putJurisdiction(deps, requireUser(auth).userId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/supervision-rules',
      access: user,
      summary: "The county's differentiated-supervision rules (defaults until it tunes them; not from any seed)",
      tags,
      response: supervisionRulesDtoSchema,
      handler: async ({ auth }) => getRulesDto(db, (await scopeOf(db, requireUser(auth).userId)).countyCode),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/oversight/supervision-rules',
      access: user,
      summary: 'The county tunes its rules; the grades follow at the next refresh',
      tags,
      body: supervisionRulesSchema,
      response: supervisionRulesDtoSchema,
      handler: async ({ auth, body }) => {
        const userId = requireUser(auth).userId;
        return putRules(deps, userId, (await countyScopeOf(db, userId)).countyCode, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/county/priority',
      access: user,
      summary: "The month's inspection priority list: the enterprises due by their supervision grade, worst grade first",
      tags,
      query: z.object({ month: z.coerce.number().int().min(1).max(12) }),
      // truncatedAt: only that many enterprises of the jurisdiction, worst grade first, were considered.
      response: z.object({ month: z.number(), items: z.array(countyEnterpriseDtoSchema), truncatedAt: z.number().nullable() }),
      handler: async ({ auth, query }) => {
        const { scope, rows, truncatedAt } = await listAllInScope(deps, requireUser(auth).userId, { sort: 'supervisionGrade', order: 'desc' });
        const due = rows.filter(priorityFilter(await rulesOfCounty(db, scope.countyCode), query.month));
        return { month: query.month, items: due.map(toCountyDto), truncatedAt };
      },
    }),
  ];
}
