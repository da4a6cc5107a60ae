import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { postReidentificationSchema, reidentificationInputSchema, riskSettingsDtoSchema, riskSettingsSchema } from '../../../schemas/reidentification.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { getPostReidentification, getRiskSettings, putRiskSettings, recordReidentification } from './reidentification.service.js';

const tags = ['risks'];
/** Who records that a post's risks were identified again: managers and the department heads who lead it. */
const recorderRoles = ['principal', 'safety_manager', 'consultant', 'dept_head'] as const;

export function reidentificationRoutes(deps: AppDeps): AnyRouteDef[] {
  const record = lateBody(reidentificationInputSchema);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/risk-settings',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The risk settings of the enterprise: months between periodic re-identifications of a post (default 12, not from the seeds)',
      tags,
      response: riskSettingsDtoSchema,
      handler: async ({ auth }) => getRiskSettings(deps.db, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/risk-settings',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager'] },
      summary: 'Set the months between periodic re-identifications (1–36)',
      tags,
      body: riskSettingsSchema,
      response: riskSettingsDtoSchema,
      handler: async ({ auth, body }) => putRiskSettings(deps, { userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId }, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/posts/:id/reidentification',
      access: { kind: 'tenant', roles: allRoles },
      summary: "A post's periodic re-identification: period, first identification, last one recorded, next due day, history",
      tags,
      params: idParamsSchema,
      response: postReidentificationSchema,
      handler: async ({ auth, params }) => getPostReidentification(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/posts/:id/reidentifications',
      access: { kind: 'tenant', roles: recorderRoles },
      summary: "Record that the post's risks were identified again (doneOn, doneByPersonId, note); the next due day starts from it",
      tags,
      params: idParamsSchema,
      body: record.body,
      response: postReidentificationSchema,
      handler: async (ctx) => {
        const enterpriseId = requireTenant(ctx.auth).enterpriseId;
        await getPostReidentification(deps, enterpriseId, ctx.params.id);
        return recordReidentification(deps, { userId: requireUser(ctx.auth).userId, enterpriseId }, ctx.params.id, record.parse(ctx));
      },
    }),
  ];
}
