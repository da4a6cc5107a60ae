import { z } from 'zod';
import { idSchema, isoDate } from './common.js';

/** PostgreSQL refuses NUL characters that SQLite would store: refused here, the same on both. */
const noNul = (s: string) => !s.includes('\u0000');
const nulMessage = { message: '不能包含空字符 / must not contain NUL characters' };
const text = (max: number) => z.string().trim().max(max).refine(noNul, nulMessage);
const requiredText = (max: number) => z.string().trim().min(1).max(max).refine(noNul, nulMessage);

export const starterSheetRef = 'gbt33000-starter';
/** The shipped starter sheet by name, or an imported sheet by id. */
export const sheetRefSchema = z.union([z.literal(starterSheetRef), idSchema]);
export const sheetPartSchema = z.enum(['basic_management', 'equipment_facilities', 'environment_health']);
export const gradeSchema = z.enum(['grade1', 'grade2', 'grade3']);
const points = z.number().min(0).max(100_000);

export const deductionRuleSchema = z.object({ text: z.string(), points: z.number() });
export const scoreSheetItemSchema = z.object({
  code: z.string(),
  elementCode: z.string(),
  title: z.string(),
  points: z.number(),
  method: z.string(),
  deductionRules: z.array(deductionRuleSchema),
  canBeNotApplicable: z.boolean(),
  isVeto: z.boolean(),
  part: sheetPartSchema,
  isConfirmed: z.boolean(),
  evidenceKey: z.string().optional(),
});
export const scoreSheetSchema = z.object({
  ref: z.string(),
  name: z.string(),
  totalPoints: z.number(),
  sourceNote: z.string(),
  elements: z.array(z.object({ code: z.string(), name: z.string() })),
  items: z.array(scoreSheetItemSchema),
});
export type ScoreSheetDto = z.infer<typeof scoreSheetSchema>;
export const scoreSheetSummarySchema = z.object({
  ref: z.string(),
  name: z.string(),
  totalPoints: z.number(),
  itemCount: z.number(),
  createdAt: z.string().nullable(),
  /** Set by the county for a campaign covering the enterprise (issue 17 §5). */
  isCounty: z.boolean().optional(),
});
export const sheetImportQuerySchema = z.strictObject({ name: requiredText(200), totalPoints: z.coerce.number().positive().max(100_000) });

export const gradeProfileSchema = z.object({
  code: z.string(),
  label: z.string(),
  scale: z.number(),
  decimals: z.number(),
  thresholds: z.array(z.object({ grade: gradeSchema, min: z.number() })),
});

// ---- scoring without saving (POST /api/v1/standardization/scorings) ----
export const itemDecisionSchema = z.strictObject({
  code: requiredText(50),
  deduction: points.optional(),
  isNotApplicable: z.boolean().optional(),
  isVetoFired: z.boolean().optional(),
});
const inlineItemSchema = z.strictObject({
  code: requiredText(50),
  elementCode: requiredText(50),
  points,
  isVeto: z.boolean().optional(),
  canBeNotApplicable: z.boolean().optional(),
  part: sheetPartSchema.optional(),
});
export const scoringInputSchema = z
  .strictObject({
    sheetRef: sheetRefSchema.optional(),
    items: z.array(inlineItemSchema).min(1).max(2000).optional(),
    profileCode: z.string().max(50).optional(),
    decisions: z.array(itemDecisionSchema).max(2000).optional(),
  })
  .refine((v) => (v.sheetRef === undefined) !== (v.items === undefined), {
    message: '请给出评分表（sheetRef）或评分项目（items），二者选一 / give either sheetRef or items',
    path: ['sheetRef'],
  });
export type ScoringInput = z.infer<typeof scoringInputSchema>;
const subtotalSchema = z.object({ code: z.string(), name: z.string(), points: z.number(), applicable: z.number(), deduction: z.number(), earned: z.number() });
export const scoringResultSchema = z.object({
  profileCode: z.string(),
  totalPoints: z.number(),
  applicable: z.number(),
  earned: z.number(),
  deduction: z.number(),
  score1000: z.number().nullable(),
  score100: z.number().nullable(),
  grade: gradeSchema.nullable(),
  gradeLabel: z.string(),
  vetoes: z.array(z.string()),
  elements: z.array(subtotalSchema),
  parts: z.array(subtotalSchema),
});
export type ScoringResultDto = z.infer<typeof scoringResultSchema>;

// ---- self-assessment ----
export const teamRoles = ['leader', 'dept_head', 'safety_office', 'union', 'worker_rep', 'assessor'] as const;
export const teamMemberSchema = z.strictObject({ personId: idSchema, role: z.enum(teamRoles) });
export const assessmentInputSchema = z
  .strictObject({
    title: requiredText(200),
    sheetRef: sheetRefSchema,
    profileCode: z.string().max(50),
    plannedStart: isoDate,
    plannedEnd: isoDate,
    team: z.array(teamMemberSchema).min(1).max(100),
  })
  .refine((v) => v.plannedEnd >= v.plannedStart, { message: '结束日期不能早于开始日期 / the end date is before the start', path: ['plannedEnd'] })
  // Seed 002 phase 5 (三) 2: the self-assessment is led by the principal (主要负责人牵头).
  .refine((v) => v.team.filter((m) => m.role === 'leader').length === 1, { message: '自评组须有且只有一名组长（主要负责人） / the team needs exactly one leader (the principal)', path: ['team'] });
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export const decisionInputSchema = z.strictObject({
  deduction: points,
  isNotApplicable: z.boolean().default(false),
  isVetoFired: z.boolean().default(false),
  note: text(2000).default(''),
  attachmentIds: z.array(idSchema).max(20).default([]),
});
export type DecisionInput = z.infer<typeof decisionInputSchema>;
export const itemCodeParamsSchema = z.strictObject({ id: idSchema, code: z.string().min(1).max(50) });

const localText = z.string();
export const proposalSchema = z.object({
  evidence: z.array(localText),
  proposedDeduction: z.number().nullable(),
  reason: localText,
  isVetoFired: z.boolean(),
});
export const decisionSchema = z.object({
  deduction: z.number(),
  isNotApplicable: z.boolean(),
  isVetoFired: z.boolean(),
  isOverride: z.boolean(),
  note: z.string(),
  attachmentIds: z.array(z.string()),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
});
export const actionSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  kind: z.enum(['action', 'hazard']),
  description: z.string(),
  ownerPersonId: z.string(),
  ownerName: z.string(),
  deadline: z.string(),
  hazardId: z.string().nullable(),
  status: z.enum(['open', 'done']),
  createdAt: z.string(),
});
export type ActionDto = z.infer<typeof actionSchema>;
export const assessmentItemSchema = scoreSheetItemSchema.extend({
  proposal: proposalSchema.nullable(),
  decision: decisionSchema.nullable(),
  /** The deduction of the same item in the previous concluded self-assessment ("what changed"). */
  previousDeduction: z.number().nullable(),
});
export const meetingSchema = z.object({ id: z.string(), kind: z.enum(['first', 'last']), heldOn: z.string(), attendees: z.array(z.string()), minutes: z.string(), recordedAt: z.string() });
export const assessmentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  sheetName: z.string(),
  profileCode: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  status: z.enum(['in_progress', 'concluded']),
  score1000: z.number().nullable(),
  grade: gradeSchema.nullable(),
  createdAt: z.string(),
  concludedAt: z.string().nullable(),
});
export type AssessmentSummaryDto = z.infer<typeof assessmentSummarySchema>;
export const assessmentDetailSchema = assessmentSummarySchema.extend({
  sheetRef: z.string(),
  sourceNote: z.string(),
  team: z.array(z.object({ personId: z.string(), name: z.string(), role: z.enum(teamRoles) })),
  elements: z.array(z.object({ code: z.string(), name: z.string(), total: z.number(), decided: z.number() })),
  items: z.array(assessmentItemSchema),
  proposalsAt: z.string().nullable(),
  result: scoringResultSchema,
  actions: z.array(actionSchema),
  meetings: z.array(meetingSchema),
});
export type AssessmentDetailDto = z.infer<typeof assessmentDetailSchema>;

export const actionInputSchema = z.strictObject({
  itemCode: requiredText(50),
  /** A site condition becomes a hazard (hazards feature); anything else an action of this module. */
  kind: z.enum(['action', 'hazard']),
  description: requiredText(1000),
  ownerPersonId: idSchema,
  deadline: isoDate,
  postId: idSchema.nullish(),
  areaId: idSchema.nullish(),
});
export type ActionInput = z.infer<typeof actionInputSchema>;
export const actionCloseInputSchema = z.strictObject({ note: requiredText(1000) });

export const meetingInputSchema = z.strictObject({
  kind: z.enum(['first', 'last']),
  heldOn: isoDate,
  attendeePersonIds: z.array(idSchema).min(1).max(200),
  minutes: requiredText(5000),
});

export const historySchema = z.object({
  elements: z.array(z.object({ code: z.string(), name: z.string() })),
  rows: z.array(
    z.object({
      assessmentId: z.string(),
      title: z.string(),
      concludedAt: z.string(),
      score1000: z.number().nullable(),
      grade: gradeSchema.nullable(),
      /** Earned ÷ applicable per element, in percent (one decimal); null where nothing applied. */
      elementRates: z.record(z.string(), z.number().nullable()),
    }),
  ),
});

export const assessorInputSchema = z.strictObject({
  personId: idSchema,
  training: requiredText(500),
  trainedOn: isoDate,
  appointedOn: isoDate,
  appointmentRef: text(100).default(''),
});
export const assessorSchema = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  training: z.string(),
  trainedOn: z.string(),
  appointedOn: z.string(),
  appointmentRef: z.string(),
});

export const reportProfileSchema = z.object({
  nature: z.string(),
  locationAndTransport: z.string(),
  capacityAndScale: z.string(),
  mainProcesses: z.string(),
  mainEquipment: z.string(),
  occupationalHealth: z.string(),
  updatedAt: z.string().nullable(),
});
export const reportProfileInputSchema = z.strictObject({
  nature: text(500),
  locationAndTransport: text(2000),
  capacityAndScale: text(2000),
  mainProcesses: text(4000),
  mainEquipment: text(4000),
  occupationalHealth: text(4000),
});
export type ReportProfileInput = z.infer<typeof reportProfileInputSchema>;
