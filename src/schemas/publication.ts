import { z } from 'zod';
import { riskLevelValues } from './org.js';
import { controlTiers, measureTypes, phases } from './risks.js';

// Publication (seed 001 Art. 11): post risk notification card, area notice board, four-colour map.

export const levelColourValues = ['red', 'orange', 'yellow', 'blue'] as const;
export const localizedTextSchema = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
export type LocalizedLabel = z.infer<typeof localizedTextSchema>;

export const codeLabelSchema = z.object({ code: z.string(), label: localizedTextSchema });

export const emergencyPhoneSchema = z.object({ kind: z.enum(['fire', 'ambulance', 'enterprise']), number: z.string() });

export const measureGroupSchema = z.object({
  /** `phase` for operation posts (before / during / after work), `type` when no phase, `duty` for management posts. */
  by: z.enum(['phase', 'type', 'duty']),
  key: z.string(),
  items: z.array(z.object({ text: z.string(), type: z.enum(measureTypes), phase: z.enum(phases).nullable() })),
});
export type MeasureGroup = z.infer<typeof measureGroupSchema>;

export const riskCardSchema = z.object({
  enterprise: z.object({ id: z.string(), name: z.string() }),
  post: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['operation', 'management']),
    orgUnitName: z.string().nullable(),
    headcount: z.number(),
    mainEquipment: z.string(),
    mainActivities: z.string(),
  }),
  level: z.enum(riskLevelValues).nullable(),
  colour: z.enum(levelColourValues).nullable(),
  accidentTypes: z.array(codeLabelSchema.extend({ consequences: localizedTextSchema })),
  hazardFactors: z.array(codeLabelSchema),
  /** The seed 001 第七条 rule(s) that set the post's level, when one did ("第七条（二）2：…"). */
  levelBasis: z.string().nullable(),
  risks: z.array(
    z.object({ id: z.string(), objectName: z.string(), level: z.enum(riskLevelValues).nullable(), causes: z.string(), levelBasis: z.string().nullable() }),
  ),
  measureGroups: z.array(measureGroupSchema),
  emergency: z.object({ actions: z.array(z.string()), phones: z.array(emergencyPhoneSchema) }),
  /** The enterprise's footer line (publication settings), printed at the foot of the card. */
  footer: z.string().nullable(),
  /** Latest change of the post, its risks or their measures: the card's version. */
  version: z.string(),
});
export type RiskCard = z.infer<typeof riskCardSchema>;

export const noticeBoardSchema = z.object({
  enterprise: z.object({ id: z.string(), name: z.string() }),
  area: z.object({ id: z.string(), name: z.string(), description: z.string() }),
  level: z.enum(riskLevelValues),
  colour: z.enum(levelColourValues),
  risks: z.array(
    z.object({
      id: z.string(),
      postName: z.string(),
      objectName: z.string(),
      level: z.enum(riskLevelValues),
      colour: z.enum(levelColourValues),
      accidentTypes: z.array(codeLabelSchema),
      keyMeasures: z.array(z.string()),
      controlTier: z.enum(controlTiers),
      responsiblePerson: z.string().nullable(),
    }),
  ),
  responsiblePeople: z.array(z.string()),
  emergency: z.object({ actions: z.array(z.string()), phones: z.array(emergencyPhoneSchema) }),
  footer: z.string().nullable(),
  version: z.string(),
});
export type NoticeBoard = z.infer<typeof noticeBoardSchema>;

/** Relative coordinates on the floor plan: 0..1 from the top-left corner. */
export const mapPointSchema = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
export const mapPolygonInputSchema = z.strictObject({ points: z.array(mapPointSchema).min(3).max(200) });
export type MapPolygonInput = z.infer<typeof mapPolygonInputSchema>;

export const floorPlanInfoSchema = z.object({
  mime: z.enum(['image/png', 'image/jpeg']),
  width: z.number(),
  height: z.number(),
  byteSize: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type FloorPlanInfo = z.infer<typeof floorPlanInfoSchema>;

export const riskMapAreaSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(riskLevelValues).nullable(),
  colour: z.enum(levelColourValues).nullable(),
  riskCount: z.number(),
  points: z.array(z.tuple([z.number(), z.number()])).nullable(),
});
export type RiskMapArea = z.infer<typeof riskMapAreaSchema>;

export const riskMapSchema = z.object({
  enterprise: z.object({ id: z.string(), name: z.string() }),
  floorPlan: floorPlanInfoSchema.nullable(),
  areas: z.array(riskMapAreaSchema),
});
export type RiskMap = z.infer<typeof riskMapSchema>;

export const postEmergencyInputSchema = z.strictObject({ emergencyActions: z.string().trim().max(2000) });
export type PostEmergencyInput = z.infer<typeof postEmergencyInputSchema>;

export const publicationSettingsSchema = z.object({ emergencyPhone: z.string().nullable(), cardFooter: z.string().nullable() });
export const publicationSettingsInputSchema = z.strictObject({
  /** The enterprise's own emergency number (duty room); 119 and 120 are always printed. */
  emergencyPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{3,30}$/)
    .nullable(),
  /** The footer line of every card and board, e.g. "安全管理部编制 · 监督电话 0631-5200000"; left out = unchanged. */
  cardFooter: z.string().trim().min(2).max(120).nullable().optional(),
});
export type PublicationSettingsInput = z.infer<typeof publicationSettingsInputSchema>;

/** The floor plan may be at most 5 MB. */
export const floorPlanMaxBytes = 5 * 1024 * 1024;
