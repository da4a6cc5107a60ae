/* Participation and communication (issue 14 §9, seed 000 三(三)). */
import { z } from 'zod';
import { idSchema, isoDate, nonEmptyText, pageQuerySchema } from './common.js';

const text = (max: number) => z.string().trim().max(max);

/** The seed's channels: 公告牌, 各种例会, 简短汇报 (班前会), 培训, 新员工入场教育, plus today's group chats and a suggestion box. */
export const channelKinds = ['notice_board', 'meeting', 'pre_shift_briefing', 'training', 'group_chat', 'suggestion_box', 'other'] as const;
export const meetingKinds = ['safety_meeting', 'pre_shift', 'consultation', 'other'] as const;

export const channelCreateSchema = z.strictObject({
  name: nonEmptyText(200),
  kind: z.enum(channelKinds),
  frequency: text(100).default(''),
  audience: text(200).default(''),
  ownerPersonId: idSchema.nullable().default(null),
});
export const channelUpdateSchema = z.strictObject({
  name: nonEmptyText(200).optional(),
  kind: z.enum(channelKinds).optional(),
  frequency: text(100).optional(),
  audience: text(200).optional(),
  ownerPersonId: idSchema.nullable().optional(),
});
export const channelSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(channelKinds),
  frequency: z.string(),
  audience: z.string(),
  ownerPersonId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type ChannelDto = z.infer<typeof channelSchema>;
export const channelListQuerySchema = pageQuerySchema.strict();

export const meetingInputSchema = z.strictObject({
  kind: z.enum(meetingKinds),
  name: nonEmptyText(200),
  heldOn: isoDate,
  chairPersonId: idSchema.nullable().default(null),
  channelId: idSchema.nullable().default(null),
  /** Workers' representatives present (a consultation names them). */
  representatives: text(500).default(''),
  minutes: text(8000).default(''),
  attendeePersonIds: z.array(idSchema).max(500).default([]),
  decisions: z.array(z.strictObject({ text: nonEmptyText(1000), ownerPersonId: idSchema, deadline: isoDate })).max(50).default([]),
});
export const actionDoneSchema = z.strictObject({ actionId: idSchema, note: text(2000).default('') });

export const meetingActionSchema = z.object({
  id: z.string(),
  text: z.string(),
  ownerPersonId: z.string(),
  deadline: z.string(),
  doneAt: z.string().nullable(),
  doneNote: z.string(),
});
export const meetingSchema = z.object({
  id: z.string(),
  kind: z.enum(meetingKinds),
  name: z.string(),
  heldOn: z.string(),
  chairPersonId: z.string().nullable(),
  channelId: z.string().nullable(),
  representatives: z.string(),
  minutes: z.string(),
  attendeePersonIds: z.array(z.string()),
  /** Attendees who signed (sign-off subject 'meeting'). */
  signedPersonIds: z.array(z.string()),
  actions: z.array(meetingActionSchema),
  createdAt: z.string(),
});
export type MeetingDto = z.infer<typeof meetingSchema>;
export const meetingListQuerySchema = pageQuerySchema.extend({ kind: z.enum(meetingKinds).optional() }).strict();
