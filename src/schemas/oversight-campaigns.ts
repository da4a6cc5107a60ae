import { z } from 'zod';
import { isoDate, nonEmptyText } from './common.js';
import { sheetRefSchema } from './standardization.js';

/** Issue 17 §5 (seed 003 要求(三)): the county's self-assessment campaigns and their progress. */
export const campaignInputSchema = z.strictObject({
  title: nonEmptyText(200),
  sheetRef: sheetRefSchema,
  deadline: isoDate,
  /** The towns covered; none = the whole county. */
  townCodes: z.array(z.string().trim().regex(/^\d{9}$/)).max(200).default([]),
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const campaignDtoSchema = z.object({
  id: z.string(),
  countyCode: z.string(),
  title: z.string(),
  sheetRef: z.string(),
  deadline: z.string(),
  townCodes: z.array(z.string()),
  createdAt: z.string(),
});
export type CampaignDto = z.infer<typeof campaignDtoSchema>;

export const campaignStatuses = ['not_started', 'in_progress', 'completed'] as const;

export const campaignEnterpriseSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  townCode: z.string().nullable(),
  status: z.enum(campaignStatuses),
  assessmentId: z.string().nullable(),
  /** 千分制 score of the completed assessment. */
  score: z.number().nullable(),
  completedAt: z.string().nullable(),
  isOnTime: z.boolean().nullable(),
  /** Findings of the completed assessment (items deducted or vetoed) still open / closed out by their actions; null until completed. */
  findingsOpen: z.number().nullable(),
  findingsClosed: z.number().nullable(),
});
export type CampaignEnterpriseDto = z.infer<typeof campaignEnterpriseSchema>;

export const campaignTownSchema = z.object({
  townCode: z.string().nullable(),
  enterprises: z.number(),
  notStarted: z.number(),
  inProgress: z.number(),
  completed: z.number(),
  completedOnTime: z.number(),
  completedLate: z.number(),
  findingsOpen: z.number(),
  findingsClosed: z.number(),
  /** Enterprises with at least one finding still open. */
  withOpenFindings: z.number(),
});

/** The enterprise list is paged by keyset in (name, id) order (`cursor` = the previous page's `nextCursor`);
 * `findings=open`, `status` and `townCode` narrow the list (the towns' figures stay whole). */
export const campaignProgressQuerySchema = z.strictObject({
  findings: z.enum(['open']).optional(),
  status: z.enum(campaignStatuses).optional(),
  townCode: z.string().trim().regex(/^\d{9}$/).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CampaignProgressQuery = z.infer<typeof campaignProgressQuerySchema>;

export const countySheetSummarySchema = z.object({ ref: z.string(), name: z.string(), totalPoints: z.number(), itemCount: z.number(), createdAt: z.string() });
export type CountySheetSummaryDto = z.infer<typeof countySheetSummarySchema>;

export const campaignProgressSchema = z.object({
  campaign: campaignDtoSchema,
  towns: z.array(campaignTownSchema),
  /** One page of the enterprises (50 by default), in name order. */
  enterprises: z.array(campaignEnterpriseSchema),
  nextCursor: z.string().nullable(),
});
export type CampaignProgressDto = z.infer<typeof campaignProgressSchema>;

/** The enterprise's view: the campaigns covering it, with its own status. */
export const enterpriseCampaignSchema = campaignDtoSchema.extend({ status: z.enum(campaignStatuses), score: z.number().nullable(), completedAt: z.string().nullable() });
export type EnterpriseCampaignDto = z.infer<typeof enterpriseCampaignSchema>;
