/* Emergency readiness (issue 13; seed 000 三(五)3 emergency plans, seed 003 重点4 supplies, drills,
 * self and mutual rescue). Shared by the server and the web app. No defaults in update schemas. */
import { z } from 'zod';
import { idSchema, isoDate, nonEmptyText, pageQuerySchema, queryBoolean } from './common.js';
import { periods } from './risks.js';
import { planContentKeys, planKinds } from '../reference/emergency-plans.js';
import { versionStatuses } from '../domain/approval/versioned-approval.js';

const text = (max = 4000) => z.string().trim().max(max);
const phoneSchema = z.string().trim().min(3).max(40).regex(/^[0-9+\-() ]+$/, '电话号码只能包含数字、+、-、括号和空格 / Digits, +, -, brackets and spaces only');

// ── Plans ──────────────────────────────────────────────────────────────────────────────────────
export const planContentsSchema = z.strictObject({
  potentialEmergencies: text(),
  responseDuties: text(),
  commanderPersonId: idSchema.nullable(),
  commander: text(500),
  alarmAndHelp: text(),
  onSiteCommunication: text(),
  specialRoles: text(),
  externalContacts: z.array(z.strictObject({ name: nonEmptyText(100), phone: phoneSchema })).max(30),
  supplyIds: z.array(idSchema).max(200),
  resources: text(),
});
export type PlanContentsInput = z.infer<typeof planContentsSchema>;

export const emptyPlanContents: PlanContentsInput = {
  potentialEmergencies: '',
  responseDuties: '',
  commanderPersonId: null,
  commander: '',
  alarmAndHelp: '',
  onSiteCommunication: '',
  specialRoles: '',
  externalContacts: [],
  supplyIds: [],
  resources: '',
};

export const planCreateSchema = z.strictObject({
  kind: z.enum(planKinds),
  title: nonEmptyText(200),
  scenarioCode: z.string().trim().max(60).nullable().default(null),
  /** 现场处置方案 belong to a post (its one-page card). */
  postId: idSchema.nullable().default(null),
  /** Pre-fill the draft from the scenario proposal (risks of the enterprise, contacts, supplies). */
  isPrefilled: z.boolean().default(true),
});
export type PlanCreateInput = z.infer<typeof planCreateSchema>;

/** Editing the open draft: any of the contents and the plan's title. */
export const draftUpdateSchema = z.strictObject({
  title: nonEmptyText(200).optional(),
  contents: planContentsSchema.partial().optional(),
  revisionReason: text(1000).optional(),
});
export type DraftUpdateInput = z.infer<typeof draftUpdateSchema>;

/** `reason` is required; checked after the plan is found (another enterprise's id answers 404 first). */
export const revisionCreateSchema = z.strictObject({ reason: z.string().trim().max(1000).default('') });

export const planVersionSchema = z.object({
  id: z.string(),
  versionNo: z.number(),
  status: z.enum(versionStatuses),
  contents: planContentsSchema,
  /** The eight contents still missing (approval is refused while any is). */
  missingContents: z.array(z.enum(planContentKeys)),
  revisionReason: z.string(),
  drillReviewId: z.string().nullable(),
  createdAt: z.string(),
  approvedByUserId: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  issuedOn: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  supersededAt: z.string().nullable(),
  obsoleteAt: z.string().nullable(),
});
export type PlanVersionDto = z.infer<typeof planVersionSchema>;

export const planSchema = z.object({
  id: z.string(),
  kind: z.enum(planKinds),
  title: z.string(),
  scenarioCode: z.string().nullable(),
  postId: z.string().nullable(),
  postName: z.string().nullable(),
  documentNumber: z.string(),
  /** The version in force, if any. */
  current: planVersionSchema.nullable(),
  draft: planVersionSchema.nullable(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type PlanDto = z.infer<typeof planSchema>;

export const planDetailSchema = planSchema.extend({ versions: z.array(planVersionSchema) });
export type PlanDetailDto = z.infer<typeof planDetailSchema>;

export const planListQuerySchema = z.strictObject({
  kind: z.enum(planKinds).optional(),
  postId: idSchema.optional(),
  includeArchived: queryBoolean.optional(),
});

export const scenarioProposalSchema = z.object({
  code: z.string(),
  label: z.string(),
  kind: z.enum(planKinds),
  /** Why it is proposed: the enterprise's risks (accident types) or materials naming it. */
  reasons: z.array(z.string()),
  riskCount: z.number(),
  /** A plan already exists for it. */
  planId: z.string().nullable(),
});
export type ScenarioProposalDto = z.infer<typeof scenarioProposalSchema>;

// ── Supplies and contacts (generic resources) ─────────────────────────────────────────────────
export const supplyCreateSchema = z.strictObject({
  name: nonEmptyText(200),
  quantity: z.number().int().min(0).max(1_000_000),
  minQuantity: z.number().int().min(0).max(1_000_000).default(0),
  unit: z.string().trim().max(20).default('个'),
  areaId: idSchema.nullable().default(null),
  location: z.string().trim().max(200).default(''),
  responsiblePersonId: idSchema.nullable().default(null),
  expiresOn: isoDate.nullable().default(null),
  /** With a post: a check item on that post's inspection list (the check runs like any task). */
  checkPeriod: z.enum(periods).nullable().default(null),
  checkPostId: idSchema.nullable().default(null),
});
export type SupplyCreateInput = z.infer<typeof supplyCreateSchema>;
export const supplyUpdateSchema = z.strictObject({
  name: nonEmptyText(200).optional(),
  quantity: z.number().int().min(0).max(1_000_000).optional(),
  minQuantity: z.number().int().min(0).max(1_000_000).optional(),
  unit: z.string().trim().max(20).optional(),
  areaId: idSchema.nullable().optional(),
  location: z.string().trim().max(200).optional(),
  responsiblePersonId: idSchema.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
  checkPeriod: z.enum(periods).nullable().optional(),
  checkPostId: idSchema.nullable().optional(),
});
export type SupplyUpdateInput = z.infer<typeof supplyUpdateSchema>;
export const supplySchema = z.object({
  id: z.string(),
  name: z.string(),
  quantity: z.number(),
  minQuantity: z.number(),
  unit: z.string(),
  areaId: z.string().nullable(),
  location: z.string(),
  responsiblePersonId: z.string().nullable(),
  expiresOn: z.string().nullable(),
  checkPeriod: z.enum(periods).nullable(),
  checkPostId: z.string().nullable(),
  inspectionItemId: z.string().nullable(),
  isExpired: z.boolean(),
  isExpiringSoon: z.boolean(),
  isShort: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type SupplyDto = z.infer<typeof supplySchema>;
export const supplyListQuerySchema = pageQuerySchema.extend({ areaId: idSchema.optional() }).strict();

export const contactCreateSchema = z.strictObject({
  name: nonEmptyText(100),
  organisation: z.string().trim().max(100).default(''),
  duty: z.string().trim().max(200).default(''),
  phone: phoneSchema,
  isExternal: z.boolean().default(false),
  /** Order in the call tree: who is called first. */
  callOrder: z.number().int().min(0).max(999).default(0),
  personId: idSchema.nullable().default(null),
});
export const contactUpdateSchema = z.strictObject({
  name: nonEmptyText(100).optional(),
  organisation: z.string().trim().max(100).optional(),
  duty: z.string().trim().max(200).optional(),
  phone: phoneSchema.optional(),
  isExternal: z.boolean().optional(),
  callOrder: z.number().int().min(0).max(999).optional(),
  personId: idSchema.nullable().optional(),
});
export type ContactCreateInput = z.infer<typeof contactCreateSchema>;
export type ContactUpdateInput = z.infer<typeof contactUpdateSchema>;
export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  duty: z.string(),
  phone: z.string(),
  isExternal: z.boolean(),
  callOrder: z.number(),
  personId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type ContactDto = z.infer<typeof contactSchema>;
export const contactListQuerySchema = pageQuerySchema.extend({ isExternal: queryBoolean.optional() }).strict();

// ── Self and mutual rescue (自救互救) per post ──────────────────────────────────────────────────
export const firstStepsSchema = z.strictObject({
  stop: text(1000).default(''),
  alarm: text(1000).default(''),
  isolate: text(1000).default(''),
  firstAid: text(2000).default(''),
  evacuation: text(1000).default(''),
  assemblyPoint: text(200).default(''),
});
export type FirstSteps = z.infer<typeof firstStepsSchema>;

export const postEmergencyCardSchema = z.object({
  postId: z.string(),
  postName: z.string(),
  enterpriseName: z.string(),
  firstSteps: firstStepsSchema.nullable(),
  /** The post's 现场处置方案 in force. */
  onsitePlan: z.object({ id: z.string(), title: z.string(), versionNo: z.number(), issuedOn: z.string().nullable(), contents: planContentsSchema }).nullable(),
  /** Internal responders then external numbers, in call order. */
  contacts: z.array(contactSchema),
  supplies: z.array(z.object({ id: z.string(), name: z.string(), location: z.string(), quantity: z.number(), unit: z.string() })),
});
export type PostEmergencyCardDto = z.infer<typeof postEmergencyCardSchema>;

// ── Drills ─────────────────────────────────────────────────────────────────────────────────────
export const cadenceSchema = z.strictObject({
  comprehensiveOrSpecialPerYear: z.number().int().min(0).max(12),
  onsiteEveryMonths: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(12)]),
});
export type CadenceDto = z.infer<typeof cadenceSchema>;

export const drillPlanSchema = z.strictObject({
  planId: idSchema,
  plannedOn: isoDate,
  scenario: z.string().trim().max(500).default(''),
  /** Who is expected to take part (they sign in through the sign-off mechanism). */
  participantPersonIds: z.array(idSchema).max(300).default([]),
});
/** heldOn and description are required; checked after the drill is found (another enterprise's id answers 404 first). */
export const drillRecordSchema = z.strictObject({
  heldOn: isoDate.optional(),
  description: z.string().trim().max(4000).default(''),
  participantPersonIds: z.array(idSchema).max(300).optional(),
  photoIds: z.array(idSchema).max(20).default([]),
});
export const drillReviewInputSchema = z.strictObject({
  whatWorked: z.string().trim().max(4000).default(''),
  whatFailed: z.string().trim().max(4000).default(''),
  needsRevision: z.boolean().default(false),
  /** Each finding becomes a hazard (a corrective action) through the hazards feature. */
  findings: z.array(z.strictObject({ text: nonEmptyText(500), postId: idSchema.nullable().default(null) })).max(50).default([]),
  /** With needsRevision: the reason written on the new draft version. */
  revisionReason: z.string().trim().max(1000).default(''),
});
export type DrillReviewInput = z.infer<typeof drillReviewInputSchema>;

export const drillReviewSchema = z.object({
  id: z.string(),
  whatWorked: z.string(),
  whatFailed: z.string(),
  needsRevision: z.boolean().default(false),
  findings: z.array(z.object({ text: z.string(), postId: z.string().nullable(), hazardId: z.string() })),
  newVersionId: z.string().nullable(),
  reviewedByUserId: z.string().nullable(),
  createdAt: z.string(),
});
export const drillSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  kind: z.enum(planKinds),
  plannedOn: z.string(),
  scenario: z.string(),
  status: z.enum(['planned', 'held']),
  heldOn: z.string().nullable(),
  description: z.string(),
  participantPersonIds: z.array(z.string()),
  /** People who signed in (sign-off mechanism, subject type 'emergency-drill'). */
  signedInPersonIds: z.array(z.string()),
  photoIds: z.array(z.string()),
  planVersionId: z.string().nullable(),
  review: drillReviewSchema.nullable(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type DrillDto = z.infer<typeof drillSchema>;
export const drillListQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const drillProgrammeSchema = z.object({
  year: z.number(),
  cadence: cadenceSchema,
  requirements: z.array(z.object({ rule: z.enum(['comprehensiveOrSpecial', 'onsite']), periodStart: z.string(), dueOn: z.string(), required: z.number(), held: z.number(), isMet: z.boolean() })),
  drills: z.array(drillSchema),
});
export type DrillProgrammeDto = z.infer<typeof drillProgrammeSchema>;

export const supplyCheckResultSchema = z.object({ checked: z.number(), hazardsRaised: z.number(), hazardIds: z.array(z.string()) });
