import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import { equipmentInspectionInputSchema, equipmentInspectionSchema, healthExamInputSchema, healthExamListQuerySchema, healthExamSchema } from '../../../schemas/occupational-health.js';
import { notFound } from '../../platform/http/app-error.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { createResourceService, resourceRoutes } from '../../platform/resource/tenant-resource.js';
import { addHealthExam, getHealthExam, listHealthExams } from './health-exams.service.js';
import { findSpecialEquipment } from './occupational-health.repository.js';
import { addEquipmentInspection, listEquipmentInspections, specialEquipmentSpec } from './special-equipment.service.js';

const tags = ['occupational-health'];
/** Health records are personal: read by managers and the regulator, not by every colleague. */
const healthReaders = ['principal', 'safety_manager', 'consultant', 'regulator'] as const;

export function occupationalHealthRoutes(deps: AppDeps): AnyRouteDef[] {
  const equipment = specialEquipmentSpec(deps);
  const inspection = lateBody(equipmentInspectionInputSchema);
  const actorOf = (auth: Parameters<typeof requireTenant>[0]) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });
  return [
    ...resourceRoutes(equipment, createResourceService(deps, equipment)),
    defineRoute({
      method: 'GET',
      url: '/api/v1/special-equipment/:id/inspections',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The periodic inspections (定期检验) of one item, latest first',
      tags,
      params: idParamsSchema,
      response: z.object({ items: z.array(equipmentInspectionSchema) }),
      handler: async ({ auth, params }) => ({ items: await listEquipmentInspections(deps, requireTenant(auth).enterpriseId, params.id) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/special-equipment/:id/inspections',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Record a periodic inspection with its report; the next due date follows (insert-only)',
      tags,
      params: idParamsSchema,
      body: inspection.body,
      response: equipmentInspectionSchema,
      handler: async (ctx) => {
        const actor = actorOf(ctx.auth);
        // Another enterprise's item is a 404 whatever the body says.
        if (!(await findSpecialEquipment(deps.db, actor.enterpriseId, ctx.params.id))) throw notFound('special_equipment');
        return addEquipmentInspection(deps, actor, ctx.params.id, inspection.parse(ctx));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/health-exams',
      access: { kind: 'tenant', roles: healthReaders },
      summary: 'Health examinations, newest entry first (paged)',
      tags,
      query: healthExamListQuerySchema,
      response: pageSchema(healthExamSchema),
      handler: async ({ auth, query }) => listHealthExams(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/health-exams/:id',
      access: { kind: 'tenant', roles: healthReaders },
      summary: 'One health examination',
      tags,
      params: idParamsSchema,
      response: healthExamSchema,
      handler: async ({ auth, params }) => getHealthExam(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/health-exams',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Record a health examination (上岗前/在岗期间/离岗时) with its result; insert-only',
      tags,
      body: healthExamInputSchema,
      response: healthExamSchema,
      handler: async ({ auth, body }) => addHealthExam(deps, actorOf(auth), body),
    }),
  ];
}
