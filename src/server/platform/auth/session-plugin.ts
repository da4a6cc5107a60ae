import type { FastifyInstance, FastifyRequest } from 'fastify';
import { localeFromAcceptLanguage } from '../../../i18n/locale.js';
import type { AuthContext } from './auth-context.js';
import { sessionCookieName, sessionIdOf } from './session-token.js';

export type SessionResolver = (sessionId: string) => Promise<AuthContext | null>;
/** A session already in memory (the session cache's fresh entry), else undefined. */
export type SessionPeek = (sessionId: string) => AuthContext | undefined;

/**
 * Reads the session cookie on every request and fixes the request's language. A synchronous hook
 * when the session is in memory (`peek`): no promise per request then (issue 18 §3).
 */
export function installSessionHook(app: FastifyInstance, resolve: SessionResolver, peek: SessionPeek = () => undefined): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'zh-CN');
  const apply = (request: FastifyRequest, auth: AuthContext | null) => {
    request.auth = auth;
    // The user's saved language wins over the browser's default.
    if (auth?.locale) request.locale = auth.locale;
  };
  app.addHook('onRequest', (request, _reply, done) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']);
    const token = request.cookies?.[sessionCookieName];
    if (!token || !request.url.startsWith('/api/')) return done();
    const sessionId = sessionIdOf(token);
    const known = peek(sessionId);
    if (known) {
      apply(request, known);
      return done();
    }
    resolve(sessionId).then(
      (auth) => {
        apply(request, auth);
        done();
      },
      (error: Error) => done(error),
    );
  });
}
