/* Seed 002 / issue 17: consultancies and engagements, and the consultant's desk — every engagement
 * it works on with phase, overdue deliverables, open findings, the latest self-assessment score and
 * the enterprise's own alerts, without switching enterprise. A consultant sees only its engagements. */
import type { AppDeps } from '../../app-deps.js';
import type { ConsultancyTable } from '../../db/tables/consultancy-tables.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { deliverableStates, missingToAdvance } from '../../../domain/consultancy/engagement.js';
import type { Locale } from '../../../i18n/locale.js';
import { consultancyPhases, deliverableOf, phaseOf } from '../../../reference/consultancy-phases.js';
import type { ConsultancyDto, EngagementDetailDto, EngagementSummaryDto } from '../../../schemas/consultancy.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeTextCursor, encodeTextCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { invalidateSessions } from '../../platform/auth/session-cache.js';
import { recordChange } from '../audit/audit.service.js';
import { addMembership } from '../auth/auth.service.js';
import { findMembership, findUserByUsername } from '../auth/auth.repository.js';
import { findHazard } from '../hazards/hazards.repository.js';
import { indicatorRowsOf } from '../oversight/county.service.js';
import { trainingIndicators } from '../training/training-records.service.js';
import * as repo from './consultancy.repository.js';
import { visitsOfEngagement } from './engagement-visits.service.js';

export type EngagementRow = NonNullable<Awaited<ReturnType<typeof repo.findEngagement>>>;

const teamOf = (row: { team_user_ids: string }) => JSON.parse(row.team_user_ids) as string[];

/** The administrator registers a consultancy with its consultants (one of them or more leading). */
export async function createConsultancy(deps: AppDeps, adminUserId: string, input: { name: string; members: { username: string; isLead: boolean }[] }): Promise<ConsultancyDto> {
  const users: { user: { id: string }; isLead: boolean }[] = [];
  for (const [i, m] of input.members.entries()) {
    const user = await findUserByUsername(deps.db, m.username);
    if (!user) throw fieldError(`members.${i}.username`, { 'zh-CN': '没有这个用户名', 'en-US': 'No such username' });
    users.push({ user, isLead: m.isLead });
  }
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    if (await repo.findConsultancyByName(trx, input.name)) throw new AppError('CONFLICT', { detail: 'name' });
    const at = deps.clock.now();
    await repo.insertConsultancy(
      trx,
      { id, name: input.name, created_at: at.toISOString() },
      [...new Map(users.map((u) => [u.user.id, u])).values()].map((u) => ({ consultancy_id: id, user_id: u.user.id, is_lead: u.isLead ? 1 : 0, created_at: at.toISOString() })),
    );
    await recordChange(trx, { userId: adminUserId, enterpriseId: null }, at, { entity: 'consultancy', entityId: id, action: 'create', after: input });
  });
  return consultancyDto(deps.db, id);
}

async function withMembers(db: Executor, rows: ConsultancyTable[]): Promise<ConsultancyDto[]> {
  const members = await repo.listMembers(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    members: members.filter((m) => m.consultancy_id === r.id).map((m) => ({ userId: m.user_id, username: m.username, displayName: m.display_name, isLead: Number(m.is_lead) === 1 })),
  }));
}

/** One page of the installation's consultancies in name order, each with its consultants. */
export async function listConsultancyDtos(db: Executor, query: { cursor?: string; limit: number }): Promise<{ items: ConsultancyDto[]; nextCursor: string | null }> {
  const rows = await repo.listConsultancies(db, { after: decodeTextCursor(query.cursor), limit: query.limit + 1 });
  const page = toPage(rows, query.limit, (r) => ({ at: r.name, id: r.id }), (r) => r, encodeTextCursor);
  return { items: await withMembers(db, page.items), nextCursor: page.nextCursor };
}

/** One consultancy with its consultants. */
export async function consultancyDto(db: Executor, id: string): Promise<ConsultancyDto> {
  const row = await repo.findConsultancy(db, id);
  if (!row) throw notFound('consultancy');
  return (await withMembers(db, [row]))[0] as ConsultancyDto;
}

/**
 * The enterprise engages a consultancy (its principal or safety manager): the team are consultants of
 * that consultancy; each gets the consultant role in the enterprise, so switching into it works as before.
 */
export async function createEngagement(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  input: { consultancyId: string; teamUserIds: string[]; contractStart: string; contractEnd: string; scope?: string },
): Promise<{ id: string }> {
  if (input.contractEnd < input.contractStart) throw fieldError('contractEnd', { 'zh-CN': '合同结束日期不能早于开始日期', 'en-US': 'The contract cannot end before it starts' });
  const consultancy = await repo.findConsultancy(deps.db, input.consultancyId);
  if (!consultancy) throw fieldError('consultancyId', { 'zh-CN': '请从列表中选择咨询机构', 'en-US': 'Choose a consultancy from the list' });
  const members = new Set((await repo.listMembers(deps.db, [consultancy.id])).map((m) => m.user_id));
  const team = [...new Set(input.teamUserIds)];
  const stranger = team.findIndex((u) => !members.has(u));
  if (stranger >= 0) throw fieldError(`teamUserIds.${stranger}`, { 'zh-CN': '只能选择该咨询机构的咨询师', 'en-US': "Choose consultants of that consultancy" });
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    // Engaged again after the last one ended: a new engagement; two live ones at once meet at engagement_live_uq (409).
    if (await repo.findLiveEngagementOfConsultancy(trx, consultancy.id, actor.enterpriseId)) throw new AppError('CONFLICT', { detail: 'consultancyId' });
    const at = deps.clock.now().toISOString();
    await repo.insertEngagement(trx, {
      id,
      consultancy_id: consultancy.id,
      enterprise_id: actor.enterpriseId,
      team_user_ids: JSON.stringify(team),
      contract_start: input.contractStart,
      contract_end: input.contractEnd,
      phase: 1,
      phase_started_at: at,
      completed_at: null,
      scope: input.scope ?? '',
      ended_at: null,
      ended_by_user_id: null,
      created_by_user_id: actor.userId,
      created_at: at,
    });
    for (const userId of team) {
      if (!(await findMembership(trx, userId, actor.enterpriseId))) await addMembership(deps, trx, { userId, enterpriseId: actor.enterpriseId, role: 'consultant' });
    }
    await recordChange(trx, actor, deps.clock.now(), { entity: 'engagement', entityId: id, action: 'create', after: input });
  });
  return { id };
}

/**
 * A consultant of a consultancy who registers an enterprise takes it on: an engagement of its
 * consultancy (the first by name), itself on the team, a year's contract from today, phase 1 — so the
 * enterprise is among those it may work in. Nothing when it belongs to no consultancy.
 */
export async function engageRegisteredEnterprise(deps: AppDeps, trx: Executor, userId: string, enterpriseId: string): Promise<void> {
  const consultancyId = await repo.firstConsultancyOfMember(trx, userId);
  if (!consultancyId) return;
  const now = deps.clock.now();
  const start = now.toISOString().slice(0, 10);
  const id = newId();
  await repo.insertEngagement(trx, {
    id,
    consultancy_id: consultancyId,
    enterprise_id: enterpriseId,
    team_user_ids: JSON.stringify([userId]),
    contract_start: start,
    contract_end: `${Number(start.slice(0, 4)) + 1}${start.slice(4)}`,
    phase: 1,
    phase_started_at: now.toISOString(),
    completed_at: null,
    scope: '',
    ended_at: null,
    ended_by_user_id: null,
    created_by_user_id: userId,
    created_at: now.toISOString(),
  });
  await recordChange(trx, { userId, enterpriseId }, now, { entity: 'engagement', entityId: id, action: 'create', after: { consultancyId, teamUserIds: [userId], registered: true } });
}

/** An engagement the user works on (team member, or a lead of its consultancy); anything else is "not found". */
export async function engagementForConsultant(db: Executor, userId: string, id: string): Promise<EngagementRow> {
  const row = await repo.findEngagement(db, id);
  if (!row) throw notFound('engagement');
  if (teamOf(row).includes(userId)) return row;
  const led = (await repo.listMembers(db, [row.consultancy_id])).some((m) => m.user_id === userId && Number(m.is_lead) === 1);
  if (!led) throw notFound('engagement');
  return row;
}

/**
 * The enterprises a consultant of a consultancy may work in: those of the engagements it works on.
 * null when the user belongs to no consultancy (a consultant linked by the administrator keeps its links).
 */
export async function consultantEnterprises(db: Executor, userId: string): Promise<Set<string> | null> {
  if (!(await repo.isConsultancyMember(db, userId))) return null;
  return new Set((await repo.listEngagementsOfUser(db, userId)).filter((r) => !r.ended_at).map((r) => r.enterprise_id));
}

export async function doneCodes(db: Executor, engagementIds: string[]) {
  const events = await repo.listEvents(db, engagementIds);
  const out = new Map<string, Map<string, string>>();
  for (const e of events) {
    if (e.kind !== 'deliverable') continue;
    const m = out.get(e.engagement_id) ?? new Map<string, string>();
    if (!m.has(e.code)) m.set(e.code, e.at);
    out.set(e.engagement_id, m);
  }
  return out;
}

export async function summaries(deps: AppDeps, rows: EngagementRow[], locale: Locale): Promise<EngagementSummaryDto[]> {
  const ids = rows.map((r) => r.id);
  const [done, findings, indicators] = await Promise.all([doneCodes(deps.db, ids), repo.listFindings(deps.db, ids), indicatorRowsOf(deps.db, rows.map((r) => r.enterprise_id))]);
  const now = deps.clock.now();
  const out: EngagementSummaryDto[] = [];
  for (const r of rows) {
    const codes = new Set(done.get(r.id)?.keys() ?? []);
    const states = deliverableStates({ phase: r.phase, phaseStartedAt: r.phase_started_at, done: codes, now });
    let openFindings = 0;
    for (const f of findings.filter((x) => x.engagement_id === r.id)) {
      const h = await findHazard(deps.db, r.enterprise_id, f.hazard_id);
      if (h && h.status !== 'closed' && h.status !== 'rejected') openFindings += 1;
    }
    const ind = indicators.get(r.enterprise_id);
    const training = await trainingIndicators(deps, r.enterprise_id, now.getUTCFullYear());
    out.push({
      id: r.id,
      consultancyName: r.consultancy_name,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      phase: r.phase,
      phaseTitle: phaseOf(r.phase)?.title[locale] ?? '',
      phaseStartedAt: r.phase_started_at,
      contractStart: r.contract_start,
      contractEnd: r.contract_end,
      completedAt: r.completed_at,
      scope: r.scope,
      endedAt: r.ended_at,
      overdueDeliverables: r.completed_at || r.ended_at ? 0 : states.filter((s) => s.isOverdue).length,
      openFindings,
      selfAssessmentScore: ind?.selfAssessmentScore ?? null,
      alerts: {
        overdueHazards: ind?.overdueHazards ?? 0,
        openMajorHazards: ind?.openMajorHazards ?? 0,
        stopWorkInForce: ind?.stopWorkInForce ?? 0,
        certificatesLapsed: training.certificates - training.certificatesValid,
      },
    });
  }
  return out;
}

/**
 * The enterprise (its principal or safety manager) ends an engagement: the team's sessions in the
 * enterprise end with it (the session re-checks the right; the cache is dropped here), the
 * engagement and its evidence stay, shown as ended.
 */
export async function endEngagement(deps: AppDeps, actor: { userId: string; enterpriseId: string }, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const at = deps.clock.now();
    if (!(await repo.endEngagement(trx, actor.enterpriseId, id, { ended_at: at.toISOString(), ended_by_user_id: actor.userId }))) {
      throw new AppError('ENGAGEMENT_STATE', { reasonZh: '咨询服务已结束', reasonEn: 'the engagement has ended' });
    }
    await recordChange(trx, actor, at, { entity: 'engagement', entityId: id, action: 'end' });
  });
  invalidateSessions(deps.db);
}

/** The consultant's desk. */
export async function listDesk(deps: AppDeps, userId: string, locale: Locale): Promise<{ items: EngagementSummaryDto[] }> {
  return { items: await summaries(deps, await repo.listEngagementsOfUser(deps.db, userId), locale) };
}

/** The enterprise's own engagements (its consultancy, phase and progress). */
export async function listOfEnterprise(deps: AppDeps, enterpriseId: string, locale: Locale): Promise<{ items: EngagementSummaryDto[] }> {
  return { items: await summaries(deps, await repo.listEngagementsOfEnterprise(deps.db, enterpriseId), locale) };
}

export async function getDetail(deps: AppDeps, row: EngagementRow, locale: Locale): Promise<EngagementDetailDto> {
  const [summary] = await summaries(deps, [row], locale);
  const done = (await doneCodes(deps.db, [row.id])).get(row.id) ?? new Map<string, string>();
  const codes = new Set(done.keys());
  const states = deliverableStates({ phase: row.phase, phaseStartedAt: row.phase_started_at, done: codes, now: deps.clock.now() });
  const team = teamOf(row);
  const members = await repo.listMembers(deps.db, [row.consultancy_id]);
  const findings = [];
  for (const f of await repo.listFindings(deps.db, [row.id])) {
    const h = await findHazard(deps.db, row.enterprise_id, f.hazard_id);
    if (h) findings.push({ hazardId: h.id, description: h.description, status: h.status, grade: h.grade });
  }
  return {
    ...(summary as EngagementSummaryDto),
    team: members.filter((m) => team.includes(m.user_id)).map((m) => ({ userId: m.user_id, displayName: m.display_name })),
    phases: consultancyPhases.map((p) => ({ phase: p.phase, title: p.title[locale] })),
    deliverables: states.map((s) => {
      const d = deliverableOf(s.code);
      return {
        code: s.code,
        phase: s.phase,
        title: d?.title[locale] ?? s.code,
        kind: d?.kind ?? 'tracked',
        report: d?.report ?? null,
        closesPhase: d?.closesPhase === true,
        isDone: s.isDone,
        doneAt: done.get(s.code) ?? null,
        dueAt: s.dueAt,
        isOverdue: row.completed_at ? false : s.isOverdue,
      };
    }),
    reports: (await repo.listReports(deps.db, row.id)).map((r) => ({ id: r.id, kind: r.kind as EngagementDetailDto['reports'][number]['kind'], generatedAt: r.generated_at, docxUrl: `/api/v1/engagement-reports/${r.id}/report.docx` })),
    consultants: members.map((m) => ({ userId: m.user_id, displayName: m.display_name })),
    visits: await visitsOfEngagement(deps.db, row.id, locale),
    findings,
    missingToAdvance: row.completed_at ? [] : missingToAdvance(row.phase, codes).map((d) => d.title[locale]),
  };
}

