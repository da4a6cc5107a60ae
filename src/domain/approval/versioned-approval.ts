/* Approval and versions, built once (DESIGN "Mechanisms built once: Approval and versions"):
 * draft → approved (by whom, when) → superseded (by the next approved version) or obsolete
 * (withdrawn); one current version, old ones kept. Emergency plans use it; documents, policy,
 * duty lists and scoring sheets can: the feature keeps its own table of versions with these
 * columns (version_no, status, approved_by_user_id, approved_at, superseded_at, obsolete_at) and
 * asks these pure functions what to write. */
export const versionStatuses = ['draft', 'approved', 'superseded', 'obsolete'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

export interface VersionFacts {
  id: string;
  versionNo: number;
  status: VersionStatus;
}

export type VersionRefusal = 'not_draft' | 'draft_exists' | 'nothing_to_revise' | 'already_obsolete';

export type Transition = { ok: true; changes: { id: string; to: VersionStatus }[] } | { ok: false; reason: VersionRefusal };

/** The version in force: the one approved (at most one). */
export function currentVersion<T extends VersionFacts>(versions: readonly T[]): T | null {
  return versions.find((v) => v.status === 'approved') ?? null;
}

/** The draft being worked on (at most one). */
export function openDraft<T extends VersionFacts>(versions: readonly T[]): T | null {
  return versions.find((v) => v.status === 'draft') ?? null;
}

/** Approving a draft makes it current; the previous current one becomes superseded (kept). */
export function approve(versions: readonly VersionFacts[], id: string): Transition {
  const target = versions.find((v) => v.id === id);
  if (!target || target.status !== 'draft') return { ok: false, reason: 'not_draft' };
  const current = currentVersion(versions);
  return { ok: true, changes: [...(current ? [{ id: current.id, to: 'superseded' as const }] : []), { id, to: 'approved' }] };
}

/** A new draft starts from the current version; one draft at a time. Returns its number. */
export function nextDraftNumber(versions: readonly VersionFacts[]): { ok: true; versionNo: number } | { ok: false; reason: VersionRefusal } {
  if (openDraft(versions)) return { ok: false, reason: 'draft_exists' };
  if (!versions.length) return { ok: true, versionNo: 1 };
  if (versions.every((v) => v.status === 'obsolete')) return { ok: false, reason: 'already_obsolete' };
  return { ok: true, versionNo: Math.max(...versions.map((v) => v.versionNo)) + 1 };
}

/** Withdrawing the whole document: the current version and any draft become obsolete (kept, marked). */
export function withdraw(versions: readonly VersionFacts[]): Transition {
  const live = versions.filter((v) => v.status === 'approved' || v.status === 'draft');
  if (!live.length) return { ok: false, reason: 'already_obsolete' };
  return { ok: true, changes: live.map((v) => ({ id: v.id, to: 'obsolete' as const })) };
}
