import type { NotificationsMessages } from '../zh-CN/notifications';

/** English — notifications; the type keeps the keys identical to zh-CN/notifications.ts. */
export const notificationsMessages: NotificationsMessages = {
  notificationUi: {
    bell: 'Notifications ({{count}} unread)',
    title: 'Notifications',
    readAll: 'Mark all read',
    empty: 'No notifications',
    settings: {
      title: 'Notification settings',
      hint: 'In-app notifications are always sent; they can also go to a WeCom or DingTalk group robot.',
      enabled: 'Send to a group robot',
      format: 'Robot',
      wecom: 'WeCom',
      dingtalk: 'DingTalk',
      url: 'Webhook URL',
      urlHint: "Add a robot in the group's settings and copy its webhook URL.",
      anonymous: 'Allow anonymous hazard reports',
      anonymousHint: "Anyone who scans a place's QR code may report without logging in; such reports wait for confirmation.",
    },
  },
};
