import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers on every answer (issue 10 §4), as helmet makes them — computed ONCE at start and
 * copied onto each answer (@fastify/helmet rebuilt helmet and its CSP at every request, issue 18):
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
  const headers = securityHeaders({
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
  app.addHook('onRequest', (request, reply, done) => {
    // On the raw response, as helmet does: problems, 404s and static files carry them too.
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    // A route's own Cache-Control (reply.header) replaces it: Fastify's writeHead takes precedence
    // over the raw response's headers. Set here, not in an onSend hook (issue 18 §3: each async hook
    // is a promise and a turn of the hook runner on every request).
    if (request.url.startsWith('/api/')) reply.raw.setHeader('cache-control', 'no-store');
    done();
  });
}

/** The headers helmet sets for these options (none of them depends on the request). */
export function securityHeaders(options: HelmetOptions): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return [...headers];
}
