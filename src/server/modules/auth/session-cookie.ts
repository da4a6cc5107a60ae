import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { sessionCookieName, sessionIdOf } from '../../platform/auth/session-token.js';
import { AppError } from '../../platform/http/app-error.js';
import { type LoginResult, resolveSession } from './auth.service.js';

/** Sets the session cookie (office or device session alike) and returns the session's context. */
export async function setSessionCookie(deps: AppDeps, reply: FastifyReply, result: LoginResult): Promise<AuthContext> {
  reply.setCookie(sessionCookieName, result.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.isSecureCookie,
    expires: result.expiresAt,
  });
  const context = await resolveSession(deps, sessionIdOf(result.token));
  if (!context) throw new AppError('UNAUTHENTICATED');
  return context;
}
