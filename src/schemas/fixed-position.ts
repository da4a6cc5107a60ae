/* 定置管理 (seed 003 二(二)2; issue 11 §5). */
import { z } from 'zod';
import { idSchema } from './common.js';

/** What must have a place (fire extinguishers, racks, gas cylinders, walkways, other). */
export const fixedPositionKinds = ['extinguisher', 'rack', 'cylinder', 'walkway', 'other'] as const;

const unit = z.number().min(0).max(1);

export const fixedPositionSchema = z.strictObject({
  label: z.string().trim().min(1).max(60),
  kind: z.enum(fixedPositionKinds),
  /** Position on the enterprise's floor plan, 0..1 of its width and height. */
  x: unit,
  y: unit,
});

export const fixedPositionPlanInputSchema = z.strictObject({
  ruleText: z.string().trim().min(1).max(2000),
  /** The post whose inspection item checks the area's positions periodically. */
  postId: idSchema,
  positions: z.array(fixedPositionSchema).min(1).max(60),
  /** The revision edited (0 for the first save); an older one is 409. */
  revision: z.number().int().min(0),
});
export type FixedPositionPlanInput = z.infer<typeof fixedPositionPlanInputSchema>;

export const fixedPositionDeviationInputSchema = z.strictObject({
  /** Which marked position is off (its place in the list). */
  positionIndex: z.number().int().min(0).max(59),
  note: z.string().trim().min(1).max(500),
  photoIds: z.array(idSchema).max(6).default([]),
  clientId: z.string().trim().min(8).max(100),
});
export type FixedPositionDeviationInput = z.infer<typeof fixedPositionDeviationInputSchema>;

export const fixedPositionPlanSchema = z.object({
  areaId: z.string(),
  areaName: z.string(),
  /** Null until the area's plan is saved. */
  id: z.string().nullable(),
  revision: z.number(),
  ruleText: z.string(),
  postId: z.string().nullable(),
  inspectionItemId: z.string().nullable(),
  positions: z.array(z.object({ label: z.string(), kind: z.enum(fixedPositionKinds), x: z.number(), y: z.number() })),
  /** The area's outline on the floor plan (0..1), when drawn on the risk map. */
  polygon: z.array(z.tuple([z.number(), z.number()])).nullable(),
  hasFloorPlan: z.boolean(),
});
export type FixedPositionPlanDto = z.infer<typeof fixedPositionPlanSchema>;

export const fixedPositionDeviationResultSchema = z.object({ hazardId: z.string(), isNew: z.boolean() });
