import type { AppDeps } from '../../app-deps.js';
import {
  accidentCorrectionSchema,
  accidentDetailDtoSchema,
  accidentDtoSchema,
  accidentIndicatorsDtoSchema,
  accidentIndicatorsQuerySchema,
  accidentInputSchema,
  accidentListQuerySchema,
} from '../../../schemas/accidents.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { accidentIndicators, correctAccident, getAccident, pageAccidents, registerAccident } from './accidents.service.js';

const tags = ['accidents'];

/** 事故事件台账: read by everyone of the enterprise (and its regulator), written by its managers. */
export function accidentRoutes(deps: AppDeps): AnyRouteDef[] {
  const { db } = deps;
  const correction = lateBody(accidentCorrectionSchema);
  const actorOf = (auth: Parameters<typeof requireTenant>[0]) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/accidents',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The accident and incident register: current entries, newest first (paged, filterable)',
      tags,
      query: accidentListQuerySchema,
      response: pageSchema(accidentDtoSchema),
      handler: async ({ auth, query, locale }) => pageAccidents(db, requireTenant(auth).enterpriseId, query, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/accident-indicators',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Accident figures of a period and per year (near misses apart, corrections applied, void entries left out)',
      tags,
      query: accidentIndicatorsQuerySchema,
      response: accidentIndicatorsDtoSchema,
      handler: async ({ auth, query }) => accidentIndicators(db, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/accidents/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One entry with every revision (corrections never overwrite)',
      tags,
      params: idParamsSchema,
      response: accidentDetailDtoSchema,
      handler: async ({ auth, params, locale }) => getAccident(db, requireTenant(auth).enterpriseId, params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/accidents',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Register an accident or near miss; the risks of its post, area and equipment are re-evaluated (seed 001 第七条)',
      tags,
      body: accidentInputSchema,
      response: accidentDetailDtoSchema,
      handler: async ({ auth, body, locale }) => registerAccident(deps, actorOf(auth), body, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/accidents/:id/corrections',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Correct an entry: a new revision with the reason (the original stays); the affected risks are re-evaluated',
      tags,
      params: idParamsSchema,
      body: correction.body,
      response: accidentDetailDtoSchema,
      handler: async (ctx) => {
        await getAccident(db, requireTenant(ctx.auth).enterpriseId, ctx.params.id, ctx.locale);
        return correctAccident(deps, actorOf(ctx.auth), ctx.params.id, correction.parse(ctx), ctx.locale);
      },
    }),
  ];
}
