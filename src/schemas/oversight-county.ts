import { z } from 'zod';
import { passwordSchema } from './auth.js';
import { nonEmptyText, queryBoolean } from './common.js';
import { industries, sizeClasses } from './org.js';
import { supervisionFactKeys } from '../reference/supervision-grade-rules.js';

/** Issue 17: the county view (a regulator's region on one page) and its towns. */
export const supervisionGrades = ['A', 'B', 'C', 'D'] as const;
export type SupervisionGrade = (typeof supervisionGrades)[number];

export const countySortKeys = ['name', 'openHazards', 'overdueHazards', 'openMajorHazards', 'selfAssessmentScore', 'lastActivityAt', 'supervisionGrade'] as const;
export type CountySortKey = (typeof countySortKeys)[number];

export const countyListQuerySchema = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(countySortKeys).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  townCode: z.string().trim().regex(/^\d{9}$/).optional(),
  industry: z.enum(industries).optional(),
  sizeClass: z.enum(sizeClasses).optional(),
  hasOpenMajorHazard: queryBoolean.optional(),
  hasOverdueHazard: queryBoolean.optional(),
  hasStopWork: queryBoolean.optional(),
  supervisionGrade: z.enum(supervisionGrades).optional(),
  isDemonstration: queryBoolean.optional(),
});
export type CountyListQuery = z.infer<typeof countyListQuerySchema>;

export const gradeReasonSchema = z.object({ rule: z.string(), grade: z.enum(supervisionGrades), text: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }) });
export type GradeReason = z.infer<typeof gradeReasonSchema>;

export const countyEnterpriseDtoSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  industry: z.enum(industries),
  sizeClass: z.enum(sizeClasses),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  isDemonstration: z.boolean(),
  postsMajor: z.number(),
  postsSignificant: z.number(),
  openHazards: z.number(),
  overdueHazards: z.number(),
  openMajorHazards: z.number(),
  stopWorkInForce: z.number(),
  /** Share of inspection tasks done in the last 30 days, percent; null when none was due. */
  inspectionCompletion: z.number().nullable(),
  /** Share of people whose training is complete this year, percent; null without people. */
  trainingCompliance: z.number().nullable(),
  /** Latest concluded self-assessment on the 1000-point scale. */
  selfAssessmentScore: z.number().nullable(),
  selfAssessmentGrade: z.string().nullable(),
  supervisionGrade: z.enum(supervisionGrades).nullable(),
  gradeReasons: z.array(gradeReasonSchema),
  lastActivityAt: z.string().nullable(),
  refreshedAt: z.string(),
});
export type CountyEnterpriseDto = z.infer<typeof countyEnterpriseDtoSchema>;

export const countyPageSchema = z.object({
  items: z.array(countyEnterpriseDtoSchema),
  nextCursor: z.string().nullable(),
  /** The jurisdiction the list is scoped to. */
  scope: z.object({ countyCode: z.string(), countyName: z.string(), townCode: z.string().nullable(), townName: z.string().nullable() }),
});
export type CountyPageDto = z.infer<typeof countyPageSchema>;

export const countyEnterpriseDetailSchema = countyEnterpriseDtoSchema.extend({
  regionCode: z.string(),
  address: z.string(),
  headcount: z.number(),
  principalName: z.string(),
  facts: z.record(z.string(), z.unknown()),
});
export type CountyEnterpriseDetailDto = z.infer<typeof countyEnterpriseDetailSchema>;

export const townInputSchema = z.strictObject({
  /** 9 digits: the county's 6 digits and three of the town (统计用区划代码 乡级). */
  code: z.string().trim().regex(/^\d{9}$/),
  name: nonEmptyText(60),
});
export const townDtoSchema = z.object({ code: z.string(), name: z.string() });
export type TownDto = z.infer<typeof townDtoSchema>;

export const enterpriseTownInputSchema = z.strictObject({ townCode: z.string().trim().regex(/^\d{9}$/).nullable() });
export const demonstrationInputSchema = z.strictObject({ isDemonstration: z.boolean() });

export const jurisdictionInputSchema = z.strictObject({
  username: nonEmptyText(64),
  countyCode: z.string().trim().regex(/^\d{6}$/),
  townCode: z.string().trim().regex(/^\d{9}$/).nullable().default(null),
});
export const jurisdictionDtoSchema = z.object({ userId: z.string(), countyCode: z.string(), countyName: z.string(), townCode: z.string().nullable(), townName: z.string().nullable() });
export type JurisdictionDto = z.infer<typeof jurisdictionDtoSchema>;
/** A regulator's login and its jurisdiction (the administrator's list; a county's own town users). */
export const jurisdictionItemSchema = jurisdictionDtoSchema.extend({ username: z.string(), displayName: z.string() });
export type JurisdictionItemDto = z.infer<typeof jurisdictionItemSchema>;
/**
 * A new regulator login with its jurisdiction: the administrator names any county (and optionally a
 * town of it); a county regulator creates its towns' users (countyCode is its own, townCode required).
 */
export const regulatorAccountInputSchema = z.strictObject({
  username: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9_.@-]+$/),
  displayName: z.string().trim().min(1).max(60),
  password: passwordSchema,
  countyCode: z.string().trim().regex(/^\d{6}$/).optional(),
  townCode: z.string().trim().regex(/^\d{9}$/).nullable().default(null),
});
export type RegulatorAccountInput = z.infer<typeof regulatorAccountInputSchema>;

/** A county's differentiated-supervision rules (defaults in src/reference/supervision-grade-rules.ts). */
const months = z.number().int().min(1).max(24);
export const supervisionRulesSchema = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        id: nonEmptyText(40),
        fact: z.enum(supervisionFactKeys),
        op: z.enum(['atLeast', 'below']),
        threshold: z.number().min(0).max(1000),
        grade: z.enum(['B', 'C', 'D']),
        whenMissing: z.boolean().optional(),
      }),
    )
    .max(50),
  inspectEveryMonths: z.strictObject({ A: months, B: months, C: months, D: months }),
  demonstrationSkipsRoutine: z.boolean(),
});
export const supervisionRulesDtoSchema = supervisionRulesSchema.extend({ isDefault: z.boolean(), updatedAt: z.string().nullable() });
export type SupervisionRulesDto = z.infer<typeof supervisionRulesDtoSchema>;
