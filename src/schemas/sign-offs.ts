/* Sign-off (签字确认): one mechanism for every record a person confirms — permits, accident
 * scenarios, training attendance, duty letters, drills (issue 11 §1, DESIGN.md "Mechanisms built
 * once"). The server decides who is expected to sign and the statement signed; the client only
 * says who signs, in which role, and how. */
import { z } from 'zod';
import { idSchema } from './common.js';

export const signOffMethods = ['session', 'drawn'] as const;
export type SignOffMethod = (typeof signOffMethods)[number];
export const signOffActions = ['sign', 'revoke'] as const;
export type SignOffAction = (typeof signOffActions)[number];

/** A subject kind registered by a feature, kebab-case ('work-permit', 'training-session'). */
export const signOffSubjectTypeSchema = z.string().trim().regex(/^[a-z][a-z0-9-]{1,49}$/, '签字对象类型无效 / Invalid subject type');
/** A role label the subject defines ('worker', 'approver', 'guardian', …). */
export const signOffRoleSchema = z.string().trim().regex(/^[a-z][a-z0-9_.:-]{0,59}$/, '签字角色无效 / Invalid signing role');

/** PostgreSQL refuses NUL characters that SQLite stores; refuse them for both. */
const textWithoutNul = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), '不能包含空字符 / Must not contain NUL characters');

/** A drawn signature: a PNG as a data URL (canvas.toDataURL('image/png')), at most 300 KB decoded. */
export const maxSignatureBytes = 300 * 1024;
export const signatureDataUrlSchema = z
  .string()
  .max(Math.ceil((maxSignatureBytes * 4) / 3) + 40)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, '签名须为 PNG 图片 / The signature must be a PNG image');

export const signOffInputSchema = z
  .strictObject({
    subjectType: signOffSubjectTypeSchema,
    subjectId: idSchema,
    role: signOffRoleSchema,
    /** Who signs: the caller's own person (method 'session'), or a person picked by name (method 'drawn'). */
    personId: idSchema,
    method: z.enum(signOffMethods),
    /** 'revoke' withdraws the person's current signature in that role (a correction is a new entry). */
    action: z.enum(signOffActions).optional(),
    signatureImage: signatureDataUrlSchema.optional(),
    note: textWithoutNul(500).optional(),
    /** The phone's clock when the person signed (kept beside the server's time, never trusted for it). */
    clientSignedAt: z.iso.datetime({ offset: true }).optional(),
    /** Set by the phone: a retried submission is applied once. */
    clientId: z.string().trim().min(8).max(100).optional(),
  })
  .superRefine((v, ctx) => {
    const action = v.action ?? 'sign';
    if (v.method === 'drawn' && action === 'sign' && !v.signatureImage) {
      ctx.addIssue({ code: 'custom', path: ['signatureImage'], message: '请在框内手写签名 / Draw the signature in the box' });
    }
    if (v.method === 'session' && v.signatureImage) {
      ctx.addIssue({ code: 'custom', path: ['signatureImage'], message: '登录签字无需手写签名 / A logged-in sign-off takes no drawn signature' });
    }
    if (action === 'revoke' && v.method !== 'session') {
      ctx.addIssue({ code: 'custom', path: ['method'], message: '撤销签字须登录进行 / A signature is withdrawn by a logged-in user' });
    }
    if (action === 'revoke' && !v.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '撤销签字须说明原因 / Give the reason for withdrawing the signature' });
    }
  });
export type SignOffInput = z.infer<typeof signOffInputSchema>;

export const signOffQuerySchema = z.strictObject({
  subjectType: signOffSubjectTypeSchema,
  subjectId: idSchema,
});
export type SignOffQuery = z.infer<typeof signOffQuerySchema>;

export const signOffSchema = z.object({
  id: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectRevision: z.string(),
  role: z.string(),
  personId: z.string(),
  personName: z.string(),
  action: z.enum(signOffActions),
  method: z.enum(signOffMethods),
  /** The account that sent it: the signer's own, or (drawn) the phone it was signed on. */
  userId: z.string().nullable(),
  userDisplayName: z.string().nullable(),
  /** The drawn signature, served by GET /api/v1/attachments/:id (image/png). */
  signatureAttachmentId: z.string().nullable(),
  statement: z.string(),
  note: z.string(),
  supersedesId: z.string().nullable(),
  /** Not superseded by a later entry, and made on the subject's current revision. */
  isCurrent: z.boolean(),
  userAgent: z.string(),
  device: z.string(),
  ip: z.string(),
  clientSignedAt: z.string().nullable(),
  signedAt: z.string(),
});
export type SignOffDto = z.infer<typeof signOffSchema>;

export const expectedSignerSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  statement: z.string(),
  /** The current signature of this person in this role, or null while unsigned. */
  signOffId: z.string().nullable(),
  signedAt: z.string().nullable(),
});
export type ExpectedSigner = z.infer<typeof expectedSignerSchema>;

export const signOffSheetSchema = z.object({
  subjectType: z.string(),
  subjectId: z.string(),
  subjectRevision: z.string(),
  title: z.string(),
  /** False when the subject takes no more signatures (e.g. a closed permit); closedReason says why. */
  isOpen: z.boolean(),
  closedReason: z.string().nullable(),
  expected: z.array(expectedSignerSchema),
  /** Every entry, oldest first, superseded ones included (they are evidence too). */
  items: z.array(signOffSchema),
  /** What the caller may do: sign as themselves in these roles; host drawn signatures of others. */
  me: z.object({ personId: z.string().nullable(), ownRoles: z.array(z.string()), mayHostDrawn: z.boolean() }),
});
export type SignOffSheet = z.infer<typeof signOffSheetSchema>;
