import type { AppDeps } from '../../app-deps.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { anonymousReportInputSchema, hazardCreatedSchema, reportInfoSchema } from '../../../schemas/hazards.js';
import { attachmentDtoSchema, attachmentUploadQuerySchema } from '../../../schemas/inspections.js';
import { type AnyRouteDef, defineRoute } from '../../platform/http/route.js';
import { getReportInfo, reportAnonymously, uploadAnonymousPhoto } from './hazard-public.service.js';

const tags = ['hazards'];
/** Per client address and route: enough for a person reporting, too few to flood a safety manager. */
export const publicReportRateLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

/** The report page a post's QR code opens works without an account (issue 5 §4). */
export function hazardPublicRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/public/posts/:id/report-info',
      access: { kind: 'public' },
      summary: "The public report page's header: the post's and enterprise's names and whether anonymous reports are taken",
      tags,
      params: idParamsSchema,
      response: reportInfoSchema,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      handler: async ({ params }) => getReportInfo(deps, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/public/enterprises/:id/attachments',
      access: { kind: 'public' },
      summary: 'The photo of an anonymous report (raw image, at most 8 MB); resized, stamped 匿名上报, stored as JPEG',
      tags,
      consumes: 'image/jpeg',
      params: idParamsSchema,
      query: attachmentUploadQuerySchema,
      response: attachmentDtoSchema,
      config: publicReportRateLimit,
      handler: async ({ params, query, request }) => uploadAnonymousPhoto(deps, params.id, String(request.headers['content-type'] ?? ''), request.body, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/public/enterprises/:id/hazard-reports',
      access: { kind: 'public' },
      summary: 'Anonymous hazard report from the place QR page, when the enterprise allows it; waits for confirmation',
      tags,
      params: idParamsSchema,
      body: anonymousReportInputSchema,
      response: hazardCreatedSchema,
      config: publicReportRateLimit,
      handler: async ({ params, body, reply }) => {
        const r = await reportAnonymously(deps, params.id, body);
        reply.status(r.isNew ? 201 : 200);
        return { id: r.hazardId, isNew: r.isNew };
      },
    }),
  ];
}
