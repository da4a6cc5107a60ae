import type { FastifyInstance } from 'fastify';
import { localeFromAcceptLanguage } from '../../../i18n/locale.js';
import type { AuthContext } from './auth-context.js';
import { sessionCookieName, sessionIdOf } from './session-token.js';

export type SessionResolver = (sessionId: string) => Promise<AuthContext | null>;

/** Reads the session cookie on every request and fixes the request's language. */
export function installSessionHook(app: FastifyInstance, resolve: SessionResolver): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (request) => {
    const headerLocale = localeFromAcceptLanguage(request.headers['accept-language']);
    request.locale = headerLocale;
    const token = request.cookies?.[sessionCookieName];
    if (!token || !request.url.startsWith('/api/')) return;
    const auth = await resolve(sessionIdOf(token));
    request.auth = auth;
    // The user's saved language wins over the browser's default.
    if (auth?.locale) request.locale = auth.locale;
  });
}
