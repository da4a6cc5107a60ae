/* Change management (issue 14 §7, seed 000 一(二)3): change requests and their steps. */
import { z } from 'zod';
import { changeKinds, changeStatuses } from '../domain/management/change-lifecycle.js';
import { idSchema, isoDate, nonEmptyText, pageQuerySchema } from './common.js';

const text = (max: number) => z.string().trim().max(max);

export const changeRequestCreateSchema = z.strictObject({
  name: nonEmptyText(200),
  kind: z.enum(changeKinds),
  description: text(4000).default(''),
  requestedByPersonId: idSchema.nullable().default(null),
  /** What the change touches: its risks are those of the post, the area, the equipment or material. */
  postId: idSchema.nullable().default(null),
  areaId: idSchema.nullable().default(null),
  equipmentId: idSchema.nullable().default(null),
  materialId: idSchema.nullable().default(null),
  plannedOn: isoDate.nullable().default(null),
});
export const changeRequestUpdateSchema = z.strictObject({
  name: nonEmptyText(200).optional(),
  kind: z.enum(changeKinds).optional(),
  description: text(4000).optional(),
  requestedByPersonId: idSchema.nullable().optional(),
  postId: idSchema.nullable().optional(),
  areaId: idSchema.nullable().optional(),
  equipmentId: idSchema.nullable().optional(),
  materialId: idSchema.nullable().optional(),
  plannedOn: isoDate.nullable().optional(),
});
export const changeStepBodySchema = z.strictObject({ note: text(4000).default('') });

export const touchedRiskSchema = z.object({
  id: z.string(),
  postId: z.string(),
  objectName: z.string(),
  level: z.string().nullable(),
  status: z.string(),
  /** Flagged for re-identification and not yet re-identified. */
  reviewReason: z.string().nullable(),
  isFlaggedByThisChange: z.boolean(),
});

export const changeRequestSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(changeKinds),
  description: z.string(),
  requestedByPersonId: z.string().nullable(),
  postId: z.string().nullable(),
  areaId: z.string().nullable(),
  equipmentId: z.string().nullable(),
  materialId: z.string().nullable(),
  plannedOn: z.string().nullable(),
  status: z.enum(changeStatuses),
  reviewNotes: z.string(),
  reviewedAt: z.string().nullable(),
  decisionNote: z.string(),
  decidedAt: z.string().nullable(),
  implementedAt: z.string().nullable(),
  closeNote: z.string(),
  closedAt: z.string().nullable(),
  /** The live risks the change touches now (listed before the review), and which it flagged. */
  touchedRisks: z.array(touchedRiskSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type ChangeRequestDto = z.infer<typeof changeRequestSchema>;
export const changeRequestListQuerySchema = pageQuerySchema.extend({ status: z.enum(changeStatuses).optional(), kind: z.enum(changeKinds).optional() }).strict();
