/* Safety signs (seed 001 第十一条; GB 2894 categories) — issue 9 §6. */
import { z } from 'zod';
import type { SafetySignCategory } from '../reference/safety-signs.js';
import { idSchema, isoDate, nonEmptyText, optionalText, pageQuerySchema } from './common.js';

const category = z.enum(['prohibition', 'warning', 'mandatory', 'information'] as const satisfies readonly SafetySignCategory[]);

export const safetySignInputSchema = z.strictObject({
    /** The area it stands in; with equipmentId alone, the equipment's area. */
    areaId: idSchema.nullable().default(null),
    /** The equipment it is fixed on, if any. */
    equipmentId: idSchema.nullable().default(null),
    category,
    /** A common sign of src/reference/safety-signs.ts, or null for a sign named freely. */
    signCode: z.string().trim().max(60).nullable().default(null),
    name: nonEmptyText(60),
    location: optionalText(200),
    quantity: z.number().int().min(1).max(999).default(1),
    photoId: idSchema.nullable().default(null),
    installedOn: isoDate.nullable().default(null),
    /** The post whose monthly inspection item checks the area's signs (first sign of an area: defaults to a post working there). */
    checkPostId: idSchema.nullable().default(null),
});
export type SafetySignInput = z.infer<typeof safetySignInputSchema>;

export const safetySignUpdateSchema = z.strictObject({
  name: nonEmptyText(60).optional(),
  location: optionalText(200).optional(),
  quantity: z.number().int().min(1).max(999).optional(),
  photoId: idSchema.nullable().optional(),
  installedOn: isoDate.nullable().optional(),
});
export type SafetySignUpdate = z.infer<typeof safetySignUpdateSchema>;

export const safetySignQuerySchema = pageQuerySchema.omit({ q: true }).extend({ areaId: idSchema.optional() });
export type SafetySignQuery = z.infer<typeof safetySignQuerySchema>;

export const safetySignSchema = z.object({
  id: z.string(),
  areaId: z.string(),
  areaName: z.string(),
  equipmentId: z.string().nullable(),
  equipmentName: z.string().nullable(),
  category,
  signCode: z.string().nullable(),
  name: z.string(),
  location: z.string(),
  quantity: z.number().int(),
  photoId: z.string().nullable(),
  installedOn: z.string().nullable(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type SafetySignDto = z.infer<typeof safetySignSchema>;

export const safetySignOverviewSchema = z.object({
  /** 较大/重大 places without a warning sign (seed 001 第十一条), 重大 first. */
  gaps: z.array(z.object({ kind: z.enum(['area', 'equipment']), id: z.string(), name: z.string(), level: z.enum(['major', 'significant']) })),
  /** Per area with signs: the checking post and its inspection item (a draft until the post's list is published). */
  checks: z.array(
    z.object({
      areaId: z.string(),
      areaName: z.string(),
      postId: z.string(),
      postName: z.string(),
      inspectionItemId: z.string(),
      itemContent: z.string(),
      isPublished: z.boolean(),
      hasUnpublishedChanges: z.boolean(),
    }),
  ),
});
export type SafetySignOverviewDto = z.infer<typeof safetySignOverviewSchema>;
