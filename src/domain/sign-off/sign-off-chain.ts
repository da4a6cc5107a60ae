/**
 * Sign-off chains (签字确认, issue 11 §1). A signature is evidence: never changed. A person's
 * signature in one role on one revision of a record is a chain of entries, each naming the entry it
 * supersedes: sign → revoke (withdrawn, with a reason) → sign again → … The head of the chain says
 * whether the person has signed now. Pure: the service loads the entries and asks here.
 */

export type SignOffAction = 'sign' | 'revoke';

export interface ChainEntry {
  id: string;
  subjectRevision: string;
  role: string;
  personId: string;
  action: SignOffAction;
  supersedesId: string | null;
  signedAt: string;
}

export interface ExpectedSignature {
  personId: string;
  role: string;
}

const slot = (role: string, personId: string) => `${role}\u0001${personId}`;

/**
 * The unique key of an entry: its place in the chain. Two concurrent signatures of the same person,
 * role and revision both supersede the same head (or none), so they share this key and the database
 * keeps exactly one of them.
 */
export function chainKey(e: { subjectType: string; subjectId: string; subjectRevision: string; role: string; personId: string; supersedesId: string | null }): string {
  return [e.subjectType, e.subjectId, e.subjectRevision, e.role, e.personId, e.supersedesId ?? 'first'].join('|');
}

/** The last entry of each (role, person) chain on `revision`; entries of other revisions are history. */
export function chainHeads<E extends ChainEntry>(entries: readonly E[], revision: string): Map<string, E> {
  const superseded = new Set(entries.map((e) => e.supersedesId).filter((id): id is string => id !== null));
  const heads = new Map<string, E>();
  for (const e of entries) {
    if (e.subjectRevision !== revision || superseded.has(e.id)) continue;
    const key = slot(e.role, e.personId);
    const known = heads.get(key);
    // A well-formed chain has one head; keep the latest should a damaged one have two.
    if (!known || known.signedAt < e.signedAt) heads.set(key, e);
  }
  return heads;
}

export function headOf<E extends ChainEntry>(entries: readonly E[], revision: string, role: string, personId: string): E | null {
  return chainHeads(entries, revision).get(slot(role, personId)) ?? null;
}

/** The signatures in force: heads that are signatures (not withdrawn), on the current revision. */
export function currentSignatures<E extends ChainEntry>(entries: readonly E[], revision: string): E[] {
  return [...chainHeads(entries, revision).values()].filter((e) => e.action === 'sign');
}

export function isSignedBy(entries: readonly ChainEntry[], revision: string, role: string, personId: string): boolean {
  return headOf(entries, revision, role, personId)?.action === 'sign';
}

/** The expected signatures not yet in force, in the order given (e.g. "张三 has not signed 一备三查"). */
export function missingSignatures<X extends ExpectedSignature>(expected: readonly X[], entries: readonly ChainEntry[], revision: string): X[] {
  const heads = chainHeads(entries, revision);
  return expected.filter((x) => heads.get(slot(x.role, x.personId))?.action !== 'sign');
}

export type NextEntry = { ok: true; supersedesId: string | null } | { ok: false; reason: 'already_signed' | 'not_signed' };

/** Where a new entry goes: a signature needs no signature in force; a revocation needs one. */
export function nextEntry(head: ChainEntry | null, action: SignOffAction): NextEntry {
  const isSigned = head?.action === 'sign';
  if (action === 'sign') return isSigned ? { ok: false, reason: 'already_signed' } : { ok: true, supersedesId: head?.id ?? null };
  return isSigned && head ? { ok: true, supersedesId: head.id } : { ok: false, reason: 'not_signed' };
}

/**
 * A short, readable name of the device from its user agent, for the office list ("Android 手机 ·
 * 微信"). The full user agent is kept beside it; this only helps a person read the list.
 */
export function describeDevice(userAgent: string): string {
  const ua = userAgent.toLowerCase();
  if (!ua) return '-';
  const os = /iphone|ipad|ipod/.test(ua)
    ? ua.includes('ipad') ? 'iPad' : 'iPhone'
    : ua.includes('android')
      ? 'Android'
      : ua.includes('harmonyos') || ua.includes('openharmony')
        ? 'HarmonyOS'
        : ua.includes('windows')
          ? 'Windows'
          : ua.includes('mac os') || ua.includes('macintosh')
            ? 'macOS'
            : ua.includes('linux')
              ? 'Linux'
              : null;
  const app = ua.includes('micromessenger')
    ? 'WeChat'
    : ua.includes('dingtalk')
      ? 'DingTalk'
      : ua.includes('edg/')
        ? 'Edge'
        : ua.includes('firefox/')
          ? 'Firefox'
          : ua.includes('chrome/') || ua.includes('chromium/')
            ? 'Chrome'
            : ua.includes('safari/')
              ? 'Safari'
              : null;
  const parts = [os, app].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : userAgent.slice(0, 40);
}
