import { z } from 'zod';
import { idSchema, isoDate, nonEmptyText, optionalText, pageQuerySchema, queryBoolean } from './common.js';

export const industries = [
  'metallurgy',
  'nonferrous',
  'building_materials',
  'machinery',
  'light_industry',
  'textile',
  'tobacco',
  'commerce',
] as const;
export type Industry = (typeof industries)[number];
export const sizeClasses = ['small', 'micro', 'other'] as const;
export const orgUnitKinds = ['department', 'workshop', 'team'] as const;
export const postKinds = ['operation', 'management'] as const;
export type PostKind = (typeof postKinds)[number];
/** GB 6944 dangerous-goods classes 1–9. */
export const dangerousClasses = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

const archivable = { archivedAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() };

// ---- enterprise ----
export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .length(18);
export const enterpriseInputSchema = z.strictObject({
  name: nonEmptyText(100),
  creditCode: creditCodeSchema,
  industry: z.enum(industries),
  regionCode: z.string().trim().regex(/^\d{6}$/),
  address: nonEmptyText(200),
  headcount: z.number().int().min(1).max(1_000_000),
  revenueCny: z.number().min(0).max(1e13),
  principalName: nonEmptyText(60),
  principalPhone: z.string().trim().regex(/^1\d{10}$/).optional(),
  timeZone: z.string().trim().max(60).default('Asia/Shanghai'),
});
export type EnterpriseInput = z.infer<typeof enterpriseInputSchema>;
// Spelled out, not `.partial()`: zod 4 applies `.default()` inside optional fields, which would
// reset the time zone on every partial update. The credit code is fixed once registered.
export const enterpriseUpdateSchema = z.strictObject({
  name: nonEmptyText(100).optional(),
  industry: z.enum(industries).optional(),
  regionCode: z.string().trim().regex(/^\d{6}$/).optional(),
  address: nonEmptyText(200).optional(),
  headcount: z.number().int().min(1).max(1_000_000).optional(),
  revenueCny: z.number().min(0).max(1e13).optional(),
  principalName: nonEmptyText(60).optional(),
  principalPhone: z.string().trim().regex(/^1\d{10}$/).optional(),
  timeZone: z.string().trim().max(60).optional(),
});
/** GET /enterprises: the administrator's page in name order (a member's enterprises come in one page). */
export const enterpriseListQuerySchema = pageQuerySchema.pick({ cursor: true, limit: true });

export const enterpriseDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  industry: z.enum(industries),
  regionCode: z.string(),
  address: z.string(),
  headcount: z.number(),
  revenueCny: z.number(),
  sizeClass: z.enum(sizeClasses),
  principalName: z.string(),
  principalPhone: z.string().nullable(),
  timeZone: z.string(),
  ...archivable,
});
export type EnterpriseDto = z.infer<typeof enterpriseDtoSchema>;

// ---- org units ----
export const orgUnitInputSchema = z.strictObject({
  name: nonEmptyText(60),
  kind: z.enum(orgUnitKinds),
  parentId: idSchema.nullable().default(null),
});
export const orgUnitUpdateSchema = z.strictObject({
  name: nonEmptyText(60).optional(),
  kind: z.enum(orgUnitKinds).optional(),
  parentId: idSchema.nullable().optional(),
});
export const orgUnitDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(orgUnitKinds),
  parentId: z.string().nullable(),
  ...archivable,
});
export type OrgUnitDto = z.infer<typeof orgUnitDtoSchema>;
export const orgUnitListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(orgUnitKinds).optional(),
  parentId: idSchema.optional(),
});

// ---- posts ----
export const postInputSchema = z.strictObject({
  name: nonEmptyText(60),
  kind: z.enum(postKinds),
  orgUnitId: idSchema.nullable().default(null),
  headcount: z.number().int().min(0).max(100_000).default(1),
  mainEquipment: optionalText(500),
  mainActivities: optionalText(1000),
  duties: optionalText(4000),
  /** Issue 8 item 5: the areas where the post's work happens (several allowed); its risks inherit them. */
  areaIds: z.array(idSchema).max(20).default([]),
  /** Seed 001 第十四条: the post this one reports to (its superior checks its work). */
  reportsToPostId: idSchema.nullable().default(null),
});
export type PostInput = z.infer<typeof postInputSchema>;
export const postUpdateSchema = z.strictObject({
  name: nonEmptyText(60).optional(),
  kind: z.enum(postKinds).optional(),
  orgUnitId: idSchema.nullable().optional(),
  headcount: z.number().int().min(0).max(100_000).optional(),
  mainEquipment: z.string().trim().max(500).optional(),
  mainActivities: z.string().trim().max(1000).optional(),
  duties: z.string().trim().max(4000).optional(),
  areaIds: z.array(idSchema).max(20).optional(),
  reportsToPostId: idSchema.nullable().optional(),
});
export const riskLevelValues = ['major', 'significant', 'general', 'low'] as const;
export const postDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(postKinds),
  orgUnitId: z.string().nullable(),
  headcount: z.number(),
  mainEquipment: z.string(),
  mainActivities: z.string(),
  duties: z.string(),
  level: z.enum(riskLevelValues).nullable(),
  templateRef: z.string().nullable(),
  areaIds: z.array(z.string()),
  reportsToPostId: z.string().nullable(),
  ...archivable,
});
export type PostDto = z.infer<typeof postDtoSchema>;
export const postListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(postKinds).optional(),
  orgUnitId: idSchema.optional(),
  areaId: idSchema.optional(),
});

// ---- people ----
export const personInputSchema = z.strictObject({
  name: nonEmptyText(60),
  phone: z.string().trim().regex(/^1\d{10}$/).nullable().default(null),
  orgUnitId: idSchema.nullable().default(null),
  postIds: z.array(idSchema).max(20).default([]),
  hireDate: isoDate.nullable().default(null),
  isContractor: z.boolean().default(false),
});
export type PersonInput = z.infer<typeof personInputSchema>;
export const personUpdateSchema = z.strictObject({
  name: nonEmptyText(60).optional(),
  phone: z.string().trim().regex(/^1\d{10}$/).nullable().optional(),
  orgUnitId: idSchema.nullable().optional(),
  postIds: z.array(idSchema).max(20).optional(),
  hireDate: isoDate.nullable().optional(),
  isContractor: z.boolean().optional(),
});
export const personDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  postIds: z.array(z.string()),
  hireDate: z.string().nullable(),
  isContractor: z.boolean(),
  ...archivable,
});
export type PersonDto = z.infer<typeof personDtoSchema>;
export const personListQuerySchema = pageQuerySchema.extend({
  orgUnitId: idSchema.optional(),
  postId: idSchema.optional(),
  isContractor: queryBoolean.optional(),
});

// ---- areas ----
/** Seed 001 第七条: 具有中毒、爆炸、火灾等危险因素的场所. */
export const areaHazardKinds = ['poisoning', 'explosion', 'fire'] as const;
export type AreaHazardKind = (typeof areaHazardKinds)[number];
const hazardKindsSchema = z.array(z.enum(areaHazardKinds)).max(3).refine((a) => new Set(a).size === a.length, { message: 'Each hazard kind once' });
const peopleAtOnceSchema = z.number().int().min(0).max(100_000);
export const areaInputSchema = z.strictObject({
  name: nonEmptyText(60),
  description: optionalText(1000),
  orgUnitId: idSchema.nullable().default(null),
  hazardKinds: hazardKindsSchema.default([]),
  /** 同一作业时间作业人员: the most people working there at the same time. */
  maxPeopleAtOnce: peopleAtOnceSchema.default(0),
});
export const areaUpdateSchema = z.strictObject({
  name: nonEmptyText(60).optional(),
  description: z.string().trim().max(1000).optional(),
  orgUnitId: idSchema.nullable().optional(),
  hazardKinds: hazardKindsSchema.optional(),
  maxPeopleAtOnce: peopleAtOnceSchema.optional(),
});
export const areaDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  orgUnitId: z.string().nullable(),
  hazardKinds: z.array(z.enum(areaHazardKinds)),
  maxPeopleAtOnce: z.number(),
  ...archivable,
});
export type AreaDto = z.infer<typeof areaDtoSchema>;
export const areaListQuerySchema = pageQuerySchema.extend({ orgUnitId: idSchema.optional() });

// ---- equipment ----
export const equipmentInputSchema = z.strictObject({
  name: nonEmptyText(60),
  model: optionalText(100),
  code: optionalText(60),
  areaId: idSchema.nullable().default(null),
  isSpecial: z.boolean().default(false),
  /** 重大危险源 (seed 001 第七条（一）2). */
  isMajorHazardInstallation: z.boolean().default(false),
});
export const equipmentUpdateSchema = z.strictObject({
  name: nonEmptyText(60).optional(),
  model: z.string().trim().max(100).optional(),
  code: z.string().trim().max(60).optional(),
  areaId: idSchema.nullable().optional(),
  isSpecial: z.boolean().optional(),
  isMajorHazardInstallation: z.boolean().optional(),
});
export const equipmentDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  model: z.string(),
  code: z.string(),
  areaId: z.string().nullable(),
  isSpecial: z.boolean(),
  isMajorHazardInstallation: z.boolean(),
  ...archivable,
});
export type EquipmentDto = z.infer<typeof equipmentDtoSchema>;
export const equipmentListQuerySchema = pageQuerySchema.extend({
  areaId: idSchema.optional(),
  isSpecial: queryBoolean.optional(),
});

// ---- materials ----
export const materialInputSchema = z.strictObject({
  name: nonEmptyText(60),
  dangerousClass: z.enum(dangerousClasses).nullable().default(null),
  casNo: z.string().trim().regex(/^(\d{2,7}-\d{2}-\d)?$/).default(''),
  maxStock: optionalText(60),
  areaId: idSchema.nullable().default(null),
});
export const materialUpdateSchema = z.strictObject({
  name: nonEmptyText(60).optional(),
  dangerousClass: z.enum(dangerousClasses).nullable().optional(),
  casNo: z.string().trim().regex(/^(\d{2,7}-\d{2}-\d)?$/).optional(),
  maxStock: z.string().trim().max(60).optional(),
  areaId: idSchema.nullable().optional(),
});
export const materialDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  dangerousClass: z.enum(dangerousClasses).nullable(),
  casNo: z.string(),
  maxStock: z.string(),
  areaId: z.string().nullable(),
  ...archivable,
});
export type MaterialDto = z.infer<typeof materialDtoSchema>;
export const materialListQuerySchema = pageQuerySchema.extend({
  areaId: idSchema.optional(),
  dangerousClass: z.enum(dangerousClasses).optional(),
});

// ---- import ----
export const importIssueSchema = z.object({
  sheet: z.string(),
  row: z.number(),
  column: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;
export const importResultSchema = z.object({
  posts: z.number(),
  people: z.number(),
});

// ---- audit log ----
export const auditQuerySchema = pageQuerySchema.extend({
  entity: z.string().max(40).optional(),
  entityId: idSchema.optional(),
  actorUserId: idSchema.optional(),
  action: z.string().max(40).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
export const auditEntryDtoSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDtoSchema>;
