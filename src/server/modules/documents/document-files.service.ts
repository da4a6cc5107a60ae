/* Files of controlled documents: an uploaded PDF or Word file is stored as (the file of) a version —
 * the open draft, or a new draft opened for it — in the one FileStore (platform/files), checked by
 * its bytes, not its declared type; and any version as .docx through the one builder
 * (platform/exports/docx-builder.ts) with the six headings. */
import type { AppDeps } from '../../app-deps.js';
import { documentHeadings, headingLabels } from '../../../domain/documents/document-rules.js';
import type { DocumentDto } from '../../../schemas/documents.js';
import { buildDocx, docField, docHeading, docParagraph, type DocBlock } from '../../platform/exports/docx-builder.js';
import { readFile, removeFile, saveFile } from '../../platform/files/file-store.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './documents.repository.js';
import { type DocumentActor, getDocument, openOrCreateDraft, versionConflict, writeOnce } from './documents.service.js';

export const docxFileMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** PDF, Word 97–2003 and Word 2007+; identified by their first bytes. */
export const documentFileMimes = ['application/pdf', 'application/msword', docxFileMime] as const;
export const maxDocumentFileBytes = 10 * 1024 * 1024;
const extensions: Record<string, string> = { 'application/pdf': 'pdf', 'application/msword': 'doc', [docxFileMime]: 'docx' };

/** The type the bytes are, or null. A .docx is a ZIP whose entries include word/. */
export function sniffDocumentFile(body: Buffer): (typeof documentFileMimes)[number] | null {
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (body.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'application/msword';
  if (body.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && body.includes('word/')) return docxFileMime;
  return null;
}

export async function uploadDocumentFile(deps: AppDeps, actor: DocumentActor, documentId: string, declaredMime: string, body: unknown, fileName: string): Promise<DocumentDto> {
  const mime = declaredMime.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(documentFileMimes as readonly string[]).includes(mime) || !Buffer.isBuffer(body)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: `${mime || '-'}; ${documentFileMimes.join(', ')}` });
  }
  if (body.length > maxDocumentFileBytes) throw new AppError('PAYLOAD_TOO_LARGE');
  if (body.length === 0 || sniffDocumentFile(body) !== mime) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: `${mime}: the file is not what it says` });
  // Refuse before writing the file when the document cannot take a version.
  const doc = await repo.findDocument(deps.db, actor.enterpriseId, documentId);
  if (!doc) throw notFound('controlled_document');
  if (doc.withdrawn_at) throw versionConflict('withdrawn');
  const stored = await saveFile(deps.config.dataDir, actor.enterpriseId, `${newId()}.${extensions[mime]}`, body);
  try {
    return await writeOnce(deps, async (trx) => {
      const { row } = await openOrCreateDraft(deps, trx, actor, documentId, {});
      const res = await trx
        .updateTable('controlled_document_version')
        .set({ file_path: stored.relativePath, file_name: fileName, file_mime: mime, file_bytes: stored.byteSize, file_sha256: stored.sha256, updated_at: deps.clock.now().toISOString() })
        .where('enterprise_id', '=', actor.enterpriseId)
        .where('id', '=', row.id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw versionConflict('not_draft');
      await recordChange(trx, actor, deps.clock.now(), {
        entity: 'controlled_document_version',
        entityId: row.id,
        action: 'attach_file',
        before: row.file_path ? { fileName: row.file_name, sha256: row.file_sha256 } : null,
        after: { fileName, mime, bytes: stored.byteSize, sha256: stored.sha256 },
      });
      return getDocument(deps, actor.enterpriseId, documentId, trx);
    });
  } catch (error) {
    await removeFile(deps.config.dataDir, stored.relativePath);
    throw error;
  }
}

export async function readDocumentFile(deps: AppDeps, enterpriseId: string, documentId: string, versionId: string) {
  const row = (await repo.versionsOf(deps.db, enterpriseId, documentId)).find((v) => v.id === versionId);
  if (!row || !row.file_path) throw notFound('controlled_document_version');
  const data = await readFile(deps.config.dataDir, row.file_path);
  if (!data) throw notFound('controlled_document_version');
  return { data, mime: row.file_mime ?? 'application/octet-stream', name: row.file_name ?? `document.${extensions[row.file_mime ?? ''] ?? 'bin'}` };
}

const statusWords: Record<string, string> = { current: '现行有效', draft: '草稿（未批准，不得使用）', obsolete: '作废（不得使用）' };

/** A version (default: the current one, else the draft) as .docx with the six headings. */
export async function buildDocumentDocx(deps: AppDeps, enterpriseId: string, documentId: string, versionId?: string): Promise<{ buffer: Buffer; fileName: string }> {
  const d = await getDocument(deps, enterpriseId, documentId);
  const v = versionId ? d.versions.find((x) => x.id === versionId) : (d.current ?? d.draft ?? d.versions[0]);
  if (!v) throw notFound('controlled_document_version');
  const enterprise = await repo.enterpriseBasics(deps.db, enterpriseId);
  const blocks: DocBlock[] = [
    docField('文件编号', d.number),
    docField('版本', `第 ${v.versionNo} 版`),
    docField('状态', statusWords[v.validity]),
    docField('发布日期', v.issuedOn),
    docField('批准人', v.approvedByName),
    docField('发放岗位', d.posts.map((p) => p.name).join('、')),
  ];
  documentHeadings.forEach((h, i) => {
    const text = v.content[h].trim();
    if (h === 'terms' && !text) return;
    blocks.push(docHeading(`${i + 1}　${headingLabels[h]['zh-CN']}`, 2));
    for (const line of (text || '—').split('\n')) blocks.push(docParagraph(line));
  });
  if (v.file) blocks.push(docParagraph(`附件：${v.file.name}`));
  const buffer = await buildDocx({ title: d.title, enterpriseName: enterprise?.name, documentNumber: `${d.number}（第 ${v.versionNo} 版）`, blocks });
  return { buffer, fileName: `${d.number}-v${v.versionNo}.docx` };
}
