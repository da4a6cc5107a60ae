import { z } from 'zod';
import { idSchema, queryBoolean } from './common.js';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  isUnreadOnly: queryBoolean.optional().default(false),
});

export const notificationPageSchema = z.object({ items: z.array(notificationSchema), nextCursor: z.string().nullable(), unread: z.number() });

export const markReadInputSchema = z.union([z.strictObject({ ids: z.array(idSchema).min(1).max(500) }), z.strictObject({ all: z.literal(true) })]);
export type MarkReadInput = z.infer<typeof markReadInputSchema>;

export const webhookFormatSchema = z.enum(['wecom', 'dingtalk']);

export const notificationSettingSchema = z.object({
  webhookUrl: z.string().nullable(),
  webhookFormat: webhookFormatSchema,
  isWebhookEnabled: z.boolean(),
  allowAnonymousReports: z.boolean(),
});
export type NotificationSettingDto = z.infer<typeof notificationSettingSchema>;

export const notificationSettingInputSchema = z.strictObject({
  webhookUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().optional(),
  webhookFormat: webhookFormatSchema.optional(),
  isWebhookEnabled: z.boolean().optional(),
  allowAnonymousReports: z.boolean().optional(),
});
export type NotificationSettingInput = z.infer<typeof notificationSettingInputSchema>;
