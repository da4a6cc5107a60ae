import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import { allRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import {
  hazardCreatedSchema,
  hazardDetailSchema,
  hazardListQuerySchema,
  hazardReportInputSchema,
  hazardSchema,
  hazardStatisticsQuerySchema,
  hazardStatisticsSchema,
} from '../../../schemas/hazards.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { createHazardInTransaction } from './hazard-intake.service.js';
import { getClosureNotice } from './hazard-notice.service.js';
import { correctHazard } from './hazard-corrections.service.js';
import { lateBody } from '../../platform/http/late-body.js';
import { closureNoticeQuerySchema, closureNoticeSchema, hazardCorrectionInputSchema, hazardReporterRoles } from '../../../schemas/hazards.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { getHazardDetail, type HazardViewer, listHazards } from './hazard-read.service.js';
import { buildBureauReport, buildLedger, buildResultReport, getHazardStatistics } from './hazard-reports.service.js';

const tags = ['hazards'];
const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const viewerOf = (auth: AuthContext | null): HazardViewer => ({ userId: requireUser(auth).userId, role: requireTenant(auth).role });

export function hazardRoutes(deps: AppDeps): AnyRouteDef[] {
  const correction = lateBody(hazardCorrectionInputSchema);
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/hazards/:id/corrections',
      access: { kind: 'tenant', roles: ['safety_manager', 'principal'] },
      summary: "Correct a hazard's wrong field (description, post, area): a new entry in its history — who, when, why, old → new; the original stays",
      tags,
      params: idParamsSchema,
      body: correction.body,
      response: hazardDetailSchema,
      successStatus: 200,
      handler: async (ctx) => {
        const enterpriseId = requireTenant(ctx.auth).enterpriseId;
        await getHazardDetail(deps.db, enterpriseId, ctx.params.id, deps.clock.now(), viewerOf(ctx.auth));
        await correctHazard(deps, { userId: requireUser(ctx.auth).userId, enterpriseId }, ctx.params.id, correction.parse(ctx));
        return getHazardDetail(deps.db, enterpriseId, ctx.params.id, deps.clock.now(), viewerOf(ctx.auth));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/hazard-closure-notices',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Published closures (seed 001 Art. 18) of a post or an area, newest first: what, when closed, the result',
      tags,
      query: closureNoticeQuerySchema,
      response: closureNoticeSchema,
      handler: async ({ auth, query }) => getClosureNotice(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/hazards',
      access: { kind: 'tenant', roles: hazardReporterRoles },
      summary: 'Report a hazard ad hoc ("see it, report it"); a replayed clientId is applied once',
      tags,
      body: hazardReportInputSchema,
      response: hazardCreatedSchema,
      handler: async ({ auth, body, reply }) => {
        const actor = { userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId, personId: requireUser(auth).personId };
        const r = await withTransaction(deps.db, (trx) => createHazardInTransaction(deps, trx, actor, { ...body, source: 'adhoc' }));
        reply.status(r.isNew ? 201 : 200);
        return { id: r.hazardId, isNew: r.isNew };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/hazards',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Hazards with filters (status, grade, post, area, overdue, from/to, q), newest first, keyset-paged',
      tags,
      query: hazardListQuerySchema,
      response: z.object({ items: z.array(hazardSchema), nextCursor: z.string().nullable() }),
      handler: async ({ auth, query }) => listHazards(deps, requireTenant(auth).enterpriseId, query, viewerOf(auth)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/hazards/ledger.xlsx',
      access: { kind: 'tenant', roles: allRoles },
      summary: '隐患台账 as .xlsx, with the same filters as the list',
      tags,
      query: hazardListQuerySchema,
      produces: xlsxMime,
      handler: async ({ auth, query, reply }) => {
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('隐患台账.xlsx')}`);
        return buildLedger(deps, requireTenant(auth).enterpriseId, query, viewerOf(auth));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/hazard-statistics',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Quarterly or yearly hazard statistics in the shape of 16号令 Art. 14, with the report due date and rates',
      tags,
      query: hazardStatisticsQuerySchema,
      response: hazardStatisticsSchema,
      handler: async ({ auth, query }) => getHazardStatistics(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/hazards/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One hazard with its events, plans and stop-work records',
      tags,
      params: idParamsSchema,
      response: hazardDetailSchema,
      handler: async ({ auth, params }) => getHazardDetail(deps.db, requireTenant(auth).enterpriseId, params.id, deps.clock.now(), viewerOf(auth)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/hazards/:id/bureau-report.docx',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager', 'consultant', 'regulator'] },
      summary: 'Report of a major hazard to the county emergency-management bureau (.docx, three sections)',
      tags,
      params: idParamsSchema,
      produces: docxMime,
      handler: async ({ auth, params }) => buildBureauReport(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/hazards/:id/result-report.docx',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager', 'consultant', 'regulator'] },
      summary: "A major hazard's remediation result report (.docx), after acceptance",
      tags,
      params: idParamsSchema,
      produces: docxMime,
      handler: async ({ auth, params }) => buildResultReport(deps, requireTenant(auth).enterpriseId, params.id),
    }),
  ];
}
