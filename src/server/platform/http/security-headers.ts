import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer (issue 10 §4), set by @fastify/helmet:
 * - `Content-Security-Policy`: scripts only from this server (the Vite build has no inline script);
 *   styles from this server plus inline ones, because antd writes its CSS-in-JS as `<style>`
 *   elements and style attributes; images also as `data:` (QR codes) and `blob:` (photo previews on
 *   the phone); no plugins, no `<base>` elsewhere, no framing (`frame-ancestors 'none'`).
 * - `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, `Referrer-Policy: same-origin`.
 * - `Strict-Transport-Security` (and `upgrade-insecure-requests`) only when `COOKIE_SECURE=true`,
 *   i.e. when the product is reached over HTTPS; a plain-HTTP LAN install must not be told to upgrade.
 * - `Cache-Control: no-store` on API answers that set no caching of their own (authenticated JSON,
 *   exports): nothing of an enterprise's is kept by a shared computer's browser or a proxy.
 */
export async function installSecurityHeaders(app: FastifyInstance, options: { isHttps: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: options.isHttps ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
