import type { AppDeps } from '../../app-deps.js';
import { fieldError } from '../../platform/http/validation.js';
import { isPrivateTarget } from '../../platform/outbox/webhook-target.js';
import { fromDbBool, toDbBool } from '../../db/codecs.js';
import { afterCommit, withTransaction, type Executor } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import type { NotificationDto, NotificationSettingDto, NotificationSettingInput } from '../../../schemas/notifications.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { enqueueOutbox, enqueueOutboxAtCommit } from '../../platform/outbox/outbox-enqueue.js';
import { recordChange } from '../audit/audit.service.js';
import { deliverNotifications, kickNotifications, type LocalizedText, type NotifyInput } from './notification-fanout.service.js';
import * as repo from './notifications.repository.js';
import type { WebhookFormat } from './webhook-message.js';

export type { LocalizedText, NotifyInput } from './notification-fanout.service.js';

/**
 * Tells users of a change: ONE outbox row in the caller's transaction (kind 'notify', deduplicated
 * by the key), fanned out to in-app rows and the robot webhook after the commit, exactly once
 * (notification-fanout.service.ts). Returns 1 when the event is new, 0 when its key was seen.
 */
export async function notifyInTransaction(trx: Executor, input: NotifyInput): Promise<number> {
  const isNew = await enqueueOutbox(trx, notifyEntry(input));
  if (isNew) afterCommit(trx, kickNotifications);
  return isNew ? 1 : 0;
}

/**
 * notifyInTransaction for a write that needs no count back: its outbox row goes in with the
 * transaction's other rows at commit (at-commit.ts, one statement on PostgreSQL).
 */
export async function notifyAtCommit(trx: Executor, input: NotifyInput): Promise<void> {
  await enqueueOutboxAtCommit(trx, notifyEntry(input));
  afterCommit(trx, kickNotifications);
}

const notifyEntry = (input: NotifyInput) => ({
  enterpriseId: input.enterpriseId,
  kind: 'notify',
  payload: { ...input, at: input.at.toISOString() },
  dedupeKey: `notify:${input.dedupeKey}`,
  at: input.at,
});

export async function listMyNotifications(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  q: { cursor?: string; limit: number; isUnreadOnly: boolean },
  locale: Locale,
) {
  // The enterprise's pending fan-outs first (usually none: the kick after the write did them).
  await deliverNotifications(deps.db, deps.clock.now(), { enterpriseId: actor.enterpriseId });
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
