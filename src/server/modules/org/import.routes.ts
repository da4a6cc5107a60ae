import type { AppDeps } from '../../app-deps.js';
import { managerRoles } from '../../../schemas/auth.js';
import { importResultSchema } from '../../../schemas/org.js';
import { AppError } from '../../platform/http/app-error.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { buildImportTemplate, importPostsAndPeople } from './import.service.js';
import type { OrgServices } from './org.routes.js';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importRoutes(deps: AppDeps, org: OrgServices): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/imports/posts-people/template.xlsx',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'The .xlsx template for importing posts and people',
      tags: ['org'],
      produces: xlsx,
      handler: async ({ reply }) => {
        reply.header('content-disposition', `attachment; filename="posts-people-template.xlsx"; filename*=UTF-8''${encodeURIComponent('岗位人员导入模板.xlsx')}`);
        return buildImportTemplate();
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/imports/posts-people',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Import posts and people from the filled template (all rows or none)',
      tags: ['org'],
      consumes: xlsx,
      response: importResultSchema,
      handler: async ({ auth, request, locale }) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) throw new AppError('BAD_REQUEST', { detail: `Content-Type must be ${xlsx}` });
        return importPostsAndPeople(deps, org, { userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId }, body, locale);
      },
    }),
  ];
}
