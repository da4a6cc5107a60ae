/* "See it, report it" without an account (issue 5 §4): the enterprise can switch it off, it is
 * rate-limited (route config), and such reports wait for confirmation like any other. */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { AnonymousReportInput, ReportInfo } from '../../../schemas/hazards.js';
import type { AttachmentDto, AttachmentUploadQuery } from '../../../schemas/inspections.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { uploadPhoto } from '../inspections/attachments.service.js';
import { getEnterprise } from '../enterprise/enterprise.service.js';
import { isAnonymousReportAllowed } from '../notifications/notifications.service.js';
import { createHazardInTransaction } from './hazard-intake.service.js';
import * as repo from './hazards.repository.js';

/** The QR page's first question: whose post is this, and may I report without logging in? */
export async function getReportInfo(deps: AppDeps, postId: string): Promise<ReportInfo> {
  const row = await repo.findPostForPublicReport(deps.db, postId);
  if (!row) throw notFound('post');
  return {
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    postName: row.post_name,
    isAnonymousAllowed: await isAnonymousReportAllowed(deps.db, row.enterprise_id),
  };
}

/** An unknown enterprise and one that switched anonymous reports off answer alike (404): nothing to probe. */
async function requireAnonymousAllowed(deps: AppDeps, enterpriseId: string): Promise<void> {
  const enterprise = await getEnterprise(deps, enterpriseId).catch(() => null);
  if (!enterprise || !(await isAnonymousReportAllowed(deps.db, enterpriseId))) throw new AppError('ANONYMOUS_REPORTS_DISABLED');
}

export async function uploadAnonymousPhoto(deps: AppDeps, enterpriseId: string, declaredMime: string, body: unknown, query: AttachmentUploadQuery): Promise<AttachmentDto> {
  await requireAnonymousAllowed(deps, enterpriseId);
  return uploadPhoto(deps, { userId: null, enterpriseId, displayName: '' }, declaredMime, body, query);
}

export async function reportAnonymously(deps: AppDeps, enterpriseId: string, input: AnonymousReportInput): Promise<{ hazardId: string; isNew: boolean }> {
  await requireAnonymousAllowed(deps, enterpriseId);
  const { reporterName, reporterPhone, ...rest } = input;
  // No column of its own: the contractor's phone goes with the name, where the confirmer reads it.
  const reporter = [reporterName?.trim(), reporterPhone?.trim()].filter(Boolean).join(' ') || null;
  return withTransaction(deps.db, (trx) =>
    createHazardInTransaction(deps, trx, { userId: null, enterpriseId }, { ...rest, reporterName: reporter, source: 'anonymous' }),
  );
}
