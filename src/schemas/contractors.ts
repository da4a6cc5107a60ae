/* Contractors and temporary workers (相关方, issue 14 §8). */
import { z } from 'zod';
import { dateStates } from '../domain/operations/date-state.js';
import { idSchema, isoDate, nonEmptyText, pageQuerySchema } from './common.js';

const text = (max: number) => z.string().trim().max(max);

export const contractorCreateSchema = z.strictObject({
  name: nonEmptyText(200),
  creditCode: text(40).default(''),
  contactName: text(100).default(''),
  contactPhone: text(40).default(''),
  workScope: text(2000).default(''),
  /** The safety agreement (安全生产管理协议). */
  agreementSignedOn: isoDate.nullable().default(null),
  agreementExpiresOn: isoDate.nullable().default(null),
  /** The site induction: a training session (attendance signed through sign-off). */
  inductionSessionId: idSchema.nullable().default(null),
  /** Their people on site (people marked 相关方人员). */
  personIds: z.array(idSchema).max(500).default([]),
});
export const contractorUpdateSchema = z.strictObject({
  name: nonEmptyText(200).optional(),
  creditCode: text(40).optional(),
  contactName: text(100).optional(),
  contactPhone: text(40).optional(),
  workScope: text(2000).optional(),
  agreementSignedOn: isoDate.nullable().optional(),
  agreementExpiresOn: isoDate.nullable().optional(),
  inductionSessionId: idSchema.nullable().optional(),
  personIds: z.array(idSchema).max(500).optional(),
});

export const qualificationSchema = z.object({
  id: z.string(),
  contractorId: z.string(),
  name: z.string(),
  number: z.string(),
  issuer: z.string(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  /** past: expired; soon: expires within 30 days. */
  state: z.enum(dateStates),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type QualificationDto = z.infer<typeof qualificationSchema>;
export const qualificationCreateSchema = z.strictObject({
  contractorId: idSchema,
  name: nonEmptyText(200),
  number: text(100).default(''),
  issuer: text(200).default(''),
  issuedOn: isoDate.nullable().default(null),
  expiresOn: isoDate.nullable().default(null),
});
export const qualificationUpdateSchema = z.strictObject({
  contractorId: idSchema.optional(),
  name: nonEmptyText(200).optional(),
  number: text(100).optional(),
  issuer: text(200).optional(),
  issuedOn: isoDate.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
});
export const qualificationListQuerySchema = pageQuerySchema.extend({ contractorId: idSchema.optional() }).strict();

export const contractorRecordKinds = ['supervision', 'evaluation'] as const;
export const supervisionResults = ['compliant', 'violation'] as const;
export const evaluationResults = ['good', 'qualified', 'unqualified'] as const;

export const supervisionInputSchema = z.strictObject({
  onDate: isoDate,
  supervisorPersonId: idSchema.nullable().default(null),
  /** The permit of the work supervised (the permit module's record). */
  workPermitId: idSchema.nullable().default(null),
  result: z.enum(supervisionResults),
  notes: text(4000).default(''),
});
export const evaluationInputSchema = z.strictObject({
  onDate: isoDate,
  result: z.enum(evaluationResults),
  score: z.number().min(0).max(100).nullable().default(null),
  notes: text(4000).default(''),
});
export const contractorRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(contractorRecordKinds),
  onDate: z.string(),
  personId: z.string().nullable(),
  workPermitId: z.string().nullable(),
  result: z.string(),
  score: z.number().nullable(),
  notes: z.string(),
  createdAt: z.string(),
});
export type ContractorRecordDto = z.infer<typeof contractorRecordSchema>;

export const contractorSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  workScope: z.string(),
  agreementSignedOn: z.string().nullable(),
  agreementExpiresOn: z.string().nullable(),
  agreementState: z.enum(dateStates),
  inductionSessionId: z.string().nullable(),
  /** The induction session's title, date and signatures (read from training). */
  induction: z.object({ title: z.string(), heldOn: z.string(), attendees: z.number(), signed: z.number() }).nullable(),
  personIds: z.array(z.string()),
  qualifications: z.array(qualificationSchema),
  /** The worst state of the live qualifications (past when one has expired). */
  qualificationState: z.enum(dateStates),
  lastEvaluation: contractorRecordSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type ContractorDto = z.infer<typeof contractorSchema>;
export const contractorListQuerySchema = pageQuerySchema.strict();
