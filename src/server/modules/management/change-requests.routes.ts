import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { managerRoles } from '../../../schemas/auth.js';
import { changeRequestSchema, changeStepBodySchema } from '../../../schemas/change-requests.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { changeSteps } from '../../../domain/management/change-lifecycle.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { createResourceService, resourceRoutes } from '../../platform/resource/tenant-resource.js';
import { changeRequestSpec, changeRequestStep } from './change-requests.service.js';

/** The change is approved by the top manager or the safety manager (who answer for the system). */
const stepRoles = { review: managerRoles, approve: ['principal', 'safety_manager'], reject: ['principal', 'safety_manager'], implement: managerRoles, close: managerRoles } as const;
const summaries = {
  review: 'Risk review: flags the live risks of the changed post, area, equipment or material for re-identification',
  approve: 'Approve the reviewed change',
  reject: 'Reject the reviewed change',
  implement: 'Record the change as implemented',
  close: 'Close the implemented change',
} as const;

export function changeRequestRoutes(deps: AppDeps): AnyRouteDef[] {
  const spec = changeRequestSpec();
  return [
    ...resourceRoutes(spec, createResourceService(deps, spec)),
    ...changeSteps.map((step) =>
      defineRoute({
        method: 'POST',
        url: `/api/v1/change-requests/:id/${step}`,
        access: { kind: 'tenant', roles: stepRoles[step] },
        summary: summaries[step],
        tags: ['management'],
        params: idParamsSchema,
        body: changeStepBodySchema,
        response: changeRequestSchema,
        successStatus: 200,
        handler: async ({ auth, params, body }) =>
          changeRequestStep(deps, { userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId }, params.id, step, (body as z.infer<typeof changeStepBodySchema>).note),
      }),
    ),
  ];
}
