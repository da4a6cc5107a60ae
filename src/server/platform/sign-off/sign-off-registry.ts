/**
 * Sign-off (签字确认) — the one mechanism every feature uses when a person confirms a record
 * (issue 11 §1; DESIGN.md "Mechanisms built once"). Permits, accident scenarios, training
 * attendance, duty letters, commitments, meetings and drills all sign through it; none writes its own.
 *
 * ## API for a feature
 *
 * 1. Register the kind of record once, at module load (e.g. at the top of your *.routes.ts):
 *
 *      registerSignOffSubject({
 *        type: 'training-session',                    // kebab-case, unique
 *        entity: 'training_session',                  // key of entityNames (for "未找到…")
 *        async describe({ db, enterpriseId, subjectId }) {
 *          // null when the record is not the caller's enterprise's (→ 404)
 *          return {
 *            title: '2026年12月 三级安全教育',
 *            revision: '',                            // bump it when the record changes: older signatures stop counting
 *            isOpen: true, closedReason: null,        // false: no more signatures (e.g. a closed permit)
 *            expected: [{ personId, role: 'attendee', roleLabel: { 'zh-CN': '参训人', 'en-US': 'Attendee' },
 *                         statement: { 'zh-CN': '本人已参加本次培训。', 'en-US': 'I attended this session.' } }],
 *          };
 *        },
 *        hostRoles: ['principal', 'safety_manager', 'team_leader'],   // optional, see below
 *        async afterSign({ db, enterpriseId, subjectId, signOff }) { … }, // optional, same transaction
 *      });
 *
 * 2. Read signatures with `listSignOffs(db, enterpriseId, type, id)` (every entry, oldest first) and
 *    ask the pure helpers of src/domain/sign-off/sign-off-chain.ts — `missingSignatures(expected,
 *    entries, revision)`, `isSignedBy(…)`, `currentSignatures(…)` — e.g. "the permit may start when
 *    nobody is missing".
 *
 *    To flag or list records by their confirmation in SQL (a page of "waiting for signature"), use
 *    `signatureInForce({ enterpriseId, subjectType, subjectId: sql.ref('v.id'), role })` of
 *    sign-off.repository.ts — e.g. consultancy visits keep `engagement_visit.is_confirmed` from it in
 *    their afterSign hook, so their pending page is an index range.
 *
 * 3. The routes are shared: `GET /api/v1/sign-offs?subjectType=&subjectId=` (the sheet: expected
 *    signers, every entry, what the caller may do) and `POST /api/v1/sign-offs`. The phone has
 *    `SignOffPanel` + `SignaturePad` (src/phone/ui), the office `SignOffList` (src/web/features/sign-offs).
 *
 * ## Rules (enforced here, not by each feature)
 * - Only a person the subject lists as expected, in that role, signs; a person of another
 *   enterprise is refused as an unknown person.
 * - Preferred: logged in (method 'session'), the caller signs as their own person. Otherwise
 *   (method 'drawn'), the name is picked and a signature drawn on the phone in hand — allowed to a
 *   caller whose role is in `hostRoles` (default: principal, safety manager, department head, team
 *   leader) or who is an expected signer of the same record (a colleague's phone on site).
 * - Insert-only: a correction (withdrawing a signature, signing again) is a new entry; two
 *   concurrent signatures of the same slot → one row, the other 409.
 * - The statement signed is the subject's, stored verbatim with the entry, with server time,
 *   the phone's time, user agent and address.
 */
import type { LocalizedText } from '../../../reference/localized-text.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { SignOffDto } from '../../../schemas/sign-offs.js';
import type { Executor } from '../../db/with-transaction.js';
import type { Clock } from '../clock.js';
import type { Dialect } from '../../db/create-db.js';

export interface ExpectedSigner {
  personId: string;
  role: string;
  roleLabel: LocalizedText;
  /** What the person confirms by signing, stored verbatim with the signature. */
  statement: LocalizedText;
}

export interface SignOffSubjectInfo {
  title: string;
  revision: string;
  isOpen: boolean;
  closedReason: LocalizedText | null;
  expected: ExpectedSigner[];
}

export interface SignOffSubjectContext {
  db: Executor;
  clock: Clock;
  dialect: Dialect;
  enterpriseId: string;
  subjectId: string;
}

export interface SignOffSubjectKind {
  type: string;
  /** Key of entityNames in src/i18n/error-messages.ts, for the 404 message. */
  entity: string;
  /** The subject as the caller's enterprise sees it, or null when it does not exist there. */
  describe(ctx: SignOffSubjectContext): Promise<SignOffSubjectInfo | null>;
  /** Roles that may hand their phone to an expected signer for a drawn signature. */
  hostRoles?: readonly EnterpriseRole[];
  /** Called inside the transaction after an entry is recorded (e.g. a permit re-checks whether it may start). */
  afterSign?(ctx: SignOffSubjectContext & { signOff: SignOffDto }): Promise<void>;
}

export const defaultHostRoles: readonly EnterpriseRole[] = ['principal', 'safety_manager', 'dept_head', 'team_leader'];

const kinds = new Map<string, SignOffSubjectKind>();

/** Registers (or, on a module reload, replaces) a subject kind. */
export function registerSignOffSubject(kind: SignOffSubjectKind): void {
  kinds.set(kind.type, kind);
}

export function findSignOffSubject(type: string): SignOffSubjectKind | null {
  return kinds.get(type) ?? null;
}

export function registeredSignOffSubjectTypes(): string[] {
  return [...kinds.keys()].sort();
}
