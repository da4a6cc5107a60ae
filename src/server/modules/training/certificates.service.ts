/* Certificates (issue 12 §4): 特种作业操作证, 主要负责人 and 安全管理人员 certificates, with expiry and
 * 复审 dates; an expired one (or one whose 复审 is overdue) no longer qualifies its holder. */
import type { AppDeps } from '../../app-deps.js';
import type { Executor } from '../../db/with-transaction.js';
import { withTransaction } from '../../db/with-transaction.js';
import { certificateState, isCertificateUsable } from '../../../domain/training/training-status.js';
import type { Locale } from '../../../i18n/locale.js';
import { specialOperationCategories } from '../../../reference/special-operations.js';
import type { CertificateDto, CertificateInput, CertificateUpdate } from '../../../schemas/training.js';
import { notFound } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { registerCertificateProvider } from '../frontline/certificates.seam.js';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import * as repo from './training.repository.js';
import { defaultCertificateDates, enterpriseToday, type TrainingActor } from './training.service.js';

const operationLabel = (code: string | null, locale: Locale) => (code ? (specialOperationCategories.find((c) => c.code === code)?.label[locale] ?? code) : null);

export function toCertificateDto(row: repo.CertificateRow, today: string, locale: Locale): CertificateDto {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    kind: row.kind as CertificateDto['kind'],
    operationCode: row.operation_code,
    operationLabel: operationLabel(row.operation_code, locale),
    number: row.number,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    reviewDueOn: row.review_due_on,
    state: certificateState({ expiresOn: row.expires_on, reviewDueOn: row.review_due_on }, today),
  };
}

/** A page of the register, newest first (`cursor` = the previous page's `nextCursor`); a state is the stored one, refreshed for today first. */
export async function listCertificates(deps: AppDeps, enterpriseId: string, q: { personId?: string; state?: string; limit: number; cursor?: string }, locale: Locale) {
  const { today } = await enterpriseToday(deps, enterpriseId);
  if (q.state) await repo.refreshCertificateStates(deps.db, enterpriseId, today);
  const rows = await repo.listCertificatePage(deps.db, enterpriseId, { personId: q.personId, state: q.state, after: decodeCursor(q.cursor), limit: q.limit + 1 });
  return toPage(rows, q.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => toCertificateDto(r, today, locale));
}

export async function createCertificate(deps: AppDeps, actor: TrainingActor, input: CertificateInput, locale: Locale): Promise<CertificateDto> {
  if ((await repo.personBelongs(deps.db, actor.enterpriseId, [input.personId])).length === 0) throw referenceMissing('personId');
  if (input.kind === 'special_operation' && !input.operationCode) {
    throw fieldError('operationCode', { 'zh-CN': '特种作业操作证须选择作业类别', 'en-US': 'Choose the category of special operation' });
  }
  if (input.operationCode && !specialOperationCategories.some((c) => c.code === input.operationCode)) {
    throw fieldError('operationCode', { 'zh-CN': '作业类别不在特种作业目录中', 'en-US': 'Not a category of the special-operation catalogue' });
  }
  const defaults = input.kind === 'special_operation' ? defaultCertificateDates(input.issuedOn) : { expiresOn: null, reviewDueOn: null };
  const expiresOn = input.expiresOn ?? defaults.expiresOn;
  if (expiresOn && expiresOn < input.issuedOn) throw fieldError('expiresOn', { 'zh-CN': '有效期至不能早于发证日期', 'en-US': 'The expiry date cannot be before the issue date' });
  const now = deps.clock.now();
  const row = {
    id: newId(),
    enterprise_id: actor.enterpriseId,
    person_id: input.personId,
    kind: input.kind,
    operation_code: input.kind === 'special_operation' ? input.operationCode : null,
    number: input.number,
    issuer: input.issuer,
    issued_on: input.issuedOn,
    expires_on: expiresOn,
    review_due_on: input.reviewDueOn ?? defaults.reviewDueOn,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    archived_at: null,
  };
  const { today } = await enterpriseToday(deps, actor.enterpriseId);
  await withTransaction(deps.db, async (trx) => {
    await repo.insertCertificate(trx, row, today);
    await recordChange(trx, actor, now, { entity: 'certificate', entityId: row.id, action: 'create', after: row });
  });
  return getCertificate(deps, actor.enterpriseId, row.id, locale);
}

export async function getCertificate(deps: AppDeps, enterpriseId: string, id: string, locale: Locale): Promise<CertificateDto> {
  const row = await repo.findCertificate(deps.db, enterpriseId, id);
  if (!row) throw notFound('certificate');
  const { today } = await enterpriseToday(deps, enterpriseId);
  return toCertificateDto(row, today, locale);
}

/** A renewal (new dates after 复审) or a corrected number; the audit log keeps the old values. */
export async function updateCertificate(deps: AppDeps, actor: TrainingActor, id: string, input: CertificateUpdate, locale: Locale): Promise<CertificateDto> {
  const before = await getCertificate(deps, actor.enterpriseId, id, locale);
  const { today } = await enterpriseToday(deps, actor.enterpriseId);
  const now = deps.clock.now();
  const patch = {
    ...(input.number !== undefined && { number: input.number }),
    ...(input.issuer !== undefined && { issuer: input.issuer }),
    ...(input.expiresOn !== undefined && { expires_on: input.expiresOn }),
    ...(input.reviewDueOn !== undefined && { review_due_on: input.reviewDueOn }),
    updated_at: now.toISOString(),
  };
  await withTransaction(deps.db, async (trx) => {
    const after = { expires_on: input.expiresOn !== undefined ? input.expiresOn : before.expiresOn, review_due_on: input.reviewDueOn !== undefined ? input.reviewDueOn : before.reviewDueOn };
    await repo.updateCertificate(trx, actor.enterpriseId, id, patch, { after, today });
    await recordChange(trx, actor, now, { entity: 'certificate', entityId: id, action: 'update', before, after: patch });
  });
  return getCertificate(deps, actor.enterpriseId, id, locale);
}

/**
 * The seam the permit module calls: the person's certificates of these special-operation categories
 * that qualify them on `onDate` (not expired, 复审 not overdue). An empty list means "not qualified".
 */
export async function findValidCertificates(db: Executor, enterpriseId: string, personId: string, operationCodes: readonly string[], onDate: string) {
  const rows = await repo.listCertificates(db, enterpriseId, { personId });
  return rows.filter((r) => r.operation_code !== null && operationCodes.includes(r.operation_code) && isCertificateUsable({ expiresOn: r.expires_on, reviewDueOn: r.review_due_on }, onDate));
}

// The permit module asks here whether a worker holds a usable certificate of the categories its
// work type needs (issue 11 §3, issue 12 §4): from now on a missing or lapsed one blocks the start.
registerCertificateProvider({
  async findValidCertificates(db, enterpriseId, personId, categories, on) {
    const { time_zone: tz } = await repo.findEnterpriseIndustry(db, enterpriseId);
    const day = format(new TZDate(on.getTime(), tz), 'yyyy-MM-dd');
    const rows = await findValidCertificates(db, enterpriseId, personId, categories, day);
    return rows.map((r) => ({ category: r.operation_code as string, number: r.number, validUntil: r.expires_on }));
  },
});
