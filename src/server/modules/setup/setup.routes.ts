import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { meSchema } from '../../../schemas/auth.js';
import { setupInputSchema, setupStatusSchema } from '../../../schemas/accounts.js';
import { regions, source as regionSource } from '../../../reference/regions.js';
import { type AnyRouteDef, defineRoute } from '../../platform/http/route.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import * as auth from '../auth/auth.service.js';
import * as service from './setup.service.js';

const tags = ['setup'];

export function setupRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/setup',
      access: { kind: 'public' },
      summary: 'Whether the first-run set-up is still open (no enterprise and no user yet)',
      tags,
      response: setupStatusSchema,
      handler: async () => ({ isSetupNeeded: await service.isSetupNeeded(deps) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/setup',
      access: { kind: 'public' },
      summary: 'First-run set-up: the first enterprise and its first login, signed in; 409 once done',
      tags,
      body: setupInputSchema,
      response: meSchema,
      config: { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' } },
      handler: async ({ body, request, reply }) => {
        const result = await service.runSetup(deps, body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
        return auth.getMe(deps, await setSessionCookie(deps, reply, result));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/public/regions',
      access: { kind: 'public' },
      summary: 'Province → city → county list for the region picker ([code, name, children]), with its source',
      tags,
      response: z.object({ source: z.unknown(), items: z.unknown() }),
      handler: async ({ reply }) => {
        reply.header('cache-control', 'public, max-age=86400');
        return { source: regionSource, items: regions };
      },
    }),
  ];
}
