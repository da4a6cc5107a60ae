import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import {
  markReadInputSchema,
  notificationListQuerySchema,
  notificationPageSchema,
  notificationSettingInputSchema,
  notificationSettingSchema,
} from '../../../schemas/notifications.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { getNotificationSetting, listMyNotifications, markNotificationsRead, updateNotificationSetting } from './notifications.service.js';

const tags = ['notifications'];
const me = (auth: Parameters<typeof requireUser>[0]) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });

export function notificationRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    // A user's own notifications, whatever their role (a regulator may mark theirs read too): access
    // is "user" and the active enterprise is still required.
    defineRoute({
      method: 'GET',
      url: '/api/v1/notifications',
      access: { kind: 'user' },
      summary: 'My in-app notifications in the active enterprise, newest first',
      tags,
      query: notificationListQuerySchema,
      response: notificationPageSchema,
      handler: async ({ auth, query, locale }) => listMyNotifications(deps, me(auth), query, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/notifications/read',
      access: { kind: 'user' },
      summary: 'Mark my notifications read (some ids, or all)',
      tags,
      body: markReadInputSchema,
      response: z.object({ marked: z.number() }),
      successStatus: 200,
      handler: async ({ auth, body }) => markNotificationsRead(deps, me(auth), 'ids' in body ? body.ids : 'all'),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/notification-settings',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager'] },
      summary: "The enterprise's robot webhook (WeCom / DingTalk) and anonymous-report switch",
      tags,
      response: notificationSettingSchema,
      handler: async ({ auth }) => getNotificationSetting(deps, requireTenant(auth).enterpriseId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/notification-settings',
      access: { kind: 'tenant', roles: ['principal', 'safety_manager'] },
      summary: 'Change the robot webhook and the anonymous-report switch',
      tags,
      body: notificationSettingInputSchema,
      response: notificationSettingSchema,
      handler: async ({ auth, body }) => updateNotificationSetting(deps, me(auth), body),
    }),
  ];
}
