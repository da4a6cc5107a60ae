import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema, idSchema, pageSchema } from '../../../schemas/common.js';
import {
  documentCreateSchema,
  documentDistributionSchema,
  documentDraftSchema,
  documentFileQuerySchema,
  documentListItemSchema,
  documentListQuerySchema,
  documentSchema,
  documentTemplateSchema,
  documentUpdateSchema,
  documentWithdrawSchema,
  postDocumentSchema,
} from '../../../schemas/documents.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { docxMime } from '../../platform/exports/docx-builder.js';
import { ownRecord } from '../../platform/http/own-record.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { buildDocumentDocx, readDocumentFile, uploadDocumentFile } from './document-files.service.js';
import { listDocumentTemplates } from './document-templates.service.js';
import { legalRegisterRoutes } from './legal-register.routes.js';
import {
  approveDocument,
  createDocument,
  documentApproverRoles,
  getDocument,
  listDocuments,
  postDocuments,
  saveDocumentDraft,
  setDistribution,
  updateDocument,
  withdrawDocument,
} from './documents.service.js';

const tags = ['documents'];
const actorOf = (auth: AuthContext | null) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });
const versionParams = z.strictObject({ id: idSchema, versionId: idSchema });
const attachmentName = (name: string) => `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function documentRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    ...legalRegisterRoutes(deps),
    defineRoute({
      method: 'GET',
      url: '/api/v1/document-templates',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'The ten management rules (seed 000 三(五)2) and the risk-identification procedure (二(三)1), pre-filled from the records',
      tags,
      response: z.object({ items: z.array(documentTemplateSchema) }),
      handler: async ({ auth, locale }) => ({ items: await listDocumentTemplates(deps.db, requireTenant(auth).enterpriseId, locale) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/documents',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Controlled documents (paged), with the current version and issue date',
      tags,
      query: documentListQuerySchema,
      response: pageSchema(documentListItemSchema),
      handler: async ({ auth, query }) => listDocuments(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/documents',
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Create a document with its first draft (from a template, pre-filled, or the given headings)',
      tags,
      body: documentCreateSchema,
      response: documentSchema,
      handler: async ({ auth, body }) => createDocument(deps, actorOf(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/documents/:id',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'A document: the current version, the open draft, every version (old ones obsolete) and its posts',
      tags,
      params: idParamsSchema,
      response: documentSchema,
      handler: async ({ auth, params }) => getDocument(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/documents/:id',
      before: ownRecord(deps.db, 'controlled_document', 'document'),
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Number, title, type, owner, review date',
      tags,
      params: idParamsSchema,
      body: documentUpdateSchema,
      response: documentSchema,
      handler: async ({ auth, params, body }) => updateDocument(deps, actorOf(auth), params.id, body),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/documents/:id/draft',
      before: ownRecord(deps.db, 'controlled_document', 'document'),
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Save the six headings into the open draft (opens the next version when none is open)',
      tags,
      params: idParamsSchema,
      body: documentDraftSchema,
      response: documentSchema,
      successStatus: 200,
      handler: async ({ auth, params, body }) => saveDocumentDraft(deps, actorOf(auth), params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/documents/:id/approve',
      access: { kind: 'tenant', roles: documentApproverRoles },
      summary: 'Approve and issue the draft (dated today); the previous version becomes obsolete',
      tags,
      params: idParamsSchema,
      response: documentSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => approveDocument(deps, actorOf(auth), params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/documents/:id/withdraw',
      before: ownRecord(deps.db, 'controlled_document', 'document'),
      access: { kind: 'tenant', roles: documentApproverRoles },
      summary: 'Withdraw the document: every live version becomes obsolete, posts no longer see it',
      tags,
      params: idParamsSchema,
      body: documentWithdrawSchema,
      response: documentSchema,
      successStatus: 200,
      handler: async ({ auth, params, body }) => withdrawDocument(deps, actorOf(auth), params.id, body.reason),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/documents/:id/distribution',
      before: ownRecord(deps.db, 'controlled_document', 'document'),
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'The posts the document is distributed to',
      tags,
      params: idParamsSchema,
      body: documentDistributionSchema,
      response: documentSchema,
      successStatus: 200,
      handler: async ({ auth, params, body }) => setDistribution(deps, actorOf(auth), params.id, body.postIds),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/documents/:id/file',
      before: ownRecord(deps.db, 'controlled_document', 'document'),
      access: { kind: 'tenant', roles: managerRoles },
      summary: 'Upload the document as a file (raw PDF, .doc or .docx body, at most 10 MB) into the open draft, opening one when none is open',
      tags,
      params: idParamsSchema,
      query: documentFileQuerySchema,
      consumes: 'application/pdf',
      response: documentSchema,
      handler: async ({ auth, params, query, request }) => uploadDocumentFile(deps, actorOf(auth), params.id, String(request.headers['content-type'] ?? ''), request.body, query.fileName),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/documents/:id/versions/:versionId/file',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The uploaded file of a version',
      tags,
      params: versionParams,
      produces: 'application/pdf',
      handler: async ({ auth, params, reply }) => {
        const file = await readDocumentFile(deps, requireTenant(auth).enterpriseId, params.id, params.versionId);
        reply.type(file.mime);
        reply.header('content-disposition', attachmentName(file.name));
        return file.data;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/documents/:id/document.docx',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'The document as .docx (the current version, else the draft; or ?versionId=)',
      tags,
      params: idParamsSchema,
      query: z.strictObject({ versionId: idSchema.optional() }),
      produces: docxMime,
      handler: async ({ auth, params, query, reply }) => {
        const doc = await buildDocumentDocx(deps, requireTenant(auth).enterpriseId, params.id, query.versionId);
        reply.header('content-disposition', attachmentName(doc.fileName));
        return doc.buffer;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/posts/:id/documents',
      access: { kind: 'tenant', roles: allRoles },
      summary: "A post's current documents (approved versions of documents distributed to it)",
      tags,
      params: idParamsSchema,
      response: z.object({ items: z.array(postDocumentSchema) }),
      handler: async ({ auth, params }) => ({ items: await postDocuments(deps, requireTenant(auth).enterpriseId, params.id) }),
    }),
  ];
}
