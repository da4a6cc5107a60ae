import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import {
  acceptInvitationSchema,
  badgeDtoSchema,
  badgeLoginSchema,
  badgeRequestSchema,
  bulkAccountsResultSchema,
  bulkAccountsSchema,
  deviceLoginSchema,
  deviceSessionDtoSchema,
  invitationInfoSchema,
  issuedCredentialSchema,
} from '../../../schemas/accounts.js';
import { meSchema } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import * as accounts from './accounts.service.js';
import * as auth from './auth.service.js';
import * as devices from './device-sessions.service.js';
import { setSessionCookie } from './session-cookie.js';

const tags = ['accounts'];
/** Issue 8 §2: the enterprise's principal and safety manager hand out its logins. */
const accountManagers = ['principal', 'safety_manager'] as const;
const tokenParamsSchema = z.strictObject({ token: z.string().trim().min(20).max(100) });

export function accountRoutes(deps: AppDeps): AnyRouteDef[] {
  const client = (request: { ip: string; headers: Record<string, unknown> }) => ({
    ip: request.ip,
    userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
  });
  const loginRate = { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' } };
  const actorOf = (ctx: Parameters<typeof requireUser>[0]) => ({ userId: requireUser(ctx).userId, enterpriseId: requireTenant(ctx).enterpriseId });
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/accounts/bulk',
      access: { kind: 'tenant', roles: accountManagers },
      summary: 'Create logins for selected people at once: one-time passwords or invitation links (all or nothing; people with a login are skipped)',
      tags,
      body: bulkAccountsSchema,
      response: bulkAccountsResultSchema,
      handler: async ({ auth: ctx, body }) => accounts.createAccountsForPeople(deps, actorOf(ctx), body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/accounts/:id/invitation',
      access: { kind: 'tenant', roles: accountManagers },
      summary: 'A new invitation link for a login of the enterprise (older links stop working)',
      tags,
      params: idParamsSchema,
      response: issuedCredentialSchema,
      handler: async ({ auth: ctx, params }) => accounts.reinvite(deps, actorOf(ctx), params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/accounts/badges',
      access: { kind: 'tenant', roles: accountManagers },
      summary: 'Issue personal badge QR codes for logins of the enterprise (replaces their previous badges)',
      tags,
      body: badgeRequestSchema,
      response: z.object({ items: z.array(badgeDtoSchema) }),
      handler: async ({ auth: ctx, body }) => ({ items: await accounts.issueBadges(deps, actorOf(ctx), body.userIds) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/public/invitations/:token',
      access: { kind: 'public' },
      summary: 'Who an invitation is for (name, enterprise, role); 410 when used or expired',
      tags,
      params: tokenParamsSchema,
      response: invitationInfoSchema,
      config: loginRate,
      handler: async ({ params }) => accounts.getInvitation(deps, params.token),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/public/invitations/:token/accept',
      access: { kind: 'public' },
      summary: 'Accept an invitation: choose a PIN (and a password for office roles); the phone stays signed in',
      tags,
      params: tokenParamsSchema,
      body: acceptInvitationSchema,
      response: meSchema,
      successStatus: 200,
      config: loginRate,
      handler: async ({ params, body, request, reply }) => {
        const result = await accounts.acceptInvitation(deps, params.token, body, client(request));
        return auth.getMe(deps, await setSessionCookie(deps, reply, result));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/device-login',
      access: { kind: 'public' },
      summary: "Sign in on a worker's phone with phone number + PIN (or password); the phone stays signed in (DEVICE_SESSION_DAYS)",
      tags,
      body: deviceLoginSchema,
      response: meSchema,
      successStatus: 200,
      config: loginRate,
      handler: async ({ body, request, reply }) => {
        const result = await devices.deviceLogin(deps, body, client(request));
        return auth.getMe(deps, await setSessionCookie(deps, reply, result));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/badge-login',
      access: { kind: 'public' },
      summary: 'Sign in on a phone with the personal badge QR and the PIN; the phone stays signed in',
      tags,
      body: badgeLoginSchema,
      response: meSchema,
      successStatus: 200,
      config: loginRate,
      handler: async ({ body, request, reply }) => {
        const result = await devices.badgeLogin(deps, body, client(request));
        return auth.getMe(deps, await setSessionCookie(deps, reply, result));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/device-sessions',
      access: { kind: 'tenant', roles: accountManagers },
      summary: "The enterprise's remembered phones (device sessions)",
      tags,
      response: z.object({ items: z.array(deviceSessionDtoSchema) }),
      handler: async ({ auth: ctx }) => ({ items: await devices.listDeviceSessions(deps, requireTenant(ctx).enterpriseId) }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/device-sessions/:id',
      access: { kind: 'tenant', roles: accountManagers },
      summary: 'Revoke a remembered phone: it must sign in again',
      tags,
      params: idParamsSchema,
      successStatus: 200,
      handler: async ({ auth: ctx, params }) => {
        await devices.revokeDeviceSession(deps, actorOf(ctx), params.id);
        return { ok: true };
      },
    }),
  ];
}
