/* Hazardous-work permits with 一备三查 (seed 003 附件2; issue 11 §3). */
import { z } from 'zod';
import { permitWorkTypes, preworkCheckCodes } from '../reference/work-permit-rules.js';
import { idSchema, nonEmptyText } from './common.js';

const instant = z.iso.datetime({ offset: true });
export const permitStatusSchema = z.enum(['issued', 'in_progress', 'closed', 'cancelled']);
export const effectivePermitStatusSchema = z.enum(['issued', 'in_progress', 'closed', 'cancelled', 'expired']);
/** Seed 003's own numbering of the 20 常见事故类型 (reference set accident-types-henan). */
export const henanAccidentSeqSchema = z.number().int().min(1).max(20);

export const permitMeasureSchema = z.strictObject({
  text: nonEmptyText(500),
  responsiblePersonId: idSchema,
});

export const workPermitInputSchema = z
  .strictObject({
    workType: z.enum(permitWorkTypes),
    grade: z.enum(['special', 'grade1', 'grade2', 'grade3']).nullish(),
    content: nonEmptyText(1000),
    place: nonEmptyText(200),
    areaId: idSchema.nullish(),
    postId: idSchema.nullish(),
    windowStart: instant,
    windowEnd: instant,
    workerIds: z.array(idSchema).min(1).max(30),
    guardianPersonId: idSchema,
    approverPersonId: idSchema,
    risks: z.array(nonEmptyText(500)).max(50).default([]),
    accidentSeqs: z.array(henanAccidentSeqSchema).max(20).default([]),
    scenes: z.string().trim().max(2000).default(''),
    measures: z.array(permitMeasureSchema).min(1).max(50),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.windowEnd) <= Date.parse(v.windowStart)) {
      ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: '结束时间须晚于开始时间 / The end must be after the start' });
    }
    if (new Set(v.workerIds).size !== v.workerIds.length) {
      ctx.addIssue({ code: 'custom', path: ['workerIds'], message: '作业人员重复 / A worker is listed twice' });
    }
    if (v.workerIds.includes(v.guardianPersonId)) {
      ctx.addIssue({ code: 'custom', path: ['guardianPersonId'], message: '监护人不能同时是作业人员 / The guardian cannot also be a worker' });
    }
  });
export type WorkPermitInput = z.infer<typeof workPermitInputSchema>;

export const gasReadingInputSchema = z.strictObject({
  point: nonEmptyText(100),
  substance: nonEmptyText(50),
  value: z.number().finite().min(-1000).max(1_000_000),
  unit: nonEmptyText(20),
  isPass: z.boolean(),
  measuredAt: instant,
  testerPersonId: idSchema,
});
export type GasReadingInput = z.infer<typeof gasReadingInputSchema>;

export const preworkInputSchema = z.strictObject({
  personId: idSchema,
  checks: z.array(z.enum(preworkCheckCodes as [string, ...string[]])).max(4),
  note: z.string().trim().max(500).default(''),
});
export type PreworkInput = z.infer<typeof preworkInputSchema>;

export const cancelPermitInputSchema = z.strictObject({ reason: nonEmptyText(500) });

export const permitListQuerySchema = z.strictObject({
  status: permitStatusSchema.optional(),
  /** Only permits where the caller's person is a worker, guardian, approver or measure owner. */
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const permitPrefillQuerySchema = z.strictObject({
  postId: idSchema.optional(),
  areaId: idSchema.optional(),
});

const personRef = z.object({ id: z.string(), name: z.string() });

export const certificateViewSchema = z.object({ category: z.string(), number: z.string(), validUntil: z.string().nullable() });

export const workPermitSchema = z.object({
  id: z.string(),
  workType: z.enum(permitWorkTypes),
  workTypeLabel: z.string(),
  grade: z.string().nullable(),
  content: z.string(),
  place: z.string(),
  areaId: z.string().nullable(),
  postId: z.string().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: permitStatusSchema,
  effectiveStatus: effectivePermitStatusSchema,
  workers: z.array(personRef),
  guardian: personRef,
  approver: personRef,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type WorkPermitDto = z.infer<typeof workPermitSchema>;

export const workPermitDetailSchema = workPermitSchema.extend({
  risks: z.array(z.string()),
  accidentTypes: z.array(z.object({ seq: z.number(), label: z.string(), gbCode: z.string().nullable() })),
  scenes: z.string(),
  measures: z.array(z.object({ index: z.number(), text: z.string(), responsible: personRef, isConfirmed: z.boolean() })),
  needsGasTest: z.boolean(),
  gasReadings: z.array(
    z.object({ id: z.string(), point: z.string(), substance: z.string(), value: z.number(), unit: z.string(), isPass: z.boolean(), measuredAt: z.string(), tester: personRef }),
  ),
  prework: z.array(
    z.object({
      person: personRef,
      checks: z.array(z.string()),
      isSigned: z.boolean(),
      signedAt: z.string().nullable(),
      /** 特种作业 certificates the work type needs; null while no module records certificates. */
      requiredCertificates: z.array(z.object({ category: z.string(), label: z.string() })),
      certificates: z.array(certificateViewSchema).nullable(),
    }),
  ),
  isApproverSigned: z.boolean(),
  /** Why the work may not start now (empty when it may); sentences in the caller's language. */
  startBlockers: z.array(z.object({ kind: z.string(), message: z.string() })),
  events: z.array(z.object({ action: z.string(), at: z.string(), actorUserId: z.string().nullable(), data: z.unknown() })),
});
export type WorkPermitDetail = z.infer<typeof workPermitDetailSchema>;

export const permitPrefillSchema = z.object({
  risks: z.array(z.string()),
  accidentSeqs: z.array(z.number()),
  measures: z.array(z.object({ text: z.string(), responsiblePersonId: z.string().nullable() })),
});
export type PermitPrefill = z.infer<typeof permitPrefillSchema>;
