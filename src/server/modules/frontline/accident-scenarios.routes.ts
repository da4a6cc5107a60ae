import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import {
  accidentScenarioCreateSchema,
  accidentScenarioDetailSchema,
  accidentScenarioListQuerySchema,
  accidentScenarioListSchema,
  accidentScenarioUpdateSchema,
  scenarioHazardInputSchema,
} from '../../../schemas/accident-scenarios.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { xlsxMime } from '../../platform/exports/xlsx-builder.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import './accident-scenario-sign-off.js';
import {
  buildScenarioWorkbook,
  createScenario,
  findScenarioForRequest,
  getScenarioDetail,
  improvementToHazard,
  listScenarios,
  type ScenarioActor,
  scenarioEditorRoles,
  scenarioManagerRoles,
  scenarioRowTitles,
  updateScenario,
  yearOf,
} from './accident-scenarios.service.js';

const tags = ['frontline'];
const enterpriseOf = (auth: AuthContext | null) => requireTenant(auth).enterpriseId;
const actorOf = (auth: AuthContext | null): ScenarioActor => {
  const tenant = requireTenant(auth);
  return { userId: requireUser(auth).userId, enterpriseId: tenant.enterpriseId, role: tenant.role };
};

export function accidentScenarioRoutes(deps: AppDeps): AnyRouteDef[] {
  const update = lateBody(accidentScenarioUpdateSchema);
  const toHazard = lateBody(scenarioHazardInputSchema);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/accident-scenarios',
      access: { kind: 'tenant', roles: allRoles },
      summary: '岗位"事故假想" of a year (seed 003 附件1): every front-line post with its sheet, or null when not started',
      tags,
      query: accidentScenarioListQuerySchema,
      response: accidentScenarioListSchema,
      handler: async ({ auth, query }) => listScenarios(deps, enterpriseOf(auth), query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/accident-scenarios',
      access: { kind: 'tenant', roles: scenarioEditorRoles },
      summary: "Start a post's sheet of a year, pre-filled from its risks (accident types, measures as 防范检查要求) and emergency actions; one per post and year (409)",
      tags,
      body: accidentScenarioCreateSchema,
      response: accidentScenarioDetailSchema,
      handler: async ({ auth, body }) => createScenario(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/accident-scenarios.xlsx',
      access: { kind: 'tenant', roles: allRoles },
      summary: `${scenarioRowTitles.title} of every front-line post of the year as .xlsx, with the seed's row titles as columns`,
      tags,
      query: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      produces: xlsxMime,
      handler: async ({ auth, query, reply, locale }) => {
        const year = query.year ?? yearOf(deps.clock.now());
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`事故假想-${year}.xlsx`)}`);
        return buildScenarioWorkbook(deps, enterpriseOf(auth), year, locale);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/accident-scenarios/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: "One sheet: the five rows of 附件1, the post's workers and who signed this revision, the team leader's review, improvement items and their hazards",
      tags,
      params: idParamsSchema,
      response: accidentScenarioDetailSchema,
      handler: async ({ auth, params }) => getScenarioDetail(deps, enterpriseOf(auth), params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/accident-scenarios/:id',
      access: { kind: 'tenant', roles: scenarioEditorRoles },
      summary: 'Save the sheet (body names the revision it was edited from; an older one is 409) as a new revision: every signature is asked again',
      tags,
      params: idParamsSchema,
      body: update.body,
      response: accidentScenarioDetailSchema,
      handler: async (ctx) => {
        await findScenarioForRequest(deps, enterpriseOf(ctx.auth), ctx.params.id);
        return updateScenario(deps, actorOf(ctx.auth), ctx.params.id, update.parse(ctx));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/accident-scenarios/:id/hazards',
      access: { kind: 'tenant', roles: scenarioManagerRoles },
      summary: 'Turn one 存在问题改进措施 item (body: index) into a reported hazard of the post; a second tap returns the same hazard',
      tags,
      params: idParamsSchema,
      body: toHazard.body,
      response: accidentScenarioDetailSchema,
      successStatus: 200,
      handler: async (ctx) => {
        await findScenarioForRequest(deps, enterpriseOf(ctx.auth), ctx.params.id);
        return improvementToHazard(deps, actorOf(ctx.auth), ctx.params.id, toHazard.parse(ctx).index);
      },
    }),
  ];
}
