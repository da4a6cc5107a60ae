import type { AppDeps } from '../../app-deps.js';
import { appraisalQuerySchema, appraisalSchema } from '../../../schemas/appraisal.js';
import { xlsxMime } from '../../platform/exports/xlsx-builder.js';
import { type AnyRouteDef, defineRoute, requireTenant } from '../../platform/http/route.js';
import { appraisal, buildAppraisalWorkbook } from './appraisal.service.js';

const tags = ['improvement'];
/** The appraisal is the managers' (reward and penalty scheme) and the department heads'. */
const roles = ['principal', 'safety_manager', 'dept_head', 'consultant'] as const;

export function appraisalRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/appraisal',
      access: { kind: 'tenant', roles },
      summary: 'Appraisal figures per person, post and department for a period (seed 001 第二十一条)',
      tags,
      query: appraisalQuerySchema,
      response: appraisalSchema,
      handler: async ({ auth, query }) => appraisal(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/appraisal.xlsx',
      access: { kind: 'tenant', roles },
      summary: 'The appraisal figures as .xlsx (one sheet per person, post, department)',
      tags,
      query: appraisalQuerySchema,
      produces: xlsxMime,
      handler: async ({ auth, query, locale }) => buildAppraisalWorkbook(deps, requireTenant(auth).enterpriseId, query, locale),
    }),
  ];
}
