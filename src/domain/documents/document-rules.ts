/* Controlled documents (issue 14 §5, seed 000 二(四)): what a document is made of and which version
 * is valid. Versions go through the one versioned approval (../approval/versioned-approval.ts):
 * draft → approved (= issued, the current version) → superseded by the next approved one, or
 * obsolete when the document is withdrawn. Seed 000 二(四)2: "确保所有岗位都能得到有关文件和资料的
 * 现行有效版本和防止作废版本的使用" — so a reader sees one valid version, and every older one is
 * shown as obsolete (作废), whichever of the two mechanism states it is in. Pure. */
import { approve, currentVersion, openDraft, type VersionFacts, type VersionStatus } from '../approval/versioned-approval.js';

/** 方针、岗位职责、程序、作业指导书、管理制度、记录表单 (seed 000 二(四)1). */
export const documentTypes = ['policy', 'duty', 'procedure', 'work_instruction', 'rule', 'record_form'] as const;
export type DocumentType = (typeof documentTypes)[number];

/** The six headings of seed 000 二(四)2, in the seed's order: 目的、范围、术语（如需要）、职责、控制要求、相关文件和记录. */
export const documentHeadings = ['purpose', 'scope', 'terms', 'duties', 'controls', 'records'] as const;
export type DocumentHeading = (typeof documentHeadings)[number];
export type DocumentContent = Record<DocumentHeading, string>;

export const headingLabels: Record<DocumentHeading, { 'zh-CN': string; 'en-US': string }> = {
  purpose: { 'zh-CN': '目的', 'en-US': 'Purpose' },
  scope: { 'zh-CN': '范围', 'en-US': 'Scope' },
  terms: { 'zh-CN': '术语', 'en-US': 'Terms' },
  duties: { 'zh-CN': '职责', 'en-US': 'Duties' },
  controls: { 'zh-CN': '控制要求', 'en-US': 'Control requirements' },
  records: { 'zh-CN': '相关文件和记录', 'en-US': 'Related documents and records' },
};

/** 术语 is "如需要" in the seed; the other five must be written before a text version is approved. */
export const requiredHeadings: readonly DocumentHeading[] = ['purpose', 'scope', 'duties', 'controls', 'records'];

export const emptyContent = (): DocumentContent => ({ purpose: '', scope: '', terms: '', duties: '', controls: '', records: '' });

/** What a reader is told about a version: the valid one, the draft in work, or obsolete (never to be used). */
export type VersionValidity = 'current' | 'draft' | 'obsolete';

export function validityOf(status: VersionStatus, isWithdrawn: boolean): VersionValidity {
  if (status === 'draft') return 'draft';
  if (status === 'approved' && !isWithdrawn) return 'current';
  return 'obsolete';
}

export interface DocumentVersionFacts extends VersionFacts {
  content: DocumentContent;
  hasFile: boolean;
}

export type ApprovalRefusal = 'not_draft' | 'incomplete';

/**
 * Approving (= issuing) a draft: refused unless it is the open draft and it says something —
 * either an uploaded file (PDF/Word) or the required headings written. Answers the mechanism's
 * changes (the previous current version becomes superseded) and the headings still missing.
 */
export function approveDocumentVersion(
  versions: readonly DocumentVersionFacts[],
  id: string,
): { ok: true; changes: { id: string; to: VersionStatus }[] } | { ok: false; reason: ApprovalRefusal; missing: DocumentHeading[] } {
  const target = versions.find((v) => v.id === id);
  if (!target || target.status !== 'draft') return { ok: false, reason: 'not_draft', missing: [] };
  const missing = missingHeadings(target);
  if (missing.length) return { ok: false, reason: 'incomplete', missing };
  const t = approve(versions, id);
  return t.ok ? t : { ok: false, reason: 'not_draft', missing: [] };
}

/** Headings a version still lacks; none when it carries a file (the file is the text). */
export function missingHeadings(v: Pick<DocumentVersionFacts, 'content' | 'hasFile'>): DocumentHeading[] {
  if (v.hasFile) return [];
  return requiredHeadings.filter((h) => !v.content[h].trim());
}

/** The version a post reads: the current approved one, none when the document is withdrawn. */
export function validVersion<T extends VersionFacts>(versions: readonly T[], isWithdrawn: boolean): T | null {
  return isWithdrawn ? null : currentVersion(versions);
}

export { currentVersion, openDraft };

/** Review state of a document's review date at `today` (enterprise-local dates, YYYY-MM-DD). */
export function reviewState(reviewDueOn: string | null, today: string, soonDays = 30): 'none' | 'ok' | 'soon' | 'overdue' {
  if (!reviewDueOn) return 'none';
  if (reviewDueOn < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return reviewDueOn <= soon.toISOString().slice(0, 10) ? 'soon' : 'ok';
}
