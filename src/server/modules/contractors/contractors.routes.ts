import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { contractorRecordSchema, evaluationInputSchema, supervisionInputSchema } from '../../../schemas/contractors.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { lateBody } from '../../platform/http/late-body.js';
import { notFound } from '../../platform/http/app-error.js';
import { createResourceService, resourceRoutes } from '../../platform/resource/tenant-resource.js';
import { addContractorRecord, contractorSpec, listContractorRecords, qualificationSpec } from './contractors.service.js';
import { findContractor } from './contractors.repository.js';

const tags = ['contractors'];

export function contractorRoutes(deps: AppDeps): AnyRouteDef[] {
  const contractors = contractorSpec(deps);
  const qualifications = qualificationSpec(deps);
  const supervision = lateBody(supervisionInputSchema);
  const evaluation = lateBody(evaluationInputSchema);
  // The contractor is checked before the body is read: another enterprise's id is a 404, whatever is sent.
  const mustExist = async (enterpriseId: string, id: string) => {
    if (!(await findContractor(deps.db, enterpriseId, id))) throw notFound('contractor');
  };
  return [
    ...resourceRoutes(contractors, createResourceService(deps, contractors)),
    ...resourceRoutes(qualifications, createResourceService(deps, qualifications)),
    defineRoute({
      method: 'GET',
      url: '/api/v1/contractors/:id/records',
      access: { kind: 'tenant', roles: allRoles },
      summary: "A contractor's supervision rounds and evaluations, newest first",
      tags,
      params: idParamsSchema,
      response: z.object({ items: z.array(contractorRecordSchema) }),
      handler: async ({ auth, params }) => ({ items: await listContractorRecords(deps, requireTenant(auth).enterpriseId, params.id) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/contractors/:id/supervisions',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Record a supervision round of the contractor on site (optionally the permit of the work); insert-only',
      tags,
      params: idParamsSchema,
      body: supervision.body,
      response: contractorRecordSchema,
      handler: async (ctx) => {
        const actor = { userId: requireUser(ctx.auth).userId, enterpriseId: requireTenant(ctx.auth).enterpriseId };
        await mustExist(actor.enterpriseId, ctx.params.id);
        return addContractorRecord(deps, actor, ctx.params.id, { kind: 'supervision', body: supervision.parse(ctx) }, ctx.locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/contractors/:id/evaluations',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Record an evaluation of the contractor (good / qualified / unqualified); insert-only',
      tags,
      params: idParamsSchema,
      body: evaluation.body,
      response: contractorRecordSchema,
      handler: async (ctx) => {
        const actor = { userId: requireUser(ctx.auth).userId, enterpriseId: requireTenant(ctx.auth).enterpriseId };
        await mustExist(actor.enterpriseId, ctx.params.id);
        return addContractorRecord(deps, actor, ctx.params.id, { kind: 'evaluation', body: evaluation.parse(ctx) }, ctx.locale);
      },
    }),
  ];
}
