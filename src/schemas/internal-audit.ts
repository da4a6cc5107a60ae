/* Internal audit (issue 15 §2, seed 000 四(二)). */
import { z } from 'zod';
import { auditConclusions, findingKinds } from '../domain/improvement/audit-checklist.js';
import { idSchema, isoDate, nonEmptyText, optionalText } from './common.js';

export const auditStatuses = ['planned', 'reported'] as const;

export const auditCreateSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: nonEmptyText(200),
  scope: nonEmptyText(2000),
  plannedOn: isoDate,
  /** Appointed internal auditors (内审员, the register under 标准化 → 内审员). */
  auditorPersonIds: z.array(idSchema).max(10).default([]),
  /** An external auditor (consultancy, registered safety engineer) by name; seed 000 四(二) "审核可委托外部服务机构或专业人员进行". */
  externalAuditor: optionalText(200),
});
export type AuditCreateInput = z.infer<typeof auditCreateSchema>;

export const checklistItemSchema = z.strictObject({ key: z.string().trim().min(1).max(80), element: nonEmptyText(300), question: nonEmptyText(1000) });
export const auditChecklistSchema = z.strictObject({ items: z.array(checklistItemSchema).min(1).max(300) });

export const auditFindingCreateSchema = z.strictObject({
  checklistKey: z.string().trim().max(80).nullable().default(null),
  kind: z.enum(findingKinds),
  evidence: nonEmptyText(2000),
  photoIds: z.array(idSchema).max(20).default([]),
  /** Owner of the corrective action a nonconformity raises. */
  capaOwnerPersonId: idSchema.nullable().default(null),
});
export type AuditFindingInput = z.infer<typeof auditFindingCreateSchema>;

export const auditReportSchema = z.strictObject({
  conclusion: z.enum(auditConclusions),
  /** The overall judgement of the system's conformity and effectiveness (seed 000 四(二): 全面评价). */
  judgement: nonEmptyText(4000),
});

export const auditFindingSchema = z.object({
  id: z.string(),
  checklistKey: z.string().nullable(),
  kind: z.enum(findingKinds),
  evidence: z.string(),
  photoIds: z.array(z.string()),
  capaId: z.string().nullable(),
  recordedByName: z.string().nullable(),
  at: z.string(),
});
export const auditSchema = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  scope: z.string(),
  plannedOn: z.string(),
  auditors: z.array(z.object({ personId: z.string(), name: z.string(), training: z.string(), appointedOn: z.string() })),
  externalAuditor: z.string(),
  status: z.enum(auditStatuses),
  checklist: z.array(z.object({ key: z.string(), element: z.string(), question: z.string() })),
  tally: z.object({ conformity: z.number(), nonconformity: z.number(), observation: z.number(), unchecked: z.number() }),
  suggestedConclusion: z.enum(auditConclusions),
  conclusion: z.enum(auditConclusions).nullable(),
  judgement: z.string(),
  reportedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditDto = z.infer<typeof auditSchema>;
export const auditDetailSchema = auditSchema.extend({ findings: z.array(auditFindingSchema) });
export type AuditDetailDto = z.infer<typeof auditDetailSchema>;

export const auditIndicatorsSchema = z.object({
  audits: z.number(),
  reported: z.number(),
  conformity: z.number(),
  nonconformity: z.number(),
  observation: z.number(),
  lastConclusion: z.enum(auditConclusions).nullable(),
  lastJudgement: z.string().nullable(),
});
export type AuditIndicatorsDto = z.infer<typeof auditIndicatorsSchema>;
