import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, enterpriseRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import { enterpriseMemberDtoSchema, enterpriseRegistrationSchema } from '../../../schemas/accounts.js';
import { enterpriseDtoSchema, enterpriseListQuerySchema, enterpriseUpdateSchema } from '../../../schemas/org.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import * as service from './enterprise.service.js';
import { exportEnterprise } from './enterprise-export.service.js';

const tags = ['enterprise'];
export const linkMemberSchema = z.strictObject({ username: z.string().trim().min(1).max(64), role: z.enum(enterpriseRoles) });

export function enterpriseRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/enterprises',
      access: { kind: 'user' },
      summary: 'Enterprises the caller may work in (all of them for the administrator, a page at a time in name order)',
      tags,
      query: enterpriseListQuerySchema,
      response: pageSchema(enterpriseDtoSchema),
      handler: async ({ auth, query }) => service.listEnterprises(deps, requireUser(auth), query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/enterprises',
      access: { kind: 'user' },
      summary: 'Register an enterprise (administrator or consultant), optionally with its first login (principal or safety manager)',
      tags,
      body: enterpriseRegistrationSchema,
      response: enterpriseDtoSchema,
      handler: async ({ auth, body }) => {
        const { firstLogin, ...enterprise } = body;
        return service.createEnterprise(deps, requireUser(auth), enterprise, { firstLogin });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/enterprises/current',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The active enterprise',
      tags,
      response: enterpriseDtoSchema,
      handler: async ({ auth }) => service.getEnterprise(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/enterprises/current',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Update the active enterprise (size class is recomputed)',
      tags,
      body: enterpriseUpdateSchema,
      response: enterpriseDtoSchema,
      handler: async ({ auth, body }) =>
        service.updateEnterprise(deps, { userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId }, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/enterprises/current/export.zip',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager'] },
      summary: "The enterprise's whole data as one .zip: ledgers and lists (.xlsx), every record (JSON), its files — what it takes along when it leaves",
      tags,
      produces: 'application/zip',
      handler: async ({ auth, request, reply, locale }) => {
        const tenant = requireTenant(auth);
        const day = deps.clock.now().toISOString().slice(0, 10);
        reply.header('content-disposition', `attachment; filename="enterprise-export-${day}.zip"; filename*=UTF-8''${encodeURIComponent(`企业数据导出-${day}.zip`)}`);
        return exportEnterprise(deps, request.server, { userId: requireUser(auth).userId, enterpriseId: tenant.enterpriseId, cookie: String(request.headers.cookie ?? ''), locale });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/enterprises/:id/members',
      access: { kind: 'admin' },
      summary: 'Link a user to an enterprise with a role (consultants, regulators)',
      tags,
      params: idParamsSchema,
      body: linkMemberSchema,
      handler: async ({ auth, params, body }) => {
        await service.linkMember(deps, requireUser(auth), params.id, body);
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/enterprises/:id/members',
      access: { kind: 'admin' },
      summary: 'Logins linked to an enterprise and their roles (the administrator links consultants and regulators)',
      tags,
      params: idParamsSchema,
      response: z.object({ items: z.array(enterpriseMemberDtoSchema) }),
      handler: async ({ params }) => ({ items: await service.listMembers(deps, params.id) }),
    }),
  ];
}
