/* Use cases of the sign-off mechanism (API described in sign-off-registry.ts). */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Kysely } from 'kysely';
import { chainKey, currentSignatures, describeDevice, headOf, nextEntry } from '../../../domain/sign-off/sign-off-chain.js';
import type { Locale } from '../../../i18n/locale.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { SignOffDto, SignOffInput, SignOffQuery, SignOffSheet } from '../../../schemas/sign-offs.js';
import type { AppDeps } from '../../app-deps.js';
import type { Database } from '../../db/database.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { recordChange } from '../../modules/audit/audit.service.js';
import { removeFile, saveFile } from '../files/file-store.js';
import { AppError, notFound } from '../http/app-error.js';
import { fieldError } from '../http/validation.js';
import { newId } from '../ids.js';
import { defaultHostRoles, findSignOffSubject, type SignOffSubjectInfo, type SignOffSubjectKind } from './sign-off-registry.js';
import * as repo from './sign-off.repository.js';
import { decodeSignatureDataUrl, stampSignature } from './signature-image.js';

export interface SignOffCaller {
  userId: string;
  enterpriseId: string;
  role: EnterpriseRole;
}

export interface SignOffRequestMeta {
  userAgent: string;
  ip: string;
  locale: Locale;
}

function toDto(row: repo.SignOffRow, currentIds: ReadonlySet<string>): SignOffDto {
  return {
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectRevision: row.subject_revision,
    role: row.role,
    personId: row.person_id,
    personName: row.person_name,
    action: row.action as SignOffDto['action'],
    method: row.method as SignOffDto['method'],
    userId: row.user_id,
    userDisplayName: row.user_display_name,
    signatureAttachmentId: row.signature_attachment_id,
    statement: row.statement,
    note: row.note,
    supersedesId: row.supersedes_id,
    isCurrent: currentIds.has(row.id),
    userAgent: row.user_agent,
    device: describeDevice(row.user_agent),
    ip: row.ip,
    clientSignedAt: row.client_signed_at,
    signedAt: row.signed_at,
  };
}

const toChainEntry = (r: repo.SignOffRow) => ({
  id: r.id,
  subjectRevision: r.subject_revision,
  role: r.role,
  personId: r.person_id,
  action: r.action as 'sign' | 'revoke',
  supersedesId: r.supersedes_id,
  signedAt: r.signed_at,
});

/** Entries whose chain head is on the current revision (signatures in force and revocations in force). */
function currentIdsOf(rows: repo.SignOffRow[], revision: string): Set<string> {
  const entries = rows.map(toChainEntry);
  const superseded = new Set(entries.map((e) => e.supersedesId).filter((id): id is string => id !== null));
  return new Set(entries.filter((e) => e.subjectRevision === revision && !superseded.has(e.id)).map((e) => e.id));
}

function kindOf(type: string): SignOffSubjectKind {
  const kind = findSignOffSubject(type);
  if (!kind) throw fieldError('subjectType', { 'zh-CN': `没有这种需要签字的记录：${type}`, 'en-US': `No record kind takes sign-offs: ${type}` });
  return kind;
}

async function describeOrThrow(kind: SignOffSubjectKind, db: Executor, deps: AppDeps, enterpriseId: string, subjectId: string): Promise<SignOffSubjectInfo> {
  const info = await kind.describe({ db, clock: deps.clock, dialect: deps.dialect, enterpriseId, subjectId });
  if (!info) throw notFound(kind.entity);
  return info;
}

/**
 * Every entry of one record, oldest first, as DTOs (isCurrent against `revision` when given).
 * Features call this, or the pure helpers of domain/sign-off over `listSignOffEntries`.
 */
export async function listSignOffs(db: Kysely<Database> | Executor, enterpriseId: string, subjectType: string, subjectId: string, revision = ''): Promise<SignOffDto[]> {
  const rows = await repo.listSignOffRows(db, enterpriseId, subjectType, subjectId);
  const current = currentIdsOf(rows, revision);
  return rows.map((r) => toDto(r, current));
}

/** The sheet of one record: who is expected, who signed, every entry, what the caller may do. */
export async function getSignOffSheet(deps: AppDeps, caller: SignOffCaller, query: SignOffQuery, locale: Locale): Promise<SignOffSheet> {
  const kind = kindOf(query.subjectType);
  const info = await describeOrThrow(kind, deps.db, deps, caller.enterpriseId, query.subjectId);
  const [rows, callerPersonId] = await Promise.all([
    repo.listSignOffRows(deps.db, caller.enterpriseId, kind.type, query.subjectId),
    repo.findCallerPersonId(deps.db, caller.enterpriseId, caller.userId),
  ]);
  const names = new Map((await repo.findPersonNames(deps.db, caller.enterpriseId, [...new Set(info.expected.map((x) => x.personId))])).map((p) => [p.id, p.name]));
  const entries = rows.map(toChainEntry);
  const inForce = new Map(currentSignatures(entries, info.revision).map((e) => [`${e.role}|${e.personId}`, e]));
  const ownRoles = callerPersonId ? [...new Set(info.expected.filter((x) => x.personId === callerPersonId).map((x) => x.role))] : [];
  return {
    subjectType: kind.type,
    subjectId: query.subjectId,
    subjectRevision: info.revision,
    title: info.title,
    isOpen: info.isOpen,
    closedReason: info.closedReason ? info.closedReason[locale] : null,
    expected: info.expected.map((x) => {
      const signed = inForce.get(`${x.role}|${x.personId}`);
      return {
        personId: x.personId,
        personName: names.get(x.personId) ?? '-',
        role: x.role,
        roleLabel: x.roleLabel[locale],
        statement: x.statement[locale],
        signOffId: signed?.id ?? null,
        signedAt: signed?.signedAt ?? null,
      };
    }),
    items: rows.map((r) => toDto(r, currentIdsOf(rows, info.revision))),
    me: { personId: callerPersonId, ownRoles, mayHostDrawn: mayHost(kind, caller.role, ownRoles.length > 0) },
  };
}

function mayHost(kind: SignOffSubjectKind, role: EnterpriseRole, isExpectedSigner: boolean): boolean {
  return (kind.hostRoles ?? defaultHostRoles).includes(role) || isExpectedSigner;
}

const notExpected = (personName: string, roleLabel: string) =>
  new AppError('SIGN_OFF_NOT_EXPECTED', { person: personName, role: roleLabel });

/**
 * Records one entry (a signature, or the withdrawal of one). Insert-only; the subject's afterSign
 * hook runs in the same transaction. A replayed clientId returns the entry already recorded.
 */
export async function recordSignOff(deps: AppDeps, caller: SignOffCaller, input: SignOffInput, meta: SignOffRequestMeta): Promise<{ signOff: SignOffDto; isNew: boolean }> {
  const kind = kindOf(input.subjectType);
  const action = input.action ?? 'sign';
  if (input.clientId) {
    const replay = await replayOf(deps.db, caller, input.clientId);
    if (replay) return { signOff: replay, isNew: false };
  }
  const now = deps.clock.now();
  if (input.clientSignedAt && Date.parse(input.clientSignedAt) > now.getTime() + 5 * 60_000) {
    throw fieldError('clientSignedAt', { 'zh-CN': '签字时间晚于服务器时间，请检查手机时间', 'en-US': "The signing time is in the future; check the phone's clock" });
  }

  // Checks that need no transaction first, so a refused request writes no file.
  const person = await repo.findPerson(deps.db, caller.enterpriseId, input.personId);
  if (!person) throw fieldError('personId', { 'zh-CN': '签字人不是本企业的在册人员', 'en-US': 'The signer is not a person of this enterprise' });
  const callerPersonId = await repo.findCallerPersonId(deps.db, caller.enterpriseId, caller.userId);
  if (action === 'sign' && input.method === 'session' && callerPersonId !== input.personId) {
    throw fieldError(
      'personId',
      callerPersonId
        ? { 'zh-CN': '登录签字只能签本人的名字；替他人签字请选择姓名并手写签名', 'en-US': "A logged-in sign-off is for your own name; for someone else pick the name and draw the signature" }
        : { 'zh-CN': '您的账号未关联人员，请选择姓名并手写签名', 'en-US': 'Your account is not linked to a person; pick the name and draw the signature' },
    );
  }
  const precheck = await describeOrThrow(kind, deps.db, deps, caller.enterpriseId, input.subjectId);
  checkMaySign(kind, precheck, caller, callerPersonId, input, person.name);

  let stored: { id: string; relativePath: string; sha256: string; bytes: number; width: number; height: number; stampedText: string } | null = null;
  if (input.method === 'drawn' && action === 'sign' && input.signatureImage) {
    const timeZone = await enterpriseTimeZone(deps.db, caller.enterpriseId);
    const lines = [
      `${person.name} · ${format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd HH:mm:ss')} (${timeZone})`,
      describeDevice(meta.userAgent),
    ];
    const stamped = await stampSignature(decodeSignatureDataUrl(input.signatureImage), lines);
    const id = newId();
    const file = await saveFile(deps.config.dataDir, caller.enterpriseId, `${id}.png`, stamped.data);
    stored = { id, relativePath: file.relativePath, sha256: file.sha256, bytes: file.byteSize, width: stamped.width, height: stamped.height, stampedText: lines.join('\n') };
  }

  try {
    return await withTransaction(deps.db, async (trx) => {
      // Again inside the transaction: the subject may have changed (closed, revised) meanwhile.
      const info = await describeOrThrow(kind, trx, deps, caller.enterpriseId, input.subjectId);
      const expected = checkMaySign(kind, info, caller, callerPersonId, input, person.name);
      const rows = await repo.listSignOffRows(trx, caller.enterpriseId, kind.type, input.subjectId);
      const head = headOf(rows.map(toChainEntry), info.revision, input.role, input.personId);
      const next = nextEntry(head, action);
      if (!next.ok) throw new AppError(next.reason === 'already_signed' ? 'ALREADY_SIGNED' : 'NOT_SIGNED', { person: person.name });
      if (stored) {
        await repo.insertSignatureAttachment(trx, {
          id: stored.id,
          enterprise_id: caller.enterpriseId,
          path: stored.relativePath,
          sha256: stored.sha256,
          mime: 'image/png',
          bytes: stored.bytes,
          width: stored.width,
          height: stored.height,
          stamped_text: stored.stampedText,
          created_by: caller.userId,
          created_at: now.toISOString(),
          captured_at: input.clientSignedAt ? new Date(input.clientSignedAt).toISOString() : null,
          is_anonymous: 0,
        });
      }
      const id = newId();
      const row = {
        id,
        enterprise_id: caller.enterpriseId,
        subject_type: kind.type,
        subject_id: input.subjectId,
        subject_revision: info.revision,
        role: input.role,
        person_id: input.personId,
        action,
        method: input.method,
        user_id: caller.userId,
        signature_attachment_id: stored?.id ?? null,
        statement: expected.statement[meta.locale],
        note: input.note ?? '',
        supersedes_id: next.supersedesId,
        chain_key: chainKey({ subjectType: kind.type, subjectId: input.subjectId, subjectRevision: info.revision, role: input.role, personId: input.personId, supersedesId: next.supersedesId }),
        client_id: input.clientId ?? null,
        user_agent: meta.userAgent.slice(0, 400),
        ip: meta.ip.slice(0, 64),
        client_signed_at: input.clientSignedAt ? new Date(input.clientSignedAt).toISOString() : null,
        signed_at: now.toISOString(),
      };
      if (!(await repo.insertSignOff(trx, row))) {
        // The same slot was signed a moment ago by a concurrent request (or the clientId was used).
        throw new AppError(action === 'sign' ? 'ALREADY_SIGNED' : 'NOT_SIGNED', { person: person.name });
      }
      await recordChange(trx, { userId: caller.userId, enterpriseId: caller.enterpriseId }, now, {
        entity: 'sign_off',
        entityId: id,
        action: action === 'sign' ? 'sign' : 'revoke',
        after: { subjectType: kind.type, subjectId: input.subjectId, subjectRevision: info.revision, role: input.role, personId: input.personId, method: input.method, signatureAttachmentId: stored?.id ?? null, supersedesId: next.supersedesId, note: row.note },
      });
      const saved = await repo.findSignOff(trx, caller.enterpriseId, id);
      const dto = toDto(saved as repo.SignOffRow, new Set([id]));
      await kind.afterSign?.({ db: trx, clock: deps.clock, dialect: deps.dialect, enterpriseId: caller.enterpriseId, subjectId: input.subjectId, signOff: dto });
      return { signOff: dto, isNew: true };
    });
  } catch (error) {
    if (stored) await removeFile(deps.config.dataDir, stored.relativePath).catch(() => undefined);
    // A replay that raced its twin: answer with the twin's entry.
    if (input.clientId && error instanceof AppError && (error.code === 'ALREADY_SIGNED' || error.code === 'NOT_SIGNED')) {
      const replay = await replayOf(deps.db, caller, input.clientId);
      if (replay) return { signOff: replay, isNew: false };
    }
    throw error;
  }
}

async function replayOf(db: Kysely<Database>, caller: SignOffCaller, clientId: string): Promise<SignOffDto | null> {
  const known = await repo.findSignOffByClientId(db, clientId);
  if (!known) return null;
  if (known.enterprise_id !== caller.enterpriseId) throw new AppError('CONFLICT', { detail: 'clientId' });
  return toDto(known, new Set());
}

function checkMaySign(kind: SignOffSubjectKind, info: SignOffSubjectInfo, caller: SignOffCaller, callerPersonId: string | null, input: SignOffInput, personName: string) {
  if (!info.isOpen) throw new AppError('SIGN_OFF_CLOSED', { reasonZh: info.closedReason?.['zh-CN'] ?? '', reasonEn: info.closedReason?.['en-US'] ?? '' });
  const expected = info.expected.find((x) => x.personId === input.personId && x.role === input.role);
  if (!expected) {
    const anyRole = info.expected.find((x) => x.role === input.role);
    throw notExpected(personName, anyRole ? anyRole.roleLabel['zh-CN'] : input.role);
  }
  if ((input.action ?? 'sign') === 'sign' && input.method === 'drawn' && callerPersonId !== input.personId) {
    const isExpectedSigner = callerPersonId !== null && info.expected.some((x) => x.personId === callerPersonId);
    if (!mayHost(kind, caller.role, isExpectedSigner)) throw new AppError('FORBIDDEN');
  }
  // Withdrawing someone else's signature is for those who may host signatures, with a reason.
  if ((input.action ?? 'sign') === 'revoke' && callerPersonId !== input.personId && !(kind.hostRoles ?? defaultHostRoles).includes(caller.role)) {
    throw new AppError('FORBIDDEN');
  }
  return expected;
}

async function enterpriseTimeZone(db: Kysely<Database>, enterpriseId: string): Promise<string> {
  return repo.findEnterpriseTimeZone(db, enterpriseId);
}
