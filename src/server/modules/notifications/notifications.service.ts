import type { AppDeps } from '../../app-deps.js';
import { fieldError } from '../../platform/http/validation.js';
import { isPrivateTarget } from '../../platform/outbox/webhook-target.js';
import { fromDbBool, toDbBool } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import type { NotificationDto, NotificationSettingDto, NotificationSettingInput } from '../../../schemas/notifications.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { newId } from '../../platform/ids.js';
import { enqueueOutbox } from '../../platform/outbox/outbox.service.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './notifications.repository.js';
import { type WebhookFormat, webhookBody } from './webhook-message.js';

export type LocalizedText = Record<Locale, string>;

export interface NotifyInput {
  enterpriseId: string;
  /** Users by id, plus every member holding one of the roles (fanned out to one row per user). */
  userIds?: (string | null)[];
  roles?: readonly string[];
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  link: string;
  /** Same key → notified once (per user, and once to the webhook). */
  dedupeKey: string;
  at: Date;
}

/** In-app rows and, when the enterprise has a robot webhook, one outbox row — in the caller's transaction. */
export async function notifyInTransaction(trx: Executor, input: NotifyInput): Promise<number> {
  const roleUsers = await repo.listUserIdsWithRoles(trx, input.enterpriseId, input.roles ?? []);
  const recipients = [...new Set([...(input.userIds ?? []).filter((u): u is string => Boolean(u)), ...roleUsers])];
  const at = input.at.toISOString();
  // One statement for every recipient. No audit row of its own (issue 18: one audit row per
  // change): the change that caused it is audited, and the notification rows are the record.
  const created = await repo.insertNotificationsOnce(
    trx,
    recipients.map((userId) => ({
      id: newId(),
      enterprise_id: input.enterpriseId,
      user_id: userId,
      role: input.roles?.join(',') ?? null,
      kind: input.kind,
      title: JSON.stringify(input.title),
      body: JSON.stringify(input.body),
      link: input.link,
      read_at: null,
      dedupe_key: `${input.dedupeKey}:${userId}`,
      created_at: at,
    })),
  );
  const setting = await repo.findSetting(trx, input.enterpriseId);
  if (setting && fromDbBool(setting.is_webhook_enabled) && setting.webhook_url) {
    await enqueueOutbox(trx, {
      enterpriseId: input.enterpriseId,
      kind: `webhook:${input.kind}`,
      payload: {
        url: setting.webhook_url,
        // Robots sit in Chinese work groups: the webhook speaks zh-CN.
        body: webhookBody(setting.webhook_format as WebhookFormat, { title: input.title['zh-CN'], body: input.body['zh-CN'], link: input.link }),
      },
      dedupeKey: `webhook:${input.dedupeKey}`,
      at: input.at,
    });
  }
  return created;
}

export async function listMyNotifications(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  q: { cursor?: string; limit: number; isUnreadOnly: boolean },
  locale: Locale,
) {
  const rows = await repo.listNotificationsOfUser(deps.db, actor.enterpriseId, actor.userId, { after: decodeCursor(q.cursor), limit: q.limit + 1, isUnreadOnly: q.isUnreadOnly });
  const page = toPage(
    rows,
    q.limit,
    (r) => ({ at: r.created_at, id: r.id }),
    (r): NotificationDto => ({
      id: r.id,
      kind: r.kind,
      title: (JSON.parse(r.title) as LocalizedText)[locale],
      body: (JSON.parse(r.body) as LocalizedText)[locale],
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    }),
  );
  return { ...page, unread: await repo.countUnread(deps.db, actor.enterpriseId, actor.userId) };
}

export async function markNotificationsRead(deps: AppDeps, actor: { userId: string; enterpriseId: string }, ids: string[] | 'all'): Promise<{ marked: number }> {
  const at = deps.clock.now();
  return withTransaction(deps.db, async (trx) => {
    const marked = await repo.markRead(trx, actor.enterpriseId, actor.userId, ids, at.toISOString());
    if (marked.length) {
      await recordChange(trx, actor, at, { entity: 'notification', entityId: marked[0] as string, action: 'read', after: { ids: marked } });
    }
    return { marked: marked.length };
  });
}

export async function isAnonymousReportAllowed(db: Executor, enterpriseId: string): Promise<boolean> {
  const setting = await repo.findSetting(db, enterpriseId);
  // Issue 5: the page works without an account unless the enterprise switches it off.
  return setting ? fromDbBool(setting.allow_anonymous_reports) : true;
}

export async function getNotificationSetting(deps: AppDeps, enterpriseId: string): Promise<NotificationSettingDto> {
  const s = await repo.findSetting(deps.db, enterpriseId);
  return {
    webhookUrl: s?.webhook_url ?? null,
    webhookFormat: (s?.webhook_format ?? 'wecom') as WebhookFormat,
    isWebhookEnabled: s ? fromDbBool(s.is_webhook_enabled) : false,
    allowAnonymousReports: s ? fromDbBool(s.allow_anonymous_reports) : true,
  };
}

export async function updateNotificationSetting(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  input: NotificationSettingInput,
): Promise<NotificationSettingDto> {
  if (input.webhookUrl && !deps.config.isWebhookPrivateAllowed && (await isPrivateTarget(input.webhookUrl))) {
    throw fieldError('webhookUrl', {
      'zh-CN': '不能使用本机或内网地址（如需内网机器人，请管理员设置 WEBHOOK_ALLOW_PRIVATE=true）',
      'en-US': 'A loopback or private-network address is not allowed (for an intranet robot the operator sets WEBHOOK_ALLOW_PRIVATE=true)',
    });
  }
  const at = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    const before = await repo.findSetting(trx, actor.enterpriseId);
    const row = {
      enterprise_id: actor.enterpriseId,
      webhook_url: input.webhookUrl === undefined ? (before?.webhook_url ?? null) : input.webhookUrl,
      webhook_format: input.webhookFormat ?? before?.webhook_format ?? 'wecom',
      is_webhook_enabled: toDbBool(input.isWebhookEnabled ?? (before ? fromDbBool(before.is_webhook_enabled) : false)),
      allow_anonymous_reports: toDbBool(input.allowAnonymousReports ?? (before ? fromDbBool(before.allow_anonymous_reports) : true)),
      updated_at: at.toISOString(),
    };
    await repo.upsertSetting(trx, row);
    await recordChange(trx, actor, at, { entity: 'enterprise_notification_setting', entityId: actor.enterpriseId, action: before ? 'update' : 'create', before: before ?? null, after: row });
  });
  return getNotificationSetting(deps, actor.enterpriseId);
}
