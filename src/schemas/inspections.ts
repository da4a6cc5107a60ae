import { z } from 'zod';
import { idSchema, nonEmptyText, optionalText, pageSchema, queryBoolean } from './common.js';
import { inspectionMethods, periods } from './risks.js';

export const taskStatuses = ['open', 'done', 'missed'] as const;
export const inspectionResults = ['pass', 'fail', 'na'] as const;

// ── Shifts ─────────────────────────────────────────────────────────────────────────────────────
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
export const shiftSchema = z.strictObject({ code: nonEmptyText(20), start: hhmm, end: hhmm });
export const shiftsInputSchema = z.strictObject({ shifts: z.array(shiftSchema).min(1).max(6) });
export type ShiftsInput = z.infer<typeof shiftsInputSchema>;
export const shiftsDtoSchema = z.object({
  shifts: z.array(z.object({ code: z.string(), start: z.string(), end: z.string() })),
  isDefault: z.boolean(),
  timeZone: z.string(),
  updatedAt: z.string().nullable(),
});
export type ShiftsDto = z.infer<typeof shiftsDtoSchema>;

// ── Items and lists ────────────────────────────────────────────────────────────────────────────
/** An extra item (Art. 13: "有新的外部强制性要求时可补充排查内容") has no measure; naming a measure of
 * the same post adds a further item to it (e.g. to cover a measure whose item was archived). */
export const extraItemInputSchema = z.strictObject({
  postId: idSchema,
  measureId: idSchema.nullable().default(null),
  content: nonEmptyText(500),
  method: z.enum(inspectionMethods),
  period: z.enum(periods),
  responsiblePersonId: idSchema.nullable().default(null),
  /** Seed 001 第十三条: no named person, explicitly the post's holders on duty. */
  responsibleIsPostHolders: z.boolean().default(false),
  supervisorPostId: idSchema.nullable().default(null),
});
export type ExtraItemInput = z.infer<typeof extraItemInputSchema>;

export const itemUpdateSchema = z.strictObject({
  content: nonEmptyText(500).optional(),
  method: z.enum(inspectionMethods).optional(),
  period: z.enum(periods).optional(),
  responsiblePersonId: idSchema.nullable().optional(),
  responsibleIsPostHolders: z.boolean().optional(),
  supervisorPostId: idSchema.nullable().optional(),
});
export type ItemUpdate = z.infer<typeof itemUpdateSchema>;

export const itemDtoSchema = z.object({
  id: z.string(),
  postId: z.string(),
  measureId: z.string().nullable(),
  content: z.string(),
  method: z.enum(inspectionMethods),
  period: z.enum(periods),
  responsiblePersonId: z.string().nullable(),
  responsibleIsPostHolders: z.boolean(),
  supervisorPostId: z.string().nullable(),
  isActive: z.boolean(),
  /** When the version tasks run was published (null: never published, a draft). */
  publishedAt: z.string().nullable(),
  /** Edited since publication: tasks still run the published version until the list is published again. */
  hasUnpublishedChanges: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type ItemDto = z.infer<typeof itemDtoSchema>;

export const inspectionListDtoSchema = z.object({
  postId: z.string(),
  measures: z.array(
    z.object({ measureId: z.string(), riskId: z.string(), text: z.string(), type: z.string(), items: z.array(itemDtoSchema) }),
  ),
  extraItems: z.array(itemDtoSchema),
  uncoveredMeasures: z.array(z.object({ measureId: z.string(), riskId: z.string(), text: z.string() })),
  /** Active items naming no person and not marked "the post's holders on duty": publishing is refused (seed 001 第十三条). */
  itemsWithoutResponsible: z.array(z.string()),
  isPublishable: z.boolean(),
  lastPublishedAt: z.string().nullable(),
  /** Some active item is new or edited since the last publication: the list is a draft (tasks run the published version). */
  hasDraft: z.boolean(),
  /** Seed 001 第十四条: an operation post's 作业行为 is checked by its superior post — an item with a supervising post. */
  superiorCheck: z.object({ isNeeded: z.boolean(), hasCheck: z.boolean(), reportsToPostId: z.string().nullable(), reportsToPostName: z.string().nullable() }),
});
export type InspectionListDto = z.infer<typeof inspectionListDtoSchema>;

export const publicationDtoSchema = z.object({
  id: z.string(),
  postId: z.string(),
  itemCount: z.number(),
  publishedAt: z.string(),
  /** Published, but worth a look: e.g. no superior check of an operation post (seed 001 第十四条). */
  warnings: z.array(z.object({ code: z.enum(['noSuperiorCheck']), message: z.string(), reportsToPostId: z.string().nullable() })),
});

// ── Tasks and records ──────────────────────────────────────────────────────────────────────────
/** Newest window first, keyset-paged: `cursor` is the previous page's `nextCursor`. */
export const taskListQuerySchema = z.strictObject({
  mine: queryBoolean.optional(),
  status: z.enum(taskStatuses).optional(),
  postId: idSchema.optional(),
  /** One person's tasks (managers; a worker sees only their own whatever this says). */
  personId: idSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const taskDtoSchema = z.object({
  id: z.string(),
  postId: z.string(),
  postName: z.string(),
  responsiblePersonId: z.string(),
  period: z.enum(periods),
  shiftCode: z.string().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z.enum(taskStatuses),
  itemCount: z.number(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type TaskDto = z.infer<typeof taskDtoSchema>;
export const taskPageSchema = pageSchema(taskDtoSchema);
export type TaskPage = z.infer<typeof taskPageSchema>;

export const recordDtoSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  result: z.enum(inspectionResults),
  note: z.string(),
  personId: z.string().nullable(),
  capturedAt: z.string(),
  receivedAt: z.string(),
  isLate: z.boolean(),
  submissionId: z.string(),
  supersedesId: z.string().nullable(),
  photoIds: z.array(z.string()),
  hazardId: z.string().nullable().optional(),
});
export type RecordDto = z.infer<typeof recordDtoSchema>;

export const taskDetailDtoSchema = taskDtoSchema.extend({
  items: z.array(itemDtoSchema.extend({ latestRecord: recordDtoSchema.nullable() })),
});
export type TaskDetailDto = z.infer<typeof taskDetailDtoSchema>;

export const submissionInputSchema = z.strictObject({
  clientId: z.uuid(),
  capturedAt: z.iso.datetime({ offset: true }),
  results: z
    .array(
      z.strictObject({
        itemId: idSchema,
        result: z.enum(inspectionResults),
        note: optionalText(1000),
        photoIds: z.array(idSchema).max(9).default([]),
        /** A correction names the record it replaces; the old one stays as evidence. */
        supersedesId: idSchema.nullable().default(null),
      }),
    )
    .min(1)
    .max(200),
});
export type SubmissionInput = z.infer<typeof submissionInputSchema>;

export const submissionResultDtoSchema = z.object({
  taskId: z.string(),
  clientId: z.string(),
  isReplay: z.boolean(),
  status: z.enum(taskStatuses),
  records: z.array(recordDtoSchema),
});
export type SubmissionResultDto = z.infer<typeof submissionResultDtoSchema>;

// ── Attachments and statistics ─────────────────────────────────────────────────────────────────
export const attachmentUploadQuerySchema = z.strictObject({
  postId: idSchema.optional(),
  areaId: idSchema.optional(),
  equipmentId: idSchema.optional(),
  /** When the phone took the photo; the server refuses a time in the future (beyond clock skew). */
  capturedAt: z.iso.datetime({ offset: true }).optional(),
  /** The phone's name for this photo: uploading it again (发送 tapped before the first upload ended,
   * an outbox retry) answers the attachment already stored instead of storing a second one. */
  clientKey: z.string().trim().min(8).max(100).optional(),
});
export type AttachmentUploadQuery = z.infer<typeof attachmentUploadQuerySchema>;
export const attachmentDtoSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  mime: z.string(),
  bytes: z.number(),
  width: z.number(),
  height: z.number(),
  stampedText: z.string(),
  createdAt: z.string(),
  capturedAt: z.string().nullable(),
});
export type AttachmentDto = z.infer<typeof attachmentDtoSchema>;

export const statsQuerySchema = z.strictObject({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });
export const statsDtoSchema = z.object({
  from: z.string(),
  to: z.string(),
  tasks: z.object({ done: z.number(), missed: z.number(), open: z.number() }),
  /** done / (done + missed); null when no task has closed in the range. */
  completionRate: z.number().nullable(),
  records: z.object({ total: z.number(), late: z.number() }),
  lateShare: z.number().nullable(),
});
export type StatsDto = z.infer<typeof statsDtoSchema>;
