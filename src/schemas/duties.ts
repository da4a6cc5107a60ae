/* Commitment and duties (issue 14 §2, seed 000 二(一)): the year's commitment, builder and resources;
 * the duty list of each post with its holders' acknowledgements; the yearly responsibility letters. */
import { z } from 'zod';
import { idSchema, nonEmptyText } from './common.js';

const yearSchema = z.number().int().min(2000).max(2100);
export const yearParamsSchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const systemYearInputSchema = z.strictObject({
  commitmentText: nonEmptyText(4000),
  /** The top manager who signs the commitment. */
  principalPersonId: idSchema.nullable().default(null),
  /** The person named to build and maintain the system (seed 000 二(一)2). */
  builderPersonId: idSchema.nullable().default(null),
  resourcesPeople: z.string().trim().max(2000).default(''),
  resourcesBudgetCny: z.number().min(0).max(1e12).nullable().default(null),
  resourcesEquipment: z.string().trim().max(2000).default(''),
});
export type SystemYearInput = z.infer<typeof systemYearInputSchema>;

export const systemYearSchema = z.object({
  year: z.number(),
  /** null until the year is first saved; then the id signatures refer to. */
  id: z.string().nullable(),
  commitmentText: z.string(),
  commitmentRevision: z.number(),
  principalPersonId: z.string().nullable(),
  principalName: z.string().nullable(),
  builderPersonId: z.string().nullable(),
  builderName: z.string().nullable(),
  resourcesPeople: z.string(),
  resourcesBudgetCny: z.number().nullable(),
  resourcesEquipment: z.string(),
  /** The principal signed the commitment as it stands. */
  isSigned: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type SystemYearDto = z.infer<typeof systemYearSchema>;

export const dutyItemSchema = z.object({ text: z.string(), source: z.enum(['post', 'risk']) });
export const postDutyListSchema = z.object({
  postId: z.string(),
  postName: z.string(),
  postKind: z.string(),
  items: z.array(dutyItemSchema),
  revision: z.string(),
  holders: z.array(z.object({ personId: z.string(), name: z.string(), hasAcknowledged: z.boolean() })),
});
export type PostDutyListDto = z.infer<typeof postDutyListSchema>;

export const letterCreateSchema = z
  .strictObject({
    year: yearSchema,
    orgUnitId: idSchema.nullable().default(null),
    postId: idSchema.nullable().default(null),
    holderPersonId: idSchema,
    issuerPersonId: idSchema,
    /** Empty: drafted from the post's duty list (or the department's posts). */
    text: z.string().trim().max(10_000).default(''),
  })
  .refine((v) => (v.orgUnitId === null) !== (v.postId === null), { path: ['postId'], message: '请选择部门或岗位（二者选一）/ Pick a department or a post (one of them)' });
export type LetterCreateInput = z.infer<typeof letterCreateSchema>;

export const letterSchema = z.object({
  id: z.string(),
  year: z.number(),
  orgUnitId: z.string().nullable(),
  postId: z.string().nullable(),
  scopeName: z.string(),
  holderPersonId: z.string(),
  holderName: z.string(),
  issuerPersonId: z.string(),
  issuerName: z.string(),
  text: z.string(),
  signedBy: z.array(z.enum(['holder', 'issuer'])),
  createdAt: z.string(),
});
export type LetterDto = z.infer<typeof letterSchema>;
export const letterListQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
