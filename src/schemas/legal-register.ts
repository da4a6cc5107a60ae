/* The legal register (issue 14 §6): requirements, their clauses mapped to posts/departments/risks/
 * documents, and the yearly compliance evaluation (合规性评价). */
import { z } from 'zod';
import { legalKinds } from '../reference/legal-register-starter.js';
import { idSchema, isoDate, nonEmptyText, pageQuerySchema } from './common.js';

const text = (max: number) => z.string().trim().max(max);
const ids = z.array(idSchema).max(200).default([]);

export const legalRequirementCreateSchema = z.strictObject({
  kind: z.enum(legalKinds),
  title: nonEmptyText(200),
  documentNo: text(100).default(''),
  issuer: text(200).default(''),
  edition: text(100).default(''),
  effectiveOn: isoDate.nullable().default(null),
  note: text(2000).default(''),
});
export const legalRequirementUpdateSchema = z.strictObject({
  kind: z.enum(legalKinds).optional(),
  title: nonEmptyText(200).optional(),
  documentNo: text(100).optional(),
  issuer: text(200).optional(),
  edition: text(100).optional(),
  effectiveOn: isoDate.nullable().optional(),
  note: text(2000).optional(),
});
export const legalStarterSchema = z.strictObject({ keys: z.array(z.string().trim().min(1).max(80)).min(1).max(100) });
export const legalClauseInputSchema = z.strictObject({
  /** An existing clause of this requirement; absent for a new one. */
  id: idSchema.optional(),
  clause: nonEmptyText(100),
  summary: text(2000).default(''),
  postIds: ids,
  orgUnitIds: ids,
  riskIds: ids,
  documentIds: ids,
});
export const legalClausesSchema = z.strictObject({ clauses: z.array(legalClauseInputSchema).max(200) });

export const complianceResults = ['compliant', 'non_compliant', 'not_applicable'] as const;
export const complianceEvaluationInputSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  result: z.enum(complianceResults),
  evidence: text(4000).default(''),
  findings: text(4000).default(''),
  /** Required when non-compliant: what is done, by whom, by when. */
  action: text(2000).default(''),
  actionOwnerPersonId: idSchema.nullable().default(null),
  actionDeadline: isoDate.nullable().default(null),
});
export type ComplianceEvaluationInput = z.infer<typeof complianceEvaluationInputSchema>;
export const legalListQuerySchema = pageQuerySchema.omit({ q: true }).extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const named = z.object({ id: z.string(), name: z.string() });
export const legalClauseSchema = z.object({
  id: z.string(),
  clause: z.string(),
  summary: z.string(),
  isUnconfirmed: z.boolean(),
  posts: z.array(named),
  orgUnits: z.array(named),
  risks: z.array(named),
  documents: z.array(named),
});
export const complianceEvaluationSchema = z.object({
  id: z.string(),
  requirementId: z.string(),
  year: z.number(),
  evaluatedOn: z.string(),
  result: z.enum(complianceResults),
  evidence: z.string(),
  findings: z.string(),
  action: z.string(),
  actionOwnerPersonId: z.string().nullable(),
  actionOwnerName: z.string().nullable(),
  actionDeadline: z.string().nullable(),
  /** The corrective action raised for a non-compliance (/improvement/capas/:id). */
  capaId: z.string().nullable(),
  createdAt: z.string(),
});
export type ComplianceEvaluationDto = z.infer<typeof complianceEvaluationSchema>;
export const legalRequirementSchema = z.object({
  id: z.string(),
  refKey: z.string().nullable(),
  kind: z.enum(legalKinds),
  title: z.string(),
  documentNo: z.string(),
  issuer: z.string(),
  edition: z.string(),
  effectiveOn: z.string().nullable(),
  isUnconfirmed: z.boolean(),
  note: z.string(),
  clauses: z.array(legalClauseSchema),
  /** The evaluation in force for the year asked (default: the enterprise's current year). */
  evaluation: complianceEvaluationSchema.nullable(),
  evaluations: z.array(complianceEvaluationSchema),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type LegalRequirementDto = z.infer<typeof legalRequirementSchema>;
export const legalStarterItemSchema = z.object({
  key: z.string(),
  kind: z.enum(legalKinds),
  title: z.string(),
  documentNo: z.string(),
  edition: z.string(),
  effectiveOn: z.string().nullable(),
  isUnconfirmed: z.boolean(),
  note: z.string(),
  isRegistered: z.boolean(),
});

export const postLegalClauseSchema = z.object({ id: z.string(), requirementId: z.string(), title: z.string(), clause: z.string(), summary: z.string() });
export type PostLegalClauseDto = z.infer<typeof postLegalClauseSchema>;
