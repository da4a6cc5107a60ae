import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { letterCreateSchema, letterListQuerySchema, letterSchema, postDutyListSchema, systemYearInputSchema, systemYearSchema, yearParamsSchema } from '../../../schemas/duties.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { notFound } from '../../platform/http/app-error.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { findCallerPersonId } from '../../platform/sign-off/sign-off.repository.js';
import './duties-sign-off.js';
import { dutyListsWithAcknowledgements, getSystemYear, myDutyLists, putSystemYear } from './duties.service.js';
import { createLetter, listLetters } from './responsibility-letters.service.js';

const tags = ['management'];
const actorOf = (auth: AuthContext | null) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });

/** 承诺与职责 (issue 14 §2): the year's commitment, builder and resources; duty lists and their acknowledgements; responsibility letters. */
export function dutiesRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/ohs-system-years/:year',
      access: { kind: 'tenant', roles: allRoles },
      summary: "The year's commitment (drafted with the four duties until saved), the system's builder and resources",
      tags,
      params: yearParamsSchema,
      response: systemYearSchema,
      handler: async ({ auth, params, locale }) => getSystemYear(deps.db, requireTenant(auth).enterpriseId, params.year, locale),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/ohs-system-years/:year',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "Save the year's record; a changed commitment or signer asks for the signature again",
      tags,
      params: yearParamsSchema,
      body: systemYearInputSchema,
      response: systemYearSchema,
      successStatus: 200,
      handler: async ({ auth, params, body, locale }) => putSystemYear(deps, actorOf(auth), params.year, body, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/post-duty-lists',
      access: { kind: 'tenant', roles: allRoles },
      summary: "Every post's duty list (its written duties and the risk register's duty items) and who has acknowledged it",
      tags,
      response: z.object({ items: z.array(postDutyListSchema) }),
      handler: async ({ auth }) => ({ items: await dutyListsWithAcknowledgements(deps.db, requireTenant(auth).enterpriseId) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/post-duty-lists/mine',
      access: { kind: 'tenant', roles: allRoles },
      summary: "The duty lists of the caller's own posts (the phone)",
      tags,
      response: z.object({ items: z.array(postDutyListSchema) }),
      handler: async ({ auth }) => {
        const { enterpriseId } = requireTenant(auth);
        return { items: await myDutyLists(deps.db, enterpriseId, await findCallerPersonId(deps.db, enterpriseId, requireUser(auth).userId)) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/post-duty-lists/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: "One post's duty list (id: the post)",
      tags,
      params: idParamsSchema,
      response: postDutyListSchema,
      handler: async ({ auth, params }) => {
        const [list] = await dutyListsWithAcknowledgements(deps.db, requireTenant(auth).enterpriseId, [params.id]);
        if (!list) throw notFound('post');
        return list;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/responsibility-letters',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The yearly responsibility letters with who has signed',
      tags,
      query: letterListQuerySchema,
      response: z.object({ items: z.array(letterSchema) }),
      handler: async ({ auth, query }) => ({ items: await listLetters(deps.db, requireTenant(auth).enterpriseId, query.year) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/responsibility-letters',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "Issue a department's or post's letter for a year (text drafted from the duty lists when empty)",
      tags,
      body: letterCreateSchema,
      response: letterSchema,
      handler: async ({ auth, body }) => createLetter(deps, actorOf(auth), body),
    }),
  ];
}
