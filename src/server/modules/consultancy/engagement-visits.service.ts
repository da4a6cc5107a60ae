/* Seed 002 / issue 17 item 1: the consultancy's visits to the enterprise — date, who came (consultants
 * of the consultancy), what was done, the deliverables worked on. A visit is evidence: never edited or
 * deleted, a correction is a new visit. The enterprise's principal or a safety manager confirms it on
 * its side through the one sign-off mechanism (subject `engagement-visit`, role `enterprise`). */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import { deliverableOf } from '../../../reference/consultancy-phases.js';
import type { EnterpriseVisitDto, VisitDto, VisitInput } from '../../../schemas/consultancy.js';
import { AppError } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { registerSignOffSubject } from '../../platform/sign-off/sign-off-registry.js';
import { listSignOffs } from '../../platform/sign-off/sign-off.service.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './consultancy.repository.js';
import type { EngagementRow } from './engagement.service.js';

export const visitSubjectType = 'engagement-visit';
export const visitSignerRole = 'enterprise';
/** Who confirms a visit for the enterprise (their logins linked to a person). */
export const visitConfirmerRoles = ['principal', 'safety_manager'] as const;

type VisitRow = NonNullable<Awaited<ReturnType<typeof repo.findVisit>>>;
const codesOf = (v: { deliverable_codes: string }) => JSON.parse(v.deliverable_codes) as string[];

registerSignOffSubject({
  type: visitSubjectType,
  entity: 'engagement_visit',
  hostRoles: visitConfirmerRoles,
  async describe({ db, enterpriseId, subjectId }) {
    const visit = await repo.findVisit(db, enterpriseId, subjectId);
    if (!visit) return null;
    // Visits recorded before 202612080200 named their signer; since then the principal or a safety manager confirms.
    const signers = visit.signer_person_id ? [visit.signer_person_id] : (await repo.listPeopleInRoles(db, enterpriseId, visitConfirmerRoles)).map((p) => p.id);
    return {
      title: `${visit.visited_on} ${visit.consultants}`,
      revision: '',
      isOpen: true,
      closedReason: null,
      expected: signers.map((personId) => ({
        personId,
        role: visitSignerRole,
        roleLabel: { 'zh-CN': '企业确认人', 'en-US': 'For the enterprise' },
        statement: { 'zh-CN': `确认咨询人员（${visit.consultants}）于 ${visit.visited_on} 到企业开展以下工作：${visit.work}`, 'en-US': `I confirm the consultants' (${visit.consultants}) visit of ${visit.visited_on}: ${visit.work}` },
      })),
    };
  },
  // A signature or its withdrawal: the visit's copy of its confirmation (the pending page's index) follows.
  async afterSign({ db, enterpriseId, subjectId }) {
    await repo.refreshVisitConfirmation(db, enterpriseId, subjectId, { subjectType: visitSubjectType, role: visitSignerRole });
  },
});

/** Records a visit of the engagement (a team member or a lead of the consultancy records it). */
export async function recordVisit(deps: AppDeps, userId: string, row: EngagementRow, input: VisitInput): Promise<{ id: string }> {
  if (row.completed_at) throw new AppError('ENGAGEMENT_STATE', { reasonZh: '咨询已完成', reasonEn: 'the engagement is completed' });
  if (row.ended_at) throw new AppError('ENGAGEMENT_STATE', { reasonZh: '咨询服务已结束', reasonEn: 'the engagement has ended' });
  const today = deps.clock.now().toISOString().slice(0, 10);
  // One day of slack: the consultant's calendar day may be ahead of UTC.
  if (input.visitedOn > addDays(today, 1)) throw fieldError('visitedOn', { 'zh-CN': '咨询日期不能晚于今天', 'en-US': 'The visit cannot be in the future' });
  const members = new Map((await repo.listMembers(deps.db, [row.consultancy_id])).map((m) => [m.user_id, m.display_name]));
  const who = [...new Set(input.consultantUserIds)];
  const stranger = input.consultantUserIds.findIndex((u) => !members.has(u));
  if (stranger >= 0) throw fieldError(`consultantUserIds.${stranger}`, { 'zh-CN': '只能选择该咨询机构的咨询师', 'en-US': 'Choose consultants of that consultancy' });
  const codes = [...new Set(input.deliverableCodes ?? [])];
  const bad = (input.deliverableCodes ?? []).findIndex((c) => (deliverableOf(c)?.phase ?? Infinity) > row.phase);
  if (bad >= 0) throw fieldError(`deliverableCodes.${bad}`, { 'zh-CN': '只能选择本阶段或之前阶段的交付物', 'en-US': 'Choose deliverables of this or an earlier phase' });
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    const at = deps.clock.now();
    const visit = {
      id,
      engagement_id: row.id,
      enterprise_id: row.enterprise_id,
      phase: row.phase,
      visited_on: input.visitedOn,
      consultants: who.map((u) => members.get(u)).join('、'),
      work: input.work,
      signer_person_id: null,
      recorded_by_user_id: userId,
      recorded_at: at.toISOString(),
      consultant_user_ids: JSON.stringify(who),
      deliverable_codes: JSON.stringify(codes),
      is_confirmed: 0,
    };
    await repo.insertVisit(trx, visit);
    await recordChange(trx, { userId, enterpriseId: row.enterprise_id }, at, { entity: 'engagement_visit', entityId: id, action: 'create', after: { ...input, consultants: visit.consultants } });
  });
  return { id };
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

async function toDto(db: Executor, v: VisitRow, locale: Locale): Promise<VisitDto> {
  const entries = await listSignOffs(db, v.enterprise_id, visitSubjectType, v.id);
  const signed = entries.find((e) => e.isCurrent && e.action === 'sign' && e.role === visitSignerRole);
  return {
    id: v.id,
    phase: v.phase,
    visitedOn: v.visited_on,
    consultants: v.consultants,
    work: v.work,
    deliverables: codesOf(v).map((code) => ({ code, title: deliverableOf(code)?.title[locale] ?? code })),
    recordedAt: v.recorded_at,
    isSigned: signed !== undefined,
    signedBy: signed?.personName ?? null,
    signedAt: signed?.signedAt ?? null,
  };
}

/** The visits of one engagement, oldest first, with their sign state. */
export async function visitsOfEngagement(db: Executor, engagementId: string, locale: Locale): Promise<VisitDto[]> {
  const out: VisitDto[] = [];
  for (const v of await repo.listVisits(db, engagementId)) out.push(await toDto(db, v, locale));
  return out;
}

/** The enterprise's side: a page of its engagements' visits, newest first; those waiting for its confirmation when `pending`. */
export async function listEnterpriseVisits(
  db: Executor,
  enterpriseId: string,
  q: { pending?: boolean; limit: number; cursor?: string },
  locale: Locale,
): Promise<{ items: EnterpriseVisitDto[]; nextCursor: string | null }> {
  const rows = await repo.listVisitsOfEnterprise(db, enterpriseId, { pending: q.pending, after: decodeCursor(q.cursor), limit: q.limit + 1 });
  const page = toPage(rows, q.limit, (v) => ({ at: v.visited_on, id: v.id }), (v) => v);
  const items: EnterpriseVisitDto[] = [];
  for (const v of page.items) items.push({ ...(await toDto(db, v, locale)), engagementId: v.engagement_id, consultancyName: v.consultancy_name });
  return { items, nextCursor: page.nextCursor };
}
