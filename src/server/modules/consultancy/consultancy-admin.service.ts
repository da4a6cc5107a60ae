/* Issue 17 item 2: the administrator's page of consultancies — adding consultants (a new login with a
 * one-time password, or an existing login) and the engagements of each consultancy. */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import type { ConsultancyDto, ConsultantInput, EngagementSummaryDto } from '../../../schemas/consultancy.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError } from '../../platform/http/validation.js';
import { invalidateSessions } from '../../platform/auth/session-cache.js';
import { recordChange } from '../audit/audit.service.js';
import { createUser } from '../auth/auth.service.js';
import { findUserByUsername } from '../auth/auth.repository.js';
import * as repo from './consultancy.repository.js';
import { consultancyDto, summaries } from './engagement.service.js';

/** Adds a consultant to a consultancy; a password makes a new login (changed at its first login). */
export async function addConsultant(deps: AppDeps, adminUserId: string, consultancyId: string, input: ConsultantInput): Promise<ConsultancyDto> {
  if (!(await repo.findConsultancy(deps.db, consultancyId))) throw notFound('consultancy');
  if (input.password && !input.displayName) throw fieldError('displayName', { 'zh-CN': '新建账号请填写姓名', 'en-US': 'A new login needs a name' });
  await withTransaction(deps.db, async (trx) => {
    let userId: string;
    if (input.password) {
      userId = await createUser(deps, trx, { username: input.username, displayName: input.displayName as string, password: input.password, mustChangePassword: true });
    } else {
      const user = await findUserByUsername(trx, input.username);
      if (!user) throw fieldError('username', { 'zh-CN': '没有这个用户名；新建账号请同时填写姓名和初始密码', 'en-US': 'No such username; for a new login give a name and a one-time password too' });
      userId = user.id;
    }
    const at = deps.clock.now();
    if (!(await repo.insertMember(trx, { consultancy_id: consultancyId, user_id: userId, is_lead: input.isLead ? 1 : 0, created_at: at.toISOString() }))) {
      throw new AppError('CONFLICT', { detail: input.username }, [{ path: 'username', message: { 'zh-CN': '已是该机构的咨询师', 'en-US': 'Already a consultant of this consultancy' } }]);
    }
    // The password is never written to the audit log.
    await recordChange(trx, { userId: adminUserId, enterpriseId: null }, at, {
      entity: 'consultancy',
      entityId: consultancyId,
      action: 'add_consultant',
      after: { userId, username: input.username, isLead: input.isLead, isNewLogin: Boolean(input.password) },
    });
  });
  // A consultancy's consultant works only in its engagements' enterprises (workable-enterprises.service.ts).
  invalidateSessions(deps.db);
  return consultancyDto(deps.db, consultancyId);
}

/** A consultancy's engagements a page at a time, newest first, with phase and progress (the administrator's view). */
export async function listConsultancyEngagements(
  deps: AppDeps,
  consultancyId: string,
  query: { cursor?: string; limit: number },
  locale: Locale,
): Promise<{ items: EngagementSummaryDto[]; nextCursor: string | null }> {
  if (!(await repo.findConsultancy(deps.db, consultancyId))) throw notFound('consultancy');
  const rows = await repo.listEngagementsOfConsultancy(deps.db, consultancyId, { after: decodeCursor(query.cursor), limit: query.limit + 1 });
  const page = toPage(rows, query.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => r);
  return { items: await summaries(deps, page.items, locale), nextCursor: page.nextCursor };
}
