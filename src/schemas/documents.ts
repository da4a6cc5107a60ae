/* Document control (issue 14 §5, seed 000 二(四)): controlled documents, versions, distribution, templates. */
import { z } from 'zod';
import { documentHeadings, documentTypes } from '../domain/documents/document-rules.js';
import { templateFacts } from '../reference/document-templates.js';
import { idSchema, isoDate, nonEmptyText, pageQuerySchema } from './common.js';

export const documentTypeSchema = z.enum(documentTypes);
const headingText = z.string().trim().max(20_000).default('');
export const documentContentSchema = z.strictObject({
  purpose: headingText,
  scope: headingText,
  terms: headingText,
  duties: headingText,
  controls: headingText,
  records: headingText,
});

export const documentCreateSchema = z.strictObject({
  number: nonEmptyText(50),
  title: nonEmptyText(200),
  type: documentTypeSchema,
  /** A template of src/reference/document-templates.ts; its headings pre-filled from the records when `content` is not given. */
  templateKey: z.string().trim().max(80).nullable().default(null),
  ownerPersonId: idSchema.nullable().default(null),
  reviewDueOn: isoDate.nullable().default(null),
  content: documentContentSchema.optional(),
});
export const documentUpdateSchema = z.strictObject({
  number: nonEmptyText(50).optional(),
  title: nonEmptyText(200).optional(),
  type: documentTypeSchema.optional(),
  ownerPersonId: idSchema.nullable().optional(),
  reviewDueOn: isoDate.nullable().optional(),
});
export const documentDraftSchema = z.strictObject({
  content: documentContentSchema,
  changeNote: z.string().trim().max(1000).default(''),
});
export const documentDistributionSchema = z.strictObject({ postIds: z.array(idSchema).max(500) });
export const documentWithdrawSchema = z.strictObject({ reason: nonEmptyText(500) });
/** `q` searches number, title and the newest version's headings. */
export const documentListQuerySchema = pageQuerySchema.omit({ includeArchived: true }).extend({ type: documentTypeSchema.optional() });
export const documentFileQuerySchema = z.strictObject({ fileName: nonEmptyText(200) });
export type DocumentCreateInput = z.infer<typeof documentCreateSchema>;
export type DocumentUpdateInput = z.infer<typeof documentUpdateSchema>;
export type DocumentContentInput = z.infer<typeof documentContentSchema>;

const headingEnum = z.enum(documentHeadings);
export const documentVersionSchema = z.object({
  id: z.string(),
  versionNo: z.number(),
  status: z.enum(['draft', 'approved', 'superseded', 'obsolete']),
  /** What a reader is told: the one valid version, the draft, or obsolete. */
  validity: z.enum(['current', 'draft', 'obsolete']),
  content: documentContentSchema,
  missingHeadings: z.array(headingEnum),
  changeNote: z.string(),
  file: z.object({ name: z.string(), mime: z.string(), bytes: z.number() }).nullable(),
  issuedOn: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentVersionDto = z.infer<typeof documentVersionSchema>;

export const reviewStateSchema = z.enum(['none', 'ok', 'soon', 'overdue']);
export const documentSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  type: documentTypeSchema,
  templateKey: z.string().nullable(),
  ownerPersonId: z.string().nullable(),
  ownerName: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  reviewState: reviewStateSchema,
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  current: documentVersionSchema.nullable(),
  draft: documentVersionSchema.nullable(),
  versions: z.array(documentVersionSchema),
  posts: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentDto = z.infer<typeof documentSchema>;

export const documentListItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  type: documentTypeSchema,
  currentVersionNo: z.number().nullable(),
  issuedOn: z.string().nullable(),
  hasDraft: z.boolean(),
  withdrawnAt: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  reviewState: reviewStateSchema,
  postCount: z.number(),
  createdAt: z.string(),
});
export type DocumentListItemDto = z.infer<typeof documentListItemSchema>;

/** A post's current documents (the post page, seed 000 二(四)2 "现行有效版本"). */
export const postDocumentSchema = z.object({
  documentId: z.string(),
  number: z.string(),
  title: z.string(),
  type: documentTypeSchema,
  versionId: z.string(),
  versionNo: z.number(),
  issuedOn: z.string().nullable(),
  hasFile: z.boolean(),
});
export type PostDocumentDto = z.infer<typeof postDocumentSchema>;

export const documentTemplateSchema = z.object({
  key: z.string(),
  type: documentTypeSchema,
  number: z.string(),
  title: z.string(),
  seedClause: z.string(),
  seedText: z.string(),
  content: documentContentSchema,
  factsUsed: z.array(z.enum(templateFacts)),
  factsMissing: z.array(z.enum(templateFacts)),
  draftedHeadings: z.array(headingEnum),
});
export type DocumentTemplateDto = z.infer<typeof documentTemplateSchema>;
