import type { AppDeps } from '../../app-deps.js';
import { pageSchema } from '../../../schemas/common.js';
import { auditEntryDtoSchema, auditQuerySchema } from '../../../schemas/org.js';
import { type AnyRouteDef, defineRoute, requireTenant } from '../../platform/http/route.js';
import { listAudit } from './audit.service.js';

export function auditRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/audit-log',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager'] },
      summary: 'The audit log of the active enterprise, newest first, with filters',
      tags: ['audit'],
      query: auditQuerySchema,
      response: pageSchema(auditEntryDtoSchema),
      handler: async ({ auth, query }) => listAudit(deps.db, requireTenant(auth).enterpriseId, query),
    }),
  ];
}
