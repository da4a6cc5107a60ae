import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { attachmentDtoSchema, attachmentUploadQuerySchema } from '../../../schemas/inspections.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { readPhoto, uploadPhoto } from './attachments.service.js';
import { submitterRoles } from './inspections.policy.js';

const tags = ['inspections'];

export function attachmentRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/attachments',
      access: { kind: 'tenant', roles: submitterRoles },
      summary: 'Upload a photo (raw image/jpeg, image/png or image/webp body, at most 8 MB); resized, stamped, stored as JPEG',
      tags,
      consumes: 'image/jpeg',
      query: attachmentUploadQuerySchema,
      response: attachmentDtoSchema,
      handler: async ({ auth, query, request }) => {
        const user = requireUser(auth);
        const actor = { userId: user.userId, displayName: user.displayName, enterpriseId: requireTenant(auth).enterpriseId };
        return uploadPhoto(deps, actor, String(request.headers['content-type'] ?? ''), request.body, query);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/attachments/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The stamped photo (image/jpeg), or a drawn signature of a sign-off (image/png)',
      tags,
      params: idParamsSchema,
      produces: 'image/jpeg',
      handler: async ({ auth, params, reply }) => {
        const photo = await readPhoto(deps, requireTenant(auth).enterpriseId, params.id);
        reply.header('cache-control', 'private, max-age=31536000, immutable');
        reply.header('etag', `"${photo.sha256}"`);
        reply.type(photo.mime); // photos are JPEG; drawn signatures (sign-offs) are PNG
        return photo.data;
      },
    }),
  ];
}
