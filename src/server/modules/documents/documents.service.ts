/* Document control (issue 14 §5, seed 000 二(四)): controlled documents with the six headings,
 * versions through the one versioned approval (src/domain/approval/versioned-approval.ts via
 * domain/documents/document-rules.ts): one current version, approval (= issue, dated) required,
 * old versions kept and shown obsolete; distribution to posts; withdrawal. Every write is one
 * transaction with its audit row. The feature's figures: documents-indicators.service.ts. */
import type { AppDeps } from '../../app-deps.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { localDay } from '../../../domain/calendar/enterprise-day.js';
import { nextDraftNumber, withdraw, type VersionRefusal, type VersionStatus } from '../../../domain/approval/versioned-approval.js';
import {
  approveDocumentVersion,
  currentVersion,
  type DocumentContent,
  documentHeadings,
  emptyContent,
  headingLabels,
  missingHeadings,
  openDraft,
  reviewState,
  validityOf,
} from '../../../domain/documents/document-rules.js';
import { fillTemplate } from '../../../domain/documents/template-fill.js';
import { findTemplate } from '../../../reference/document-templates.js';
import type { DocumentCreateInput, DocumentDto, DocumentListItemDto, DocumentUpdateInput, DocumentVersionDto, PostDocumentDto } from '../../../schemas/documents.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './documents.repository.js';
import { templateFactValues } from './document-templates.service.js';

/** Who approves (= issues) a version: the principal or the safety manager (issue 14 journey: the safety manager approves). */
export const documentApproverRoles = ['principal', 'safety_manager'] as const;

export interface DocumentActor {
  userId: string;
  enterpriseId: string;
}

type Refusal = VersionRefusal | 'withdrawn';
const refusalText: Record<Refusal, { 'zh-CN': string; 'en-US': string }> = {
  not_draft: { 'zh-CN': '只有草稿可以批准或修改，已批准的版本不能更改', 'en-US': 'only a draft is approved or edited; an approved version is never changed' },
  draft_exists: { 'zh-CN': '已有一份草稿，请先完成它', 'en-US': 'a draft is already open; finish it first' },
  nothing_to_revise: { 'zh-CN': '还没有可修订的版本', 'en-US': 'there is no version to revise yet' },
  already_obsolete: { 'zh-CN': '文件已作废', 'en-US': 'the document is withdrawn' },
  withdrawn: { 'zh-CN': '文件已作废', 'en-US': 'the document is withdrawn' },
};
export const versionConflict = (reason: Refusal) => new AppError('DOCUMENT_VERSION_CONFLICT', { reasonZh: refusalText[reason]['zh-CN'], reasonEn: refusalText[reason]['en-US'] });

export function parseContent(json: string): DocumentContent {
  const raw = JSON.parse(json) as Partial<DocumentContent>;
  const out = emptyContent();
  for (const h of documentHeadings) out[h] = typeof raw[h] === 'string' ? raw[h] : '';
  return out;
}

function toVersionDto(r: repo.VersionRow, isWithdrawn: boolean): DocumentVersionDto {
  const content = parseContent(r.content);
  const hasFile = Boolean(r.file_path);
  return {
    id: r.id,
    versionNo: r.version_no,
    status: r.status as VersionStatus,
    validity: validityOf(r.status as VersionStatus, isWithdrawn),
    content,
    missingHeadings: missingHeadings({ content, hasFile }),
    changeNote: r.change_note,
    file: hasFile ? { name: r.file_name ?? '', mime: r.file_mime ?? '', bytes: Number(r.file_bytes ?? 0) } : null,
    issuedOn: r.issued_on,
    approvedByName: r.approved_by_name ?? null,
    approvedAt: r.approved_at,
    createdAt: r.created_at,
  };
}

export async function enterpriseToday(deps: AppDeps, db: Executor, enterpriseId: string): Promise<string> {
  const e = await repo.enterpriseBasics(db, enterpriseId);
  return localDay(deps.clock.now(), e?.time_zone ?? 'Asia/Shanghai');
}

export async function getDocument(deps: AppDeps, enterpriseId: string, id: string, db: Executor = deps.db): Promise<DocumentDto> {
  const d = await repo.findDocument(db, enterpriseId, id);
  if (!d) throw notFound('controlled_document');
  const isWithdrawn = d.withdrawn_at !== null;
  const [versions, posts, today] = await Promise.all([repo.versionsOf(db, enterpriseId, id), repo.distributionOf(db, enterpriseId, id), enterpriseToday(deps, db, enterpriseId)]);
  const dtos = versions.map((v) => toVersionDto(v, isWithdrawn));
  return {
    id: d.id,
    number: d.number,
    title: d.title,
    type: d.type as DocumentDto['type'],
    templateKey: d.template_key,
    ownerPersonId: d.owner_person_id,
    ownerName: d.owner_name ?? null,
    reviewDueOn: d.review_due_on,
    reviewState: isWithdrawn ? 'none' : reviewState(d.review_due_on, today),
    withdrawnAt: d.withdrawn_at,
    withdrawnReason: d.withdrawn_reason,
    current: isWithdrawn ? null : currentVersion(dtos),
    draft: openDraft(dtos),
    versions: dtos,
    posts,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

async function requireLiveDocument(db: Executor, enterpriseId: string, id: string): Promise<repo.DocumentRow> {
  const d = await repo.findDocument(db, enterpriseId, id);
  if (!d) throw notFound('controlled_document');
  if (d.withdrawn_at) throw versionConflict('withdrawn');
  return d;
}

/** One transaction; a unique key met by a concurrent duplicate (the same next version, post or item at once) is a 409, never a 500. */
export async function writeOnce<T>(deps: AppDeps, work: (trx: Executor) => Promise<T>): Promise<T> {
  try {
    return await withTransaction(deps.db, work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { detail: 'concurrent change; reload and try again' });
    throw error;
  }
}

const numberTaken = () => new AppError('CONFLICT', { detail: 'number' }, [{ path: 'number', message: { 'zh-CN': '该文件编号已被使用', 'en-US': 'This document number is taken' } }]);

async function checkOwner(db: Executor, enterpriseId: string, ownerPersonId: string | null | undefined) {
  if (ownerPersonId && !(await repo.livePersonExists(db, enterpriseId, ownerPersonId))) throw referenceMissing('ownerPersonId');
}

/** A new document with its first draft: the given headings, or the template pre-filled from the records. */
export async function createDocument(deps: AppDeps, actor: DocumentActor, input: DocumentCreateInput): Promise<DocumentDto> {
  const template = input.templateKey ? findTemplate(input.templateKey) : null;
  if (input.templateKey && !template) throw fieldError('templateKey', { 'zh-CN': '没有这个文件模板', 'en-US': 'No such document template' });
  const id = newId();
  try {
    return await withTransaction(deps.db, async (trx) => {
      await checkOwner(trx, actor.enterpriseId, input.ownerPersonId);
      const content = input.content ?? (template ? fillTemplate(template, await templateFactValues(trx, actor.enterpriseId)).content : emptyContent());
      const at = deps.clock.now().toISOString();
      await trx
        .insertInto('controlled_document')
        .values({
          id,
          enterprise_id: actor.enterpriseId,
          number: input.number,
          title: input.title,
          type: input.type,
          template_key: input.templateKey,
          owner_person_id: input.ownerPersonId,
          review_due_on: input.reviewDueOn,
          withdrawn_at: null,
          withdrawn_reason: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await repo.insertVersion(trx, newVersionRow(actor, id, 1, content, '', at));
      await recordChange(trx, actor, deps.clock.now(), { entity: 'controlled_document', entityId: id, action: 'create', after: { ...input, content } });
      return getDocument(deps, actor.enterpriseId, id, trx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken();
    throw error;
  }
}

function newVersionRow(actor: DocumentActor, documentId: string, versionNo: number, content: DocumentContent, changeNote: string, at: string) {
  return {
    id: newId(),
    enterprise_id: actor.enterpriseId,
    document_id: documentId,
    version_no: versionNo,
    status: 'draft',
    content: JSON.stringify(content),
    change_note: changeNote,
    file_path: null,
    file_name: null,
    file_mime: null,
    file_bytes: null,
    file_sha256: null,
    issued_on: null,
    created_by_user_id: actor.userId,
    created_at: at,
    updated_at: at,
    approved_by_user_id: null,
    approved_at: null,
    superseded_at: null,
    obsolete_at: null,
  };
}

export async function updateDocument(deps: AppDeps, actor: DocumentActor, id: string, input: DocumentUpdateInput): Promise<DocumentDto> {
  try {
    return await withTransaction(deps.db, async (trx) => {
      const before = await requireLiveDocument(trx, actor.enterpriseId, id);
      await checkOwner(trx, actor.enterpriseId, input.ownerPersonId);
      await trx
        .updateTable('controlled_document')
        .set({
          ...(input.number !== undefined && { number: input.number }),
          ...(input.title !== undefined && { title: input.title }),
          ...(input.type !== undefined && { type: input.type }),
          ...(input.ownerPersonId !== undefined && { owner_person_id: input.ownerPersonId }),
          ...(input.reviewDueOn !== undefined && { review_due_on: input.reviewDueOn }),
          updated_at: deps.clock.now().toISOString(),
        })
        .where('enterprise_id', '=', actor.enterpriseId)
        .where('id', '=', id)
        .execute();
      await recordChange(trx, actor, deps.clock.now(), { entity: 'controlled_document', entityId: id, action: 'update', before, after: input });
      return getDocument(deps, actor.enterpriseId, id, trx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken();
    throw error;
  }
}

/**
 * The open draft, made when none is open (the next number, starting from the current version's
 * text and file unless `content` is given). Used by saving the headings and by an upload.
 */
export async function openOrCreateDraft(deps: AppDeps, trx: Executor, actor: DocumentActor, documentId: string, seed: { content?: DocumentContent; changeNote?: string }) {
  await requireLiveDocument(trx, actor.enterpriseId, documentId);
  const versions = await repo.versionsOf(trx, actor.enterpriseId, documentId);
  const facts = versions.map((v) => ({ id: v.id, versionNo: v.version_no, status: v.status as VersionStatus }));
  const draft = openDraft(facts);
  if (draft) return { row: versions.find((v) => v.id === draft.id)!, isNew: false };
  const n = nextDraftNumber(facts);
  if (!n.ok) throw versionConflict(n.reason);
  const current = versions.find((v) => v.status === 'approved');
  const at = deps.clock.now().toISOString();
  const row = newVersionRow(actor, documentId, n.versionNo, seed.content ?? (current ? parseContent(current.content) : emptyContent()), seed.changeNote ?? '', at);
  await repo.insertVersion(trx, row);
  await recordChange(trx, actor, deps.clock.now(), { entity: 'controlled_document_version', entityId: row.id, action: 'create', after: { documentId, versionNo: n.versionNo } });
  return { row: { ...row, approved_by_name: null }, isNew: true };
}

/** Saves the six headings into the open draft (opening the next version when none is open). */
export async function saveDocumentDraft(deps: AppDeps, actor: DocumentActor, id: string, input: { content: DocumentContent; changeNote: string }): Promise<DocumentDto> {
  return writeOnce(deps, async (trx) => {
    const { row, isNew } = await openOrCreateDraft(deps, trx, actor, id, input);
    if (!isNew) {
      const res = await trx
        .updateTable('controlled_document_version')
        .set({ content: JSON.stringify(input.content), change_note: input.changeNote, updated_at: deps.clock.now().toISOString() })
        .where('enterprise_id', '=', actor.enterpriseId)
        .where('id', '=', row.id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw versionConflict('not_draft');
      await repo.setSearchText(trx, actor.enterpriseId, id, JSON.stringify(input.content));
      await recordChange(trx, actor, deps.clock.now(), { entity: 'controlled_document_version', entityId: row.id, action: 'update', before: { content: parseContent(row.content), changeNote: row.change_note }, after: input });
    }
    return getDocument(deps, actor.enterpriseId, id, trx);
  });
}

/** Approves and issues the open draft (dated the enterprise's today); the version in force before it becomes superseded, shown obsolete. */
export async function approveDocument(deps: AppDeps, actor: DocumentActor, id: string): Promise<DocumentDto> {
  return withTransaction(deps.db, async (trx) => {
    await requireLiveDocument(trx, actor.enterpriseId, id);
    const before = await getDocument(deps, actor.enterpriseId, id, trx);
    if (!before.draft) throw versionConflict('not_draft');
    const t = approveDocumentVersion(
      before.versions.map((v) => ({ id: v.id, versionNo: v.versionNo, status: v.status, content: v.content, hasFile: v.file !== null })),
      before.draft.id,
    );
    if (!t.ok) {
      if (t.reason === 'not_draft') throw versionConflict('not_draft');
      throw new AppError('VALIDATION', {}, t.missing.map((h) => ({ path: `content.${h}`, message: { 'zh-CN': `请填写“${headingLabels[h]['zh-CN']}”或上传文件后再批准`, 'en-US': `Write "${headingLabels[h]['en-US']}" or upload a file before approval` } })));
    }
    const at = deps.clock.now().toISOString();
    const issuedOn = await enterpriseToday(deps, trx, actor.enterpriseId);
    for (const c of t.changes) {
      const from = before.versions.find((v) => v.id === c.id)?.status as string;
      const patch = c.to === 'approved' ? { status: 'approved', approved_by_user_id: actor.userId, approved_at: at, issued_on: issuedOn, updated_at: at } : { status: c.to, superseded_at: at, updated_at: at };
      const res = await trx.updateTable('controlled_document_version').set(patch).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', c.id).where('status', '=', from).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw versionConflict('not_draft');
    }
    const after = await getDocument(deps, actor.enterpriseId, id, trx);
    await recordChange(trx, actor, deps.clock.now(), {
      entity: 'controlled_document_version',
      entityId: before.draft.id,
      action: 'approve',
      before: { versionNo: before.draft.versionNo, status: 'draft', previousCurrent: before.current?.versionNo ?? null },
      after: { versionNo: after.current?.versionNo, status: 'approved', issuedOn, approvedBy: actor.userId },
    });
    return after;
  });
}

/** Withdraws the document: the current version and any draft become obsolete (kept); posts no longer see it. */
export async function withdrawDocument(deps: AppDeps, actor: DocumentActor, id: string, reason: string): Promise<DocumentDto> {
  return withTransaction(deps.db, async (trx) => {
    await requireLiveDocument(trx, actor.enterpriseId, id);
    const versions = await repo.versionsOf(trx, actor.enterpriseId, id);
    const t = withdraw(versions.map((v) => ({ id: v.id, versionNo: v.version_no, status: v.status as VersionStatus })));
    const at = deps.clock.now().toISOString();
    if (t.ok) {
      for (const c of t.changes) {
        await trx.updateTable('controlled_document_version').set({ status: c.to, obsolete_at: at, updated_at: at }).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', c.id).execute();
      }
    }
    await trx.updateTable('controlled_document').set({ withdrawn_at: at, withdrawn_reason: reason, updated_at: at }).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', id).execute();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'controlled_document', entityId: id, action: 'withdraw', after: { reason, obsoleteVersions: t.ok ? t.changes.map((c) => c.id) : [] } });
    return getDocument(deps, actor.enterpriseId, id, trx);
  });
}

/** Sets the posts the document is distributed to (every id one of the enterprise's live posts). */
export async function setDistribution(deps: AppDeps, actor: DocumentActor, id: string, postIds: string[]): Promise<DocumentDto> {
  const wanted = [...new Set(postIds)];
  return writeOnce(deps, async (trx) => {
    await requireLiveDocument(trx, actor.enterpriseId, id);
    if ((await repo.livePostIds(trx, actor.enterpriseId, wanted)).length !== wanted.length) throw referenceMissing('postIds');
    const before = (await repo.distributionOf(trx, actor.enterpriseId, id)).map((p) => p.id);
    const removed = before.filter((p) => !wanted.includes(p));
    const added = wanted.filter((p) => !before.includes(p));
    if (removed.length) await trx.deleteFrom('controlled_document_distribution').where('enterprise_id', '=', actor.enterpriseId).where('document_id', '=', id).where('post_id', 'in', removed).execute();
    const at = deps.clock.now().toISOString();
    for (const postId of added) await trx.insertInto('controlled_document_distribution').values({ id: newId(), enterprise_id: actor.enterpriseId, document_id: id, post_id: postId, created_at: at }).execute();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'controlled_document', entityId: id, action: 'distribute', before: { postIds: before }, after: { postIds: wanted } });
    return getDocument(deps, actor.enterpriseId, id, trx);
  });
}

export async function listDocuments(deps: AppDeps, enterpriseId: string, query: { cursor?: string; limit: number; type?: string; q?: string }) {
  const rows = await repo.listDocumentRows(deps.db, enterpriseId, { type: query.type, q: query.q || undefined, after: decodeCursor(query.cursor), limit: query.limit + 1 });
  const [summaries, today] = await Promise.all([repo.listSummaries(deps.db, enterpriseId, rows.map((r) => r.id)), enterpriseToday(deps, deps.db, enterpriseId)]);
  return toPage(
    rows,
    query.limit,
    (r) => ({ at: r.created_at, id: r.id }),
    (r): DocumentListItemDto => {
      const mine = summaries.versions.filter((v) => v.document_id === r.id);
      const current = r.withdrawn_at ? undefined : mine.find((v) => v.status === 'approved');
      return {
        id: r.id,
        number: r.number,
        title: r.title,
        type: r.type as DocumentListItemDto['type'],
        currentVersionNo: current?.version_no ?? null,
        issuedOn: current?.issued_on ?? null,
        hasDraft: mine.some((v) => v.status === 'draft'),
        withdrawnAt: r.withdrawn_at,
        reviewDueOn: r.review_due_on,
        reviewState: r.withdrawn_at ? 'none' : reviewState(r.review_due_on, today),
        postCount: Number(summaries.posts.find((p) => p.document_id === r.id)?.n ?? 0),
        createdAt: r.created_at,
      };
    },
  );
}

/** A post's current documents: only approved versions of documents not withdrawn (never a draft, never an obsolete one). */
export async function postDocuments(deps: AppDeps, enterpriseId: string, postId: string): Promise<PostDocumentDto[]> {
  const post = await deps.db.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', postId).executeTakeFirst();
  if (!post) throw notFound('post');
  return (await repo.currentDocumentsOfPost(deps.db, enterpriseId, postId)).map((r) => ({
    documentId: r.document_id,
    number: r.number,
    title: r.title,
    type: r.type as PostDocumentDto['type'],
    versionId: r.version_id,
    versionNo: r.version_no,
    issuedOn: r.issued_on,
    hasFile: Boolean(r.file_path),
  }));
}

/** Document control's figures; read through documentIndicators (documents-indicators.service.ts). */
export async function documentFigures(deps: AppDeps, enterpriseId: string) {
  const [rows, today] = await Promise.all([repo.documentCurrentRows(deps.db, enterpriseId), enterpriseToday(deps, deps.db, enterpriseId)]);
  const live = rows.filter((r) => !r.withdrawn_at);
  const issued = live.filter((r) => r.current_id);
  const byType: Record<string, number> = {};
  for (const r of issued) byType[r.type] = (byType[r.type] ?? 0) + 1;
  return {
    documents: live.length,
    documentsIssued: issued.length,
    documentsWithoutIssue: live.length - issued.length,
    documentsWithdrawn: rows.length - live.length,
    documentsReviewOverdue: live.filter((r) => reviewState(r.review_due_on, today) === 'overdue').length,
    issuedByType: byType,
  };
}
