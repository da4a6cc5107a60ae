import { z } from 'zod';
import { isoDate, nonEmptyText } from './common.js';
import { industries, riskLevelValues, sizeClasses } from './org.js';

/** 16号令: the evaluation of a major hazard's remediation by technical staff or experts, before the stop-work lifts. */
export const remediationEvaluationInputSchema = z.strictObject({
  evaluators: nonEmptyText(500),
  evaluatorKind: z.enum(['technical_staff', 'experts']),
  conclusion: z.enum(['passed', 'failed']),
  opinion: nonEmptyText(4000),
  evaluatedOn: isoDate,
});
export type RemediationEvaluationInput = z.infer<typeof remediationEvaluationInputSchema>;

export const remediationEvaluationDtoSchema = remediationEvaluationInputSchema.extend({
  id: z.string(),
  hazardId: z.string(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});
export type RemediationEvaluationDto = z.infer<typeof remediationEvaluationDtoSchema>;

export const bureauReportKinds = ['major_hazard', 'result'] as const;

/** Seed 001 Art. 17: a report to the county bureau, delivered to the regulators linked to the enterprise. */
export const bureauReportDtoSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  hazardId: z.string(),
  kind: z.enum(bureauReportKinds),
  bureau: z.string(),
  summary: z.string(),
  reportedAt: z.string(),
  reportedByName: z.string().nullable(),
  /** The .docx the enterprise reports with (downloadable by its regulators). */
  docxUrl: z.string(),
  acknowledgements: z.array(z.object({ userName: z.string(), note: z.string(), acknowledgedAt: z.string() })),
  isAcknowledgedByMe: z.boolean(),
});
export type BureauReportDto = z.infer<typeof bureauReportDtoSchema>;

/** A regulator inbox, newest first, keyset-paged: `cursor` is the previous page's `nextCursor`. */
export const inboxQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const bureauReportInboxSchema = z.object({ items: z.array(bureauReportDtoSchema), nextCursor: z.string().nullable() });

export const acknowledgeInputSchema = z.strictObject({ note: z.string().trim().max(1000).default('') });

/** The regulator's (and consultant's) landing page: one row per linked enterprise. */
export const oversightOverviewDtoSchema = z.object({
  items: z.array(
    z.object({
      enterpriseId: z.string(),
      name: z.string(),
      industry: z.enum(industries),
      regionCode: z.string(),
      sizeClass: z.enum(sizeClasses),
      role: z.string(),
      openHazards: z.number(),
      openMajorHazards: z.number(),
      unacknowledgedReports: z.number(),
      postsByLevel: z.record(z.enum(riskLevelValues), z.number()),
    }),
  ),
});
export type OversightOverviewDto = z.infer<typeof oversightOverviewDtoSchema>;
