import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import {
  declarationInputSchema,
  declarationSchema,
  equipmentInspectionInputSchema,
  equipmentInspectionSchema,
  healthExamInputSchema,
  healthExamListQuerySchema,
  healthExamSchema,
  monitoringInputSchema,
  monitoringListQuerySchema,
  monitoringSchema,
  postExposureSchema,
  ppeIssueInputSchema,
  ppeIssueListQuerySchema,
  ppeIssueSchema,
} from '../../../schemas/occupational-health.js';
import { notFound } from '../../platform/http/app-error.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { createResourceService, resourceRoutes } from '../../platform/resource/tenant-resource.js';
import { addHealthExam, getHealthExam, listHealthExams } from './health-exams.service.js';
import { findSpecialEquipment } from './occupational-health.repository.js';
import { addEquipmentInspection, listEquipmentInspections, specialEquipmentSpec } from './special-equipment.service.js';
import { addPpeIssue, listPpeIssues, ppeRequirementSpec } from './ppe.service.js';
import { addDeclaration, addMonitoring, listDeclarations, listMonitoring, postExposures } from './workplace-monitoring.service.js';

const tags = ['occupational-health'];
/** Health records are personal: read by managers and the regulator, not by every colleague. */
const healthReaders = ['principal', 'safety_manager', 'consultant', 'regulator'] as const;

export function occupationalHealthRoutes(deps: AppDeps): AnyRouteDef[] {
  const equipment = specialEquipmentSpec(deps);
  const ppe = ppeRequirementSpec();
  const inspection = lateBody(equipmentInspectionInputSchema);
  const actorOf = (auth: Parameters<typeof requireTenant>[0]) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });
  return [
    ...resourceRoutes(equipment, createResourceService(deps, equipment)),
    ...resourceRoutes(ppe, createResourceService(deps, ppe)),
    defineRoute({
      method: 'GET',
      url: '/api/v1/ppe-issues',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'PPE issued to people, newest entry first, with the recipient\'s signature (paged)',
      tags,
      query: ppeIssueListQuerySchema,
      response: pageSchema(ppeIssueSchema),
      handler: async ({ auth, query }) => listPpeIssues(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/ppe-issues',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager', 'consultant', 'dept_head', 'team_leader'] },
      summary: 'Record PPE issued to a person (insert-only); the person signs for it (sign-off subject ppe-issue)',
      tags,
      body: ppeIssueInputSchema,
      response: ppeIssueSchema,
      handler: async ({ auth, body }) => addPpeIssue(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/workplace-monitoring',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Workplace monitoring readings against their limits, newest entry first (paged)',
      tags,
      query: monitoringListQuerySchema,
      response: pageSchema(monitoringSchema),
      handler: async ({ auth, query, locale }) => listMonitoring(deps, requireTenant(auth).enterpriseId, query, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/workplace-monitoring',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Record a reading (noise, dust, chemicals, heat) against its GBZ 2.1/2.2 limit; over the limit raises a hazard',
      tags,
      body: monitoringInputSchema,
      response: monitoringSchema,
      handler: async ({ auth, body, locale }) => addMonitoring(deps, actorOf(auth), body, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/occupational-exposures',
      access: { kind: 'tenant', roles: allRoles },
      summary: "Each post's exposure factors (from its risks' hazard factor codes) and latest readings",
      tags,
      response: z.object({ items: z.array(postExposureSchema) }),
      handler: async ({ auth, locale }) => ({ items: await postExposures(deps, requireTenant(auth).enterpriseId, locale) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/ohd-declarations',
      access: { kind: 'tenant', roles: allRoles },
      summary: '职业病危害项目申报 records, latest first',
      tags,
      response: z.object({ items: z.array(declarationSchema) }),
      handler: async ({ auth }) => ({ items: await listDeclarations(deps, requireTenant(auth).enterpriseId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/ohd-declarations',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Record a 职业病危害项目申报 (initial, change or yearly); insert-only',
      tags,
      body: declarationInputSchema,
      response: declarationSchema,
      handler: async ({ auth, body }) => addDeclaration(deps, actorOf(auth), body),
    }),
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
