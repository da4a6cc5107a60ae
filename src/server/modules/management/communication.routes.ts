import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import { actionDoneSchema, meetingInputSchema, meetingListQuerySchema, meetingSchema } from '../../../schemas/communication.js';
import { lateBody } from '../../platform/http/late-body.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { createResourceService, resourceRoutes } from '../../platform/resource/tenant-resource.js';
import { addMeeting, channelSpec, getMeeting, listMeetings, markActionDone } from './communication.service.js';

const tags = ['management'];
/** Team leaders hold the 班前会 and record it themselves. */
const meetingWriters = ['principal', 'safety_manager', 'consultant', 'dept_head', 'team_leader'] as const;

export function communicationRoutes(deps: AppDeps): AnyRouteDef[] {
  const channels = channelSpec();
  const done = lateBody(actionDoneSchema);
  const actorOf = (auth: Parameters<typeof requireTenant>[0]) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });
  return [
    ...resourceRoutes(channels, createResourceService(deps, channels)),
    defineRoute({
      method: 'GET',
      url: '/api/v1/meetings',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Meetings held (safety meetings, 班前会, consultations), newest entry first (paged)',
      tags,
      query: meetingListQuerySchema,
      response: pageSchema(meetingSchema),
      handler: async ({ auth, query }) => listMeetings(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/meetings/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One meeting with its attendees, signatures and actions',
      tags,
      params: idParamsSchema,
      response: meetingSchema,
      handler: async ({ auth, params }) => getMeeting(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/meetings',
      access: { kind: 'tenant', roles: meetingWriters },
      summary: 'Record a meeting held with its attendees (who sign) and decisions as actions (owner, deadline); insert-only',
      tags,
      body: meetingInputSchema,
      response: meetingSchema,
      handler: async ({ auth, body }) => addMeeting(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/meetings/:id/action-done',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "Mark one of the meeting's actions done",
      tags,
      params: idParamsSchema,
      body: done.body,
      response: meetingSchema,
      successStatus: 200,
      handler: async (ctx) => {
        const actor = actorOf(ctx.auth);
        await getMeeting(deps, actor.enterpriseId, ctx.params.id);
        return markActionDone(deps, actor, ctx.params.id, done.parse(ctx));
      },
    }),
  ];
}
