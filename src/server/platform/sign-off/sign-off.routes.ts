import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { signOffInputSchema, signOffQuerySchema, signOffSchema, signOffSheetSchema } from '../../../schemas/sign-offs.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../http/route.js';
import { getSignOffSheet, recordSignOff, type SignOffCaller } from './sign-off.service.js';

const tags = ['sign-offs'];
/** Everyone who works there may sign (the registry decides whom each record expects); consultants and regulators do not sign for the enterprise. */
export const signOffWriterRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker'] as const;

const callerOf = (auth: Parameters<typeof requireTenant>[0]): SignOffCaller => {
  const tenant = requireTenant(auth);
  return { userId: requireUser(auth).userId, enterpriseId: tenant.enterpriseId, role: tenant.role };
};

export function signOffRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/sign-offs',
      access: { kind: 'tenant', roles: allRoles },
      summary: "One record's sign-off sheet: the signers it expects, every entry (superseded ones too) and what the caller may do",
      tags,
      query: signOffQuerySchema,
      response: signOffSheetSchema,
      handler: async ({ auth, query, locale }) => getSignOffSheet(deps, callerOf(auth), query, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/sign-offs',
      access: { kind: 'tenant', roles: signOffWriterRoles },
      summary: 'Sign a record (logged in, or name + drawn PNG signature) or withdraw a signature; insert-only, a replayed clientId is applied once',
      tags,
      body: signOffInputSchema,
      response: signOffSchema,
      handler: async ({ auth, body, request, reply, locale }) => {
        const r = await recordSignOff(deps, callerOf(auth), body, {
          userAgent: String(request.headers['user-agent'] ?? ''),
          ip: request.ip ?? '',
          locale,
        });
        reply.status(r.isNew ? 201 : 200);
        return r.signOff;
      },
    }),
  ];
}
