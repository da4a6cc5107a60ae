import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import {
  accountDtoSchema,
  changePasswordSchema,
  createAccountSchema,
  loginSchema,
  meSchema,
  switchEnterpriseSchema,
  updateMeSchema,
} from '../../../schemas/auth.js';
import { sessionCookieName } from '../../platform/auth/session-token.js';
import { setSessionCookie } from './session-cookie.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { personExists } from '../org/people.service.js';
import * as auth from './auth.service.js';

const tags = ['auth'];

export function authRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/login',
      access: { kind: 'public' },
      summary: 'Log in with username (or phone) and password; sets the session cookie',
      tags,
      body: loginSchema,
      response: meSchema,
      successStatus: 200,
      config: { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' } },
      handler: async ({ body, request, reply }) => {
        const result = await auth.login(deps, body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
        return auth.getMe(deps, await setSessionCookie(deps, reply, result));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/logout',
      access: { kind: 'user' },
      summary: 'End the current session',
      tags,
      successStatus: 200,
      handler: async ({ auth: ctx, reply }) => {
        await auth.logout(deps, requireUser(ctx).sessionId);
        reply.clearCookie(sessionCookieName, { path: '/' });
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/auth/me',
      access: { kind: 'user' },
      summary: 'The current user, their enterprises and roles',
      tags,
      response: meSchema,
      handler: async ({ auth: ctx }) => auth.getMe(deps, requireUser(ctx)),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      access: { kind: 'user' },
      summary: 'Change display name or language',
      tags,
      body: updateMeSchema,
      response: meSchema,
      handler: async ({ auth: ctx, body }) => {
        const user = requireUser(ctx);
        await auth.updateMe(deps, user, body);
        return auth.getMe(deps, { ...user, displayName: body.displayName ?? user.displayName, locale: body.locale ?? user.locale });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/password',
      access: { kind: 'user' },
      summary: 'Change the password (signs out other devices)',
      tags,
      body: changePasswordSchema,
      successStatus: 200,
      handler: async ({ auth: ctx, body }) => {
        await auth.changePassword(deps, requireUser(ctx), body);
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/active-enterprise',
      access: { kind: 'user' },
      summary: 'Switch the enterprise this session works in (consultants, regulators)',
      tags,
      body: switchEnterpriseSchema,
      response: meSchema,
      successStatus: 200,
      handler: async ({ auth: ctx, body }) => {
        const user = requireUser(ctx);
        await auth.switchEnterprise(deps, user, body.enterpriseId);
        const refreshed = await auth.resolveSession(deps, user.sessionId);
        return auth.getMe(deps, refreshed ?? user);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/accounts',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager', 'consultant'] },
      summary: 'Accounts (logins) of the active enterprise',
      tags,
      response: z.object({ items: z.array(accountDtoSchema) }),
      handler: async ({ auth: ctx }) => ({ items: await auth.listAccounts(deps, requireTenant(ctx).enterpriseId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/accounts',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager'] },
      summary: 'Create a login for a member of the active enterprise',
      tags,
      body: createAccountSchema,
      response: accountDtoSchema,
      handler: async ({ auth: ctx, body }) => {
        const tenant = requireTenant(ctx);
        return auth.createAccount(deps, { userId: requireUser(ctx).userId, enterpriseId: tenant.enterpriseId }, body, (trx, id) =>
          personExists(trx, tenant.enterpriseId, id),
        );
      },
    }),
  ];
}
