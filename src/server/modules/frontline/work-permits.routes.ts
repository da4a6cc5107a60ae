import type { AppDeps } from '../../app-deps.js';
import { lateBody } from '../../platform/http/late-body.js';
import { allRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import {
  cancelPermitInputSchema,
  gasReadingInputSchema,
  permitListQuerySchema,
  permitPrefillQuerySchema,
  permitPrefillSchema,
  preworkInputSchema,
  workPermitDetailSchema,
  workPermitInputSchema,
  workPermitSchema,
} from '../../../schemas/work-permits.js';
import { z } from 'zod';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { notFound } from '../../platform/http/app-error.js';
import { parseOrThrow } from '../../platform/http/validation.js';
import './work-permit-sign-off.js';
import { findPermit } from './work-permits.repository.js';
import { xlsxMime } from '../../platform/exports/xlsx-builder.js';
import { addGasReading, buildPreworkWorkbook, cancelPermit, createPermit, getPermitDetail, listPermitsFor, type PermitActor, permitManagerRoles, prefillPermit, recordPrework, startPermit } from './work-permits.service.js';

const tags = ['frontline'];
/** Everyone on site: a worker ticks their own 一备三查, a tester may be a worker. */
const onSiteRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker'] as const;

async function requirePermit(deps: AppDeps, auth: Parameters<typeof requireTenant>[0], id: string): Promise<void> {
  if (!(await findPermit(deps.db, requireTenant(auth).enterpriseId, id))) throw notFound('work_permit');
}

const actorOf = (auth: Parameters<typeof requireTenant>[0]): PermitActor => {
  const tenant = requireTenant(auth);
  return { userId: requireUser(auth).userId, enterpriseId: tenant.enterpriseId, role: tenant.role };
};

export function workPermitRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/work-permits',
      access: { kind: 'tenant', roles: permitManagerRoles },
      summary: 'Issue a hazardous-work permit (GB 30871 types + 检维修): content, place, window, workers, guardian, approver, risks, accident types (seed 003 numbering), measures',
      tags,
      body: workPermitInputSchema,
      response: workPermitDetailSchema,
      handler: async ({ auth, body, locale }) => createPermit(deps, actorOf(auth), body, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/work-permits',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Permits, newest first, keyset-paged (status; mine=true: where the caller is listed, looked for in the next 200 permits)',
      tags,
      query: permitListQuerySchema,
      response: z.object({ items: z.array(workPermitSchema), nextCursor: z.string().nullable() }),
      handler: async ({ auth, query, locale }) => listPermitsFor(deps, actorOf(auth), query, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/work-permit-prefill',
      access: { kind: 'tenant', roles: allRoles },
      summary: "A new permit's risks, accident types and measures pre-filled from the post's and area's risks (non-routine first)",
      tags,
      query: permitPrefillQuerySchema,
      response: permitPrefillSchema,
      handler: async ({ auth, query }) => prefillPermit(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/work-permits/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One permit with its 一备三查 per worker, gas readings, measures, certificates and what still blocks the start',
      tags,
      params: idParamsSchema,
      response: workPermitDetailSchema,
      handler: async ({ auth, params, locale }) => getPermitDetail(deps, requireTenant(auth), params.id, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/work-permits/:id/prework.xlsx',
      access: { kind: 'tenant', roles: allRoles },
      summary: "Seed 003 附件2 of the permit as .xlsx: the seed's row titles, each worker's four checks and signature",
      tags,
      params: idParamsSchema,
      produces: xlsxMime,
      handler: async ({ auth, params, reply }) => {
        const buffer = await buildPreworkWorkbook(deps, requireTenant(auth).enterpriseId, params.id);
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('一备三查表.xlsx')}`);
        return buffer;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/work-permits/:id/gas-readings',
      access: { kind: 'tenant', roles: onSiteRoles },
      summary: 'Record a gas test reading (body: point, substance, value, unit, isPass, measuredAt, testerPersonId); insert-only',
      tags,
      params: idParamsSchema,
      response: workPermitDetailSchema,
      body: lateBody(gasReadingInputSchema).body,
      // The body is parsed after the permit is found: another enterprise's id is a 404 whatever the body.
      handler: async ({ auth, params, request, locale }) => {
        await requirePermit(deps, auth, params.id);
        return addGasReading(deps, actorOf(auth), params.id, parseOrThrow(gasReadingInputSchema, request.body ?? {}, locale), locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/work-permits/:id/prework',
      access: { kind: 'tenant', roles: onSiteRoles },
      summary: "A worker's 一备三查 ticks (body: personId, checks, note; insert-only, the latest counts); the signature goes through /api/v1/sign-offs (role 'prework')",
      tags,
      params: idParamsSchema,
      response: workPermitDetailSchema,
      body: lateBody(preworkInputSchema).body,
      // The body is parsed after the permit is found: another enterprise's id is a 404 whatever the body.
      handler: async ({ auth, params, request, locale }) => {
        await requirePermit(deps, auth, params.id);
        return recordPrework(deps, actorOf(auth), params.id, parseOrThrow(preworkInputSchema, request.body ?? {}, locale), locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/work-permits/:id/start',
      access: { kind: 'tenant', roles: onSiteRoles },
      summary: 'Start the work now; 409 listing every blocker (a worker unsigned, a check missing, the approver, the window, the gas reading)',
      tags,
      params: idParamsSchema,
      response: workPermitDetailSchema,
      successStatus: 200,
      handler: async ({ auth, params, locale }) => startPermit(deps, actorOf(auth), params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/work-permits/:id/cancel',
      access: { kind: 'tenant', roles: permitManagerRoles },
      summary: 'Cancel (作废) an issued or running permit (body: reason); a correction is a new permit',
      tags,
      params: idParamsSchema,
      response: workPermitDetailSchema,
      successStatus: 200,
      body: lateBody(cancelPermitInputSchema).body,
      handler: async ({ auth, params, request, locale }) => {
        await requirePermit(deps, auth, params.id);
        return cancelPermit(deps, actorOf(auth), params.id, parseOrThrow(cancelPermitInputSchema, request.body ?? {}, locale).reason, locale);
      },
    }),
  ];
}
