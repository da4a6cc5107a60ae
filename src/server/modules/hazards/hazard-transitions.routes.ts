import type { z } from 'zod';
import { lateBody } from '../../platform/http/late-body.js';
import type { AppDeps } from '../../app-deps.js';
import type { HazardRole } from '../../../domain/hazard/hazard-lifecycle.js';
import { idParamsSchema } from '../../../schemas/common.js';
import {
  acceptInputSchema,
  confirmInputSchema,
  hazardDetailSchema,
  noteInputSchema,
  optionalNoteInputSchema,
  reasonInputSchema,
  rectificationPlanInputSchema,
  remediationPlanInputSchema,
  submitRectificationInputSchema,
  hazardReporterRoles,
} from '../../../schemas/hazards.js';
import { notFound } from '../../platform/http/app-error.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser, type RouteContext } from '../../platform/http/route.js';
import { parseOrThrow } from '../../platform/http/validation.js';
import { getHazardDetail } from './hazard-read.service.js';
import * as t from './hazard-transitions.service.js';
import { type HazardActor } from './hazard-transitions.service.js';
import { findHazard } from './hazards.repository.js';

const tags = ['hazards'];

/**
 * A lifecycle step. The body is parsed after the hazard is found, so another enterprise's id is a
 * 404 whatever the body (tenant matrix), and a missing field of a real hazard is a 400 naming it.
 * Who may do the step is decided by the pure lifecycle, not by the route's roles.
 */
function step<S extends z.ZodType>(
  deps: AppDeps,
  path: string,
  summary: string,
  schema: S,
  run: (actor: HazardActor, id: string, body: z.infer<S>) => Promise<void>,
): AnyRouteDef {
  return defineRoute({
    method: 'POST',
    url: `/api/v1/hazards/:id/${path}`,
    access: { kind: 'tenant', roles: hazardReporterRoles },
    summary: `${summary} (body: ${Object.keys((schema as unknown as { shape?: object }).shape ?? {}).join(', ') || 'see schema'})`,
    tags,
    params: idParamsSchema,
    response: hazardDetailSchema,
    successStatus: 200,
    body: lateBody(schema).body,
    handler: async (ctx: RouteContext<{ id: string }, undefined, undefined>) => {
      const user = requireUser(ctx.auth);
      const tenant = requireTenant(ctx.auth);
      if (!(await findHazard(deps.db, tenant.enterpriseId, ctx.params.id))) throw notFound('hazard');
      const body = parseOrThrow(schema, ctx.request.body ?? {}, ctx.locale) as z.infer<S>;
      const actor: HazardActor = { userId: user.userId, enterpriseId: tenant.enterpriseId, role: tenant.role as HazardRole, displayName: user.displayName };
      await run(actor, ctx.params.id, body);
      return getHazardDetail(deps.db, tenant.enterpriseId, ctx.params.id, deps.clock.now());
    },
  });
}

export function hazardTransitionRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    step(deps, 'confirm', 'Confirm and grade (major: 10号令 criterion, stop work, people withdrawn)', confirmInputSchema, (a, id, b) => t.confirmHazard(deps, a, id, b)),
    step(deps, 'reject', 'Reject a report, with the reason', reasonInputSchema, (a, id, b) => t.rejectHazard(deps, a, id, b.reason)),
    step(deps, 'fix-on-spot', 'Fixed on the spot (general hazards only)', noteInputSchema, (a, id, b) => t.fixHazardOnSpot(deps, a, id, b.note)),
    step(deps, 'remediation-plan', "Major hazard: the principal's remediation plan (16号令 Art. 15, six parts)", remediationPlanInputSchema, (a, id, b) =>
      t.planRemediation(deps, a, id, b),
    ),
    step(deps, 'rectification-plan', 'Put under rectification with the five in place (all required)', rectificationPlanInputSchema, (a, id, b) =>
      t.planRectification(deps, a, id, b),
    ),
    step(deps, 'submit', 'The owner reports the rectification done, with "after" photos (required for a major hazard)', submitRectificationInputSchema, (a, id, b) => t.submitRectification(deps, a, id, b)),
    step(deps, 'accept', 'Accept (reporter or their department head, never the rectifier): closes and lifts stop work', acceptInputSchema, (a, id, b) =>
      t.acceptHazard(deps, a, id, b),
    ),
    step(deps, 'send-back', 'Send the rectification back, with the reason', reasonInputSchema, (a, id, b) => t.sendBackHazard(deps, a, id, b.reason)),
    step(deps, 'publish', 'Publish a closed hazard on the enterprise board (Art. 18)', optionalNoteInputSchema, (a, id) => t.publishHazard(deps, a, id)),
  ];
}
