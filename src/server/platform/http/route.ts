import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Locale } from '../../../i18n/locale.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from './app-error.js';
import { uploadRouteFlag } from './request-forgery.js';
import { refuseUnstorableText, parseOrThrow } from './validation.js';

/** Every route declares who may call it (issue: "Every route declares who may call it"). */
export type Access =
  | { kind: 'public' }
  | { kind: 'user' } // any logged-in user, with or without an active enterprise
  | { kind: 'admin' } // the system administrator
  | { kind: 'tenant'; roles: readonly EnterpriseRole[] }; // a member of the active enterprise with one of these roles

export interface TenantContext {
  enterpriseId: string;
  role: EnterpriseRole;
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  auth: AuthContext | null;
  locale: Locale;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response?: z.ZodType;
  /** Content type of the response when it is not JSON (files). */
  produces?: string;
  /** Content type of the request body when it is not JSON (file uploads). */
  consumes?: string;
  successStatus?: number;
  config?: Record<string, unknown>;
  /**
   * Runs after access and params are checked and BEFORE the query and body are parsed: the lookup of the
   * record the URL names, throwing 404 when it is not the caller's enterprise's. So another
   * enterprise's id is "not found", never "your body is wrong" (tenant-matrix.int.test.ts).
   */
  before?(ctx: { params: NoInfer<P>; auth: AuthContext | null }): Promise<void>;
  handler(ctx: RouteContext<P, Q, B>): Promise<unknown>;
}

// Routes are declared with their own P/Q/B; the registry holds them type-erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteDef = RouteDef<any, any, any>;

export function defineRoute<P = undefined, Q = undefined, B = undefined>(def: RouteDef<P, Q, B>): AnyRouteDef {
  return def as AnyRouteDef;
}

export function requireTenant(auth: AuthContext | null): TenantContext {
  if (!auth) throw new AppError('UNAUTHENTICATED');
  if (auth.lostEnterpriseId) throw new AppError('ENTERPRISE_ACCESS_ENDED');
  if (!auth.enterpriseId || !auth.role) throw new AppError('NO_ACTIVE_ENTERPRISE');
  return { enterpriseId: auth.enterpriseId, role: auth.role };
}

export function requireUser(auth: AuthContext | null): AuthContext {
  if (!auth) throw new AppError('UNAUTHENTICATED');
  return auth;
}

function checkAccess(access: Access, auth: AuthContext | null): void {
  if (access.kind === 'public') return;
  if (!auth) throw new AppError('UNAUTHENTICATED');
  if (access.kind === 'user') return;
  if (access.kind === 'admin') {
    if (!auth.isAdmin) throw new AppError('FORBIDDEN');
    return;
  }
  const tenant = requireTenant(auth);
  if (!access.roles.includes(tenant.role)) throw new AppError('FORBIDDEN');
}

export function registerRoutes(app: FastifyInstance, routes: readonly AnyRouteDef[]): void {
  for (const def of routes) {
    app.route({
      method: def.method,
      url: def.url,
      // Upload routes check their own binary types; every other write carries JSON or nothing (request-forgery.ts).
      config: { ...(def.config ?? {}), ...(def.consumes ? { [uploadRouteFlag]: true } : {}) },
      handler: async (request, reply) => {
        const auth = request.auth;
        checkAccess(def.access, auth);
        const locale = request.locale;
        // Every route, whatever its schema: text no database stores is a 400 naming the field.
        refuseUnstorableText({ params: request.params, query: request.query, body: request.body });
        const params = def.params ? parseOrThrow(def.params, request.params, locale) : undefined;
        if (def.before) await def.before({ params, auth });
        const query = def.query ? parseOrThrow(def.query, request.query, locale) : undefined;
        const body = def.body ? parseOrThrow(def.body, request.body ?? {}, locale) : undefined;
        // The route's success status is set before the handler runs, so a handler that means another
        // (200 for a replayed offline write) keeps its own.
        if (!def.produces) reply.status(def.successStatus ?? (def.method === 'POST' ? 201 : 200));
        const result = await def.handler({ params, query, body, auth, locale, request, reply });
        if (reply.sent) return reply;
        if (def.produces) {
          // A handler that knows its file's own type (a PNG signature among JPEG photos) has set it.
          if (!reply.hasHeader('content-type')) reply.type(def.produces);
          return result;
        }
        return result ?? { ok: true };
      },
    });
  }
}
