import type { Widen } from '../widen';

/** 中文 — notifications. Assembled in ./index.ts; en-US/notifications.ts has exactly the same keys. */
export const notificationsMessages = {
  notificationUi: {
    bell: '通知（{{count}} 条未读）',
    title: '通知',
    readAll: '全部已读',
    empty: '暂无通知',
    settings: {
      title: '通知设置',
      hint: '站内通知总是发送；也可推送到企业微信或钉钉群机器人。',
      enabled: '推送到群机器人',
      format: '机器人类型',
      wecom: '企业微信',
      dingtalk: '钉钉',
      url: 'Webhook 地址',
      urlHint: '在群设置中添加机器人后复制其 Webhook 地址。',
      anonymous: '允许匿名上报隐患',
      anonymousHint: '扫描场所二维码无需登录即可上报；匿名上报须经确认。',
    },
  },
} as const;

export type NotificationsMessages = Widen<typeof notificationsMessages>;
