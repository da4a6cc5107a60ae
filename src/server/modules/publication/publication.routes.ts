import { z } from 'zod';
import { lateBody } from '../../platform/http/late-body.js';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import {
  floorPlanInfoSchema,
  mapPolygonInputSchema,
  noticeBoardSchema,
  postEmergencyInputSchema,
  publicationSettingsInputSchema,
  publicationSettingsSchema,
  riskCardSchema,
  riskMapSchema,
} from '../../../schemas/publication.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import {
  getNoticeBoard,
  getPublicationSettings,
  getRiskCard,
  type PublicationActor,
  setPostEmergencyActions,
  setPublicationSettings,
} from './risk-card.service.js';
import { getRiskMap, readFloorPlan, setAreaPolygon, uploadFloorPlan } from './risk-map.service.js';

const tags = ['publication'];
const actorOf = (auth: Parameters<typeof requireTenant>[0]): PublicationActor => ({
  userId: requireUser(auth).userId,
  enterpriseId: requireTenant(auth).enterpriseId,
});

export function publicationRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/posts/:id/risk-card',
      access: { kind: 'tenant', roles: allRoles },
      summary: '岗位安全风险告知卡: the post risk notification card (seed 001 Art. 11)',
      tags,
      params: idParamsSchema,
      response: riskCardSchema,
      handler: async ({ auth, params }) => getRiskCard(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/posts/:id/emergency-actions',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "Set the emergency actions printed on the post's card (one per line)",
      tags,
      params: idParamsSchema,
      response: postEmergencyInputSchema,
      body: lateBody(postEmergencyInputSchema).body,
      // The body is parsed after the post is found, so another enterprise's post is 404 whatever is sent.
      handler: async ({ auth, params, request, locale }) => setPostEmergencyActions(deps, actorOf(auth), params.id, request.body, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/areas/:id/notice-board',
      access: { kind: 'tenant', roles: allRoles },
      summary: '风险公告栏: the notice board of an area holding 较大 or 重大 risks',
      tags,
      params: idParamsSchema,
      response: noticeBoardSchema,
      handler: async ({ auth, params }) => getNoticeBoard(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/areas/:id/map-polygon',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "Draw the area on the floor plan: points [[x, y], …] in 0..1, at least 3",
      tags,
      params: idParamsSchema,
      response: z.object({ areaId: z.string(), points: mapPolygonInputSchema.shape.points }),
      body: lateBody(mapPolygonInputSchema).body,
      handler: async ({ auth, params, request, locale }) => setAreaPolygon(deps, actorOf(auth), params.id, request.body, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/risk-map',
      access: { kind: 'tenant', roles: allRoles },
      summary: '四色图: areas with their polygons and the colour of their highest risk level',
      tags,
      response: riskMapSchema,
      handler: async ({ auth }) => getRiskMap(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/risk-map/floor-plan',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Upload the floor plan (raw image/png or image/jpeg body, at most 5 MB)',
      tags,
      consumes: 'image/png',
      response: floorPlanInfoSchema,
      handler: async ({ auth, request }) => uploadFloorPlan(deps, actorOf(auth), request.headers['content-type'], request.body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/risk-map/floor-plan',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The floor plan image',
      tags,
      produces: 'image/png',
      handler: async ({ auth, reply }) => {
        const plan = await readFloorPlan(deps, requireTenant(auth).enterpriseId);
        return reply.type(plan.mime).header('cache-control', 'private, no-cache').header('etag', `"${plan.sha256}"`).send(plan.content);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/publication-settings',
      access: { kind: 'tenant', roles: allRoles },
      summary: "The enterprise's own emergency phone printed on cards and boards",
      tags,
      response: publicationSettingsSchema,
      handler: async ({ auth }) => getPublicationSettings(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/publication-settings',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "Set the enterprise's own emergency phone",
      tags,
      body: publicationSettingsInputSchema,
      response: publicationSettingsSchema,
      handler: async ({ auth, body }) => setPublicationSettings(deps, actorOf(auth), body),
    }),
  ];
}
