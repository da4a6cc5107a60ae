import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';

/**
 * Cross-site request forgery, closed for every state-changing API request (issue 10 §3):
 *
 * - **Origin.** A browser names the page that sent a write in `Origin` (and `Sec-Fetch-Site`). A
 *   write whose `Origin` is not this server's own address (the `Host` it was reached by, or
 *   `X-Forwarded-Host` under `TRUST_PROXY`) nor one of `ALLOWED_ORIGINS` is refused (403); without
 *   `Origin`, a `Sec-Fetch-Site` other than `same-origin`/`none` is refused. Clients that are not
 *   browsers (scripts, the outbox of a phone's own page) send neither and pass.
 * - **Content type.** A form on another site can only send `text/plain`, url-encoded or multipart
 *   bodies without asking first; every write therefore carries JSON (`application/json`) or no
 *   body and no type. Uploads (routes that declare `consumes`) check their own binary types.
 */
export interface ForgeryGuardOptions {
  /** Origins (scheme://host[:port]) besides the server's own from which writes are accepted. */
  allowedOrigins: readonly string[];
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The route config flag `registerRoutes` sets on upload routes (their services check the bytes' type). */
export const uploadRouteFlag = 'isUpload';

function normaliseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return `${url.protocol}//${url.host}`.toLowerCase();
  } catch {
    return null;
  }
}

export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const origin = normaliseOrigin(s);
      if (!origin) throw new Error(`ALLOWED_ORIGINS: "${s}" is not an origin such as https://safety.example.com`);
      return origin;
    });
}

function isOwnOrAllowed(request: FastifyRequest, origin: string, allowed: ReadonlySet<string>): boolean {
  const normalised = normaliseOrigin(origin);
  if (!normalised) return false;
  if (allowed.has(normalised)) return true;
  // The page's own server: same host (and port) as the request reached. The scheme is not compared:
  // a TLS-terminating proxy forwards plain HTTP while the page's origin says https.
  return new URL(normalised).host === String(request.host ?? '').toLowerCase();
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return request.headers['transfer-encoding'] !== undefined;
}

export function checkRequestForgery(request: FastifyRequest, allowed: ReadonlySet<string>): void {
  if (safeMethods.has(request.method) || !request.url.startsWith('/api/')) return;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (!isOwnOrAllowed(request, origin, allowed)) throw new AppError('FOREIGN_ORIGIN');
  } else {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new AppError('FOREIGN_ORIGIN');
  }
  const config = request.routeOptions?.config as unknown as Record<string, unknown> | undefined;
  if (config?.[uploadRouteFlag]) return;
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === '') {
    if (hasBody(request)) throw new AppError('BODY_NOT_JSON', { detail: '-' });
    return;
  }
  if (type !== 'application/json') throw new AppError('BODY_NOT_JSON', { detail: type });
}

export function installRequestForgeryGuard(app: FastifyInstance, options: ForgeryGuardOptions): void {
  const allowed = new Set(options.allowedOrigins.map((o) => normaliseOrigin(o) ?? o));
  // A synchronous hook (no promise per request, issue 18 §3).
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      checkRequestForgery(request, allowed);
    } catch (error) {
      return done(error as Error);
    }
    done();
  });
}
