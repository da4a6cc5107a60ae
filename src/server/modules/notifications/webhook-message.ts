/**
 * Robot message bodies. WeCom (企业微信群机器人) and DingTalk (钉钉自定义机器人) both accept
 * { msgtype: 'markdown' }; WeCom puts the text in markdown.content, DingTalk in markdown.text with
 * a title shown in the notification list.
 */
export const webhookFormats = ['wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof webhookFormats)[number];

export function webhookBody(format: WebhookFormat, message: { title: string; body: string; link: string }): unknown {
  const text = `### ${message.title}\n${message.body}\n\n> ${message.link}`;
  if (format === 'dingtalk') return { msgtype: 'markdown', markdown: { title: message.title, text } };
  return { msgtype: 'markdown', markdown: { content: text } };
}
