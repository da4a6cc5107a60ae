import { z } from 'zod';
import { lateBody } from '../../platform/http/late-body.js';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import {
  extraItemInputSchema,
  inspectionListDtoSchema,
  itemDtoSchema,
  itemUpdateSchema,
  publicationDtoSchema,
  shiftsDtoSchema,
  shiftsInputSchema,
  statsDtoSchema,
  statsQuerySchema,
  submissionResultDtoSchema,
  taskDetailDtoSchema,
  taskDtoSchema,
  taskListQuerySchema,
  taskPageSchema,
  submissionInputSchema,
} from '../../../schemas/inspections.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { parseOrThrow } from '../../platform/http/validation.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { archiveItem, createExtraItem, getInspectionList, getItem, publishInspectionList, updateItem } from './inspection-lists.service.js';
import { submitRecords } from './inspection-records.service.js';
import { getStats, getTaskDetail, listOpenTasksOfPlace, listTasks, type TaskViewer } from './inspection-tasks.service.js';
import { submitterRoles } from './inspections.policy.js';
import { getShifts, putShifts } from './shifts.service.js';

const tags = ['inspections'];

function actorOf(auth: AuthContext | null) {
  return { userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId };
}

function viewerOf(auth: AuthContext | null): TaskViewer {
  const t = requireTenant(auth);
  return { userId: requireUser(auth).userId, enterpriseId: t.enterpriseId, role: t.role, personId: requireUser(auth).personId };
}

function placeRoute(deps: AppDeps, kind: 'post' | 'area' | 'equipment', collection: string): AnyRouteDef {
  return defineRoute({
    method: 'GET',
    url: `/api/v1/${collection}/:id/open-tasks`,
    access: { kind: 'tenant', roles: allRoles },
    summary: `What the QR code of a ${kind} opens: the caller's open inspection tasks there`,
    tags,
    params: idParamsSchema,
    response: z.object({ placeName: z.string(), items: z.array(taskDtoSchema) }),
    handler: async ({ auth, params }) => listOpenTasksOfPlace(deps, viewerOf(auth), { kind, id: params.id }),
  });
}

export function inspectionRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/shifts',
      access: { kind: 'tenant', roles: allRoles },
      summary: "The enterprise's shifts (每班 windows) and time zone",
      tags,
      response: shiftsDtoSchema,
      handler: async ({ auth }) => getShifts(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/shifts',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Define the shifts; they must tile the 24 hours (a shift may cross midnight)',
      tags,
      body: shiftsInputSchema,
      response: shiftsDtoSchema,
      handler: async ({ auth, body }) => putShifts(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/posts/:id/inspection-list',
      access: { kind: 'tenant', roles: allRoles },
      summary: "A post's inspection list grouped by control measure, with coverage (Art. 13)",
      tags,
      params: idParamsSchema,
      response: inspectionListDtoSchema,
      handler: async ({ auth, params }) => getInspectionList(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/posts/:id/inspection-list/publish',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Publish the list; refused (422) while a control measure has no active item',
      tags,
      params: idParamsSchema,
      response: publicationDtoSchema,
      handler: async ({ auth, params, locale }) => publishInspectionList(deps, actorOf(auth), params.id, undefined, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspection-items',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Add an extra item for a new external requirement (no control measure)',
      tags,
      body: extraItemInputSchema,
      response: itemDtoSchema,
      handler: async ({ auth, body }) => createExtraItem(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspection-items/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'One inspection item',
      tags,
      params: idParamsSchema,
      response: itemDtoSchema,
      handler: async ({ auth, params }) => getItem(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/inspection-items/:id',
      access: { kind: 'tenant', roles: managerRoles },
      summary: "Change an item's content, method, period, responsible person or supervising post (Art. 14)",
      tags,
      params: idParamsSchema,
      response: itemDtoSchema,
      body: lateBody(itemUpdateSchema).body,
      // Body (itemUpdateSchema) is read after the item is found, so a foreign id is "not found" first.
      handler: async ({ auth, params, request, locale }) => {
        const actor = actorOf(auth);
        await getItem(deps, actor.enterpriseId, params.id);
        return updateItem(deps, actor, params.id, parseOrThrow(itemUpdateSchema, request.body ?? {}, locale));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspection-items/:id/archive',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Archive an item: out of the list and of future tasks; its records stay',
      tags,
      params: idParamsSchema,
      response: itemDtoSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => archiveItem(deps, actorOf(auth), params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspection-tasks',
      access: { kind: 'tenant', roles: allRoles },
      summary: "Inspection tasks, newest window first, keyset-paged (current windows are created first); a worker sees only their own",
      tags,
      query: taskListQuerySchema,
      response: taskPageSchema,
      handler: async ({ auth, query }) => listTasks(deps, viewerOf(auth), query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspection-tasks/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'A task with its items and their latest records',
      tags,
      params: idParamsSchema,
      response: taskDetailDtoSchema,
      handler: async ({ auth, params }) => getTaskDetail(deps, viewerOf(auth), params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspection-tasks/:id/records',
      access: { kind: 'tenant', roles: submitterRoles },
      summary: 'Submit item results (submissionInputSchema); applied once per clientId, a replay answers the first result',
      tags,
      params: idParamsSchema,
      response: submissionResultDtoSchema,
      successStatus: 200,
      body: lateBody(submissionInputSchema).body,
      handler: async ({ auth, params, request, locale }) => submitRecords(deps, viewerOf(auth), params.id, request.body ?? {}, locale),
    }),
    placeRoute(deps, 'post', 'posts'),
    placeRoute(deps, 'area', 'areas'),
    placeRoute(deps, 'equipment', 'equipment'),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspection-stats',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Task completion rate (done / (done + missed)) and late-record share over [from, to)',
      tags,
      query: statsQuerySchema,
      response: statsDtoSchema,
      handler: async ({ auth, query }) => getStats(deps, requireTenant(auth).enterpriseId, new Date(query.from), new Date(query.to)),
    }),
  ];
}
