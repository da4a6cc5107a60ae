import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { lateListSchema, statisticsInboxSchema, statisticsSubmissionDtoSchema, statisticsSubmitSchema } from '../../../schemas/oversight-statistics.js';
import { inboxQuerySchema } from '../../../schemas/oversight.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { acknowledgeStatistics, listLate, listStatisticsInbox, listSubmissionsOfEnterprise, submitStatistics } from './statistics.service.js';

const tags = ['oversight'];

export function statisticsRoutes(deps: AppDeps): AnyRouteDef[] {
  const { db } = deps;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/statistics-submissions',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager'] },
      summary: "Submit a finished quarter's or year's hazard statistics to the bureau (16号令 Art. 14; once per period)",
      tags,
      body: statisticsSubmitSchema,
      response: statisticsSubmissionDtoSchema,
      handler: async ({ auth, body }) => submitStatistics(deps, { userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId }, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/statistics-submissions',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "The active enterprise's submitted statistics",
      tags,
      response: z.object({ items: z.array(statisticsSubmissionDtoSchema) }),
      handler: async ({ auth }) => ({ items: await listSubmissionsOfEnterprise(db, requireTenant(auth).enterpriseId, requireUser(auth).userId) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/statistics',
      access: { kind: 'user' },
      summary: "The regulator's inbox of submitted statistics (its jurisdiction and linked enterprises)",
      tags,
      query: inboxQuerySchema,
      response: statisticsInboxSchema,
      handler: async ({ auth, query }) => listStatisticsInbox(db, requireUser(auth).userId, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/oversight/statistics/:id/acknowledge',
      access: { kind: 'user' },
      summary: 'Acknowledge a submission (once; again is harmless)',
      tags,
      params: idParamsSchema,
      response: statisticsSubmissionDtoSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => acknowledgeStatistics(deps, requireUser(auth).userId, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/oversight/statistics/late',
      access: { kind: 'user' },
      summary: "Who is late: the jurisdiction's enterprises that had not submitted a period past its due date",
      tags,
      response: lateListSchema,
      handler: async ({ auth }) => listLate(deps, requireUser(auth).userId),
    }),
  ];
}
