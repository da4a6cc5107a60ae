import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import {
  complianceEvaluationInputSchema,
  legalClausesSchema,
  legalListQuerySchema,
  legalRequirementCreateSchema,
  legalRequirementSchema,
  legalRequirementUpdateSchema,
  legalStarterItemSchema,
  legalStarterSchema,
  postLegalClauseSchema,
} from '../../../schemas/legal-register.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { ownRecord } from '../../platform/http/own-record.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { evaluateCompliance } from './compliance.service.js';
import {
  addStarterItems,
  archiveLegalRequirement,
  clausesOfPost,
  createLegalRequirement,
  getLegalRequirement,
  listLegalRequirements,
  listStarter,
  putClauses,
  updateLegalRequirement,
} from './legal-register.service.js';

const tags = ['documents'];
const path = '/api/v1/legal-requirements';
const actorOf = (auth: AuthContext | null) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });

export function legalRegisterRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/legal-starter-set',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'The starter legal register for small 工贸 enterprises, each item marked when registered and when unconfirmed',
      tags,
      response: z.object({ items: z.array(legalStarterItemSchema) }),
      handler: async ({ auth, locale }) => ({ items: await listStarter(deps, requireTenant(auth).enterpriseId, locale) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/legal-starter-set/register',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Register starter items with their clauses (items already registered are left as they are)',
      tags,
      body: legalStarterSchema,
      response: z.object({ items: z.array(legalRequirementSchema) }),
      handler: async ({ auth, body }) => ({ items: await addStarterItems(deps, actorOf(auth), body.keys) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/posts/:id/legal-clauses',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The legal clauses mapped to a post',
      tags,
      params: idParamsSchema,
      response: z.object({ items: z.array(postLegalClauseSchema) }),
      handler: async ({ auth, params }) => ({ items: await clausesOfPost(deps, requireTenant(auth).enterpriseId, params.id) }),
    }),
    defineRoute({
      method: 'GET',
      url: path,
      access: { kind: 'tenant', roles: allRoles },
      summary: "The legal register (paged): requirements, clauses and mappings, the year's evaluation in force",
      tags,
      query: legalListQuerySchema,
      response: pageSchema(legalRequirementSchema),
      handler: async ({ auth, query }) => listLegalRequirements(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'POST',
      url: path,
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Register a requirement by hand',
      tags,
      body: legalRequirementCreateSchema,
      response: legalRequirementSchema,
      handler: async ({ auth, body }) => createLegalRequirement(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: `${path}/:id`,
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One requirement with its clauses and every evaluation',
      tags,
      params: idParamsSchema,
      response: legalRequirementSchema,
      handler: async ({ auth, params }) => getLegalRequirement(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: `${path}/:id`,
      before: ownRecord(deps.db, 'legal_requirement'),
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Edition, dates, title, note',
      tags,
      params: idParamsSchema,
      body: legalRequirementUpdateSchema,
      response: legalRequirementSchema,
      handler: async ({ auth, params, body }) => updateLegalRequirement(deps, actorOf(auth), params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: `${path}/:id/archive`,
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'No longer applies (kept for the record)',
      tags,
      params: idParamsSchema,
      response: legalRequirementSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => archiveLegalRequirement(deps, actorOf(auth), params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: `${path}/:id/clauses`,
      before: ownRecord(deps.db, 'legal_requirement'),
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'The clauses that matter, each mapped to posts, departments, risks and documents',
      tags,
      params: idParamsSchema,
      body: legalClausesSchema,
      response: legalRequirementSchema,
      successStatus: 200,
      handler: async ({ auth, params, body }) => putClauses(deps, actorOf(auth), params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: `${path}/:id/evaluations`,
      before: ownRecord(deps.db, 'legal_requirement'),
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Record the compliance evaluation of a year (insert-only; non-compliant needs an action, owner and deadline)',
      tags,
      params: idParamsSchema,
      body: complianceEvaluationInputSchema,
      response: legalRequirementSchema,
      handler: async ({ auth, params, body }) => evaluateCompliance(deps, actorOf(auth), params.id, body),
    }),
  ];
}
