import type { AppDeps } from '../../app-deps.js';
import { monitoringTableQuerySchema, monitoringTableSchema } from '../../../schemas/monitoring.js';
import { type AnyRouteDef, defineRoute, requireTenant } from '../../platform/http/route.js';
import { createResourceService, resourceRoutes } from '../../platform/resource/tenant-resource.js';
import { monitoringItemSpec, monitoringTable } from './monitoring.service.js';

export function monitoringRoutes(deps: AppDeps): AnyRouteDef[] {
  const spec = monitoringItemSpec();
  return [
    ...resourceRoutes(spec, createResourceService(deps, spec)),
    defineRoute({
      method: 'GET',
      url: '/api/v1/monitoring-table',
      access: { kind: 'tenant', roles: spec.readRoles },
      summary: 'The measurement and monitoring table of a period: each plan line with its result from the records (seed 000 四(一))',
      tags: ['improvement'],
      query: monitoringTableQuerySchema,
      response: monitoringTableSchema,
      handler: async ({ auth, query, locale }) => monitoringTable(deps, requireTenant(auth).enterpriseId, query, locale),
    }),
  ];
}
