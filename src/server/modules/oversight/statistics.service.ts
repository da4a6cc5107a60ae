/* 16号令 第十四条: the enterprise submits its quarterly (by the 15th of the next quarter) and yearly (by
 * 31 January) hazard statistics to the bureau; the regulators of its county (and those linked to it)
 * receive them in their inbox and acknowledge them; the county sees who is late. The figures are the
 * hazards feature's own (getHazardStatistics), kept as sent. */
import { sql, type SqlBool } from 'kysely';
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { endOfLocalDay, localDay } from '../../../domain/calendar/enterprise-day.js';
import { hasEnded, lastCompletedPeriods, periodKey } from '../../../domain/oversight/statistics-periods.js';
import type { LateListDto, StatisticsSubmissionDto } from '../../../schemas/oversight-statistics.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import { recordChange } from '../audit/audit.service.js';
import { findEnterprise } from '../enterprise/enterprise.repository.js';
import { getHazardStatistics } from '../hazards/hazard-reports.service.js';
import { notifyInTransaction } from '../notifications/notifications.service.js';
import { findJurisdiction, inboxScopeOf, listJurisdictionUserIds, scopeEnterpriseIds, type Scope } from './county.repository.js';
import { type InboxBound, type InboxSource, inboxPage, sourcePage } from './inbox-page.js';
import { listLinkedEnterprises, listRegulatorUserIds } from './oversight.repository.js';

const countyTimeZone = 'Asia/Shanghai'; // the county's calendar for the late list (enterprises keep their own for due items)

export async function submitStatistics(deps: AppDeps, actor: { userId: string; enterpriseId: string }, input: { year: number; quarter: number | null }): Promise<StatisticsSubmissionDto> {
  const enterprise = await findEnterprise(deps.db, actor.enterpriseId);
  if (!enterprise) throw notFound('enterprise');
  const quarter = input.quarter as 1 | 2 | 3 | 4 | null;
  const now = deps.clock.now();
  if (!hasEnded(input.year, quarter, now, enterprise.time_zone)) {
    throw fieldError(quarter ? 'quarter' : 'year', { 'zh-CN': '该期间尚未结束，结束后才能报送', 'en-US': 'The period has not ended yet; submit it once it has' });
  }
  const stats = await getHazardStatistics(deps, actor.enterpriseId, { year: input.year, quarter: quarter ?? undefined });
  const key = periodKey(input.year, quarter);
  const id = newId();
  try {
    await withTransaction(deps.db, async (trx) => {
      if (await trx.selectFrom('statistics_submission').select('id').where('enterprise_id', '=', actor.enterpriseId).where('period_key', '=', key).executeTakeFirst()) {
        throw new AppError('CONFLICT', { detail: 'period' });
      }
      const isLate = localDay(now, enterprise.time_zone) > stats.period.dueDate;
      await trx
        .insertInto('statistics_submission')
        .values({
          id,
          enterprise_id: actor.enterpriseId,
          period_key: key,
          figures: JSON.stringify(stats),
          due_on: stats.period.dueDate,
          is_late: isLate ? 1 : 0,
          submitted_by_user_id: actor.userId,
          submitted_at: now.toISOString(),
          ...inboxScopeOf(trx, actor.enterpriseId),
        })
        .execute();
      await recordChange(trx, actor, now, { entity: 'statistics_submission', entityId: id, action: 'submit', after: { periodKey: key, isLate } });
      const linked = (await listRegulatorUserIds(trx, actor.enterpriseId)).map((r) => r.user_id);
      const regulators = [...new Set([...linked, ...(await listJurisdictionUserIds(trx, actor.enterpriseId, enterprise.region_code))])];
      await notifyInTransaction(trx, {
        enterpriseId: actor.enterpriseId,
        userIds: regulators,
        kind: 'statistics_submission',
        title: { 'zh-CN': `${enterprise.name}：${key} 隐患排查治理统计`, 'en-US': `${enterprise.name}: hazard statistics ${key}` },
        body: { 'zh-CN': `发现 ${stats.found} 项，整改 ${stats.fixed} 项`, 'en-US': `found ${stats.found}, fixed ${stats.fixed}` },
        link: '/oversight',
        dedupeKey: `statistics_submission:${id}`,
        at: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { detail: 'period' });
    throw error;
  }
  return (await listSubmissionsOfEnterprise(deps.db, actor.enterpriseId, actor.userId)).find((s) => s.id === id) as StatisticsSubmissionDto;
}

function baseQuery(db: Executor) {
  return db.selectFrom('statistics_submission as s').innerJoin('enterprise as e', 'e.id', 's.enterprise_id').selectAll('s').select('e.name as enterprise_name');
}

async function toDtos(db: Executor, rows: Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>, userId: string): Promise<StatisticsSubmissionDto[]> {
  const acks = rows.length ? await db.selectFrom('statistics_ack').select(['submission_id', 'user_id']).where('submission_id', 'in', rows.map((r) => r.id)).execute() : [];
  return rows.map((r) => ({
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    periodKey: r.period_key,
    dueOn: r.due_on,
    isLate: Number(r.is_late) === 1,
    submittedAt: r.submitted_at,
    figures: fromDbJson<Record<string, unknown>>(r.figures) ?? {},
    isAcknowledgedByMe: acks.some((a) => a.submission_id === r.id && a.user_id === userId),
    acknowledgedCount: acks.filter((a) => a.submission_id === r.id).length,
  }));
}

export async function listSubmissionsOfEnterprise(db: Executor, enterpriseId: string, userId: string) {
  return toDtos(db, await baseQuery(db).where('s.enterprise_id', '=', enterpriseId).orderBy('s.submitted_at', 'desc').limit(100).execute(), userId);
}

async function scopeOfUser(db: Executor, userId: string): Promise<{ ids: string[]; scope: Scope | null }> {
  const ids = (await listLinkedEnterprises(db, userId, ['regulator'])).map((e) => e.id);
  const j = await findJurisdiction(db, userId);
  return { ids, scope: j ? { countyCode: j.county_code, townCode: j.town_code } : null };
}

function inScope(db: Executor, q: ReturnType<typeof baseQuery>, s: { ids: string[]; scope: Scope | null }) {
  return q.where((eb) =>
    eb.or([...(s.ids.length ? [eb('s.enterprise_id', 'in', s.ids)] : []), ...(s.scope ? [eb('s.enterprise_id', 'in', scopeEnterpriseIds(db, s.scope))] : []), sql<SqlBool>`1 = 0`]),
  );
}

/**
 * One source of the regulator's statistics inbox, newest first by (submitted_at, id): its scope's
 * (statistics_submission_county_page_idx, or _town_page_idx for a town) or one linked enterprise's
 * (statistics_submission_enterprise_page_idx).
 */
export function listSubmissionPage(db: Executor, source: InboxSource, page: InboxBound) {
  return sourcePage(baseQuery(db), 's', 'submitted_at', source, page).execute();
}

/** The regulator's inbox of submitted statistics, a page newest first: its jurisdiction's and each linked enterprise's, merged. */
export async function listStatisticsInbox(db: Executor, userId: string, q: { cursor?: string; limit: number }): Promise<{ items: StatisticsSubmissionDto[]; nextCursor: string | null }> {
  const { ids, scope } = await scopeOfUser(db, userId);
  const page = await inboxPage({ scope, enterpriseIds: ids }, (source, p) => listSubmissionPage(db, source, p), (r) => r.submitted_at, q);
  return { items: await toDtos(db, page.items, userId), nextCursor: page.nextCursor };
}

export async function acknowledgeStatistics(deps: AppDeps, userId: string, id: string): Promise<StatisticsSubmissionDto> {
  const s = await scopeOfUser(deps.db, userId);
  const row = await inScope(deps.db, baseQuery(deps.db), s).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('statistics_submission');
  await withTransaction(deps.db, async (trx) => {
    const at = deps.clock.now();
    const done = await trx.selectFrom('statistics_ack').select('id').where('submission_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (done) return;
    await trx.insertInto('statistics_ack').values({ id: newId(), submission_id: id, user_id: userId, acknowledged_at: at.toISOString() }).execute();
    await recordChange(trx, { userId, enterpriseId: row.enterprise_id }, at, { entity: 'statistics_submission', entityId: id, action: 'acknowledge' });
  });
  return (await toDtos(deps.db, [row], userId))[0] as StatisticsSubmissionDto;
}

/** The most enterprises the late list names per period (tests lower it); past it the period says so. */
export const lateListCap = { rows: 2_000 };

/**
 * Who is late: for each period past its due date, the jurisdiction's enterprises that had not
 * submitted by then, by name — at most lateListCap.rows of them (`truncatedAt` then says so).
 */
export async function listLate(deps: AppDeps, userId: string): Promise<LateListDto> {
  const j = await findJurisdiction(deps.db, userId);
  if (!j) throw new AppError('FORBIDDEN');
  const scope = { countyCode: j.county_code, townCode: j.town_code };
  const now = deps.clock.now();
  const today = localDay(now, countyTimeZone);
  const periods = lastCompletedPeriods(now, countyTimeZone).filter((p) => p.dueOn < today);
  const out: LateListDto['periods'] = [];
  for (const p of periods) {
    const rows = await deps.db
      .selectFrom('enterprise_indicator as i')
      .leftJoin('statistics_submission as s', (join) => join.onRef('s.enterprise_id', '=', 'i.enterprise_id').on('s.period_key', '=', p.key))
      .select(['i.enterprise_id', 'i.name', 's.submitted_at'])
      .where('i.enterprise_id', 'in', scopeEnterpriseIds(deps.db, scope))
      .where((eb) => eb.or([eb('s.id', 'is', null), eb('s.is_late', '=', 1)]))
      .orderBy('i.name')
      .limit(lateListCap.rows + 1)
      .execute();
    const cut = rows.length > lateListCap.rows;
    const items = rows.slice(0, lateListCap.rows).map((r) => ({ enterpriseId: r.enterprise_id, name: r.name, submittedAt: r.submitted_at ?? null }));
    out.push({ periodKey: p.key, dueOn: p.dueOn, items, truncatedAt: cut ? lateListCap.rows : null });
  }
  return { periods: out };
}

/** The enterprise's owed submissions as due items (16号令 Art. 14). */
export const statisticsDueItemProvider: DueItemProvider = {
  feature: 'oversight',
  notifyDaysBefore: 5,
  async listDueItems(deps, enterpriseId): Promise<DueItem[]> {
    const enterprise = await findEnterprise(deps.db, enterpriseId);
    if (!enterprise) return [];
    const now = deps.clock.now();
    const periods = lastCompletedPeriods(now, enterprise.time_zone);
    const submitted = new Set(
      (await deps.db.selectFrom('statistics_submission').select('period_key').where('enterprise_id', '=', enterpriseId).where('period_key', 'in', periods.map((p) => p.key)).execute()).map((r) => r.period_key),
    );
    return periods.map((p) => {
      const dueAt = endOfLocalDay(p.dueOn, enterprise.time_zone);
      const label = p.quarter ? { zh: `${p.year} 年第 ${p.quarter} 季度`, en: `Q${p.quarter} ${p.year}` } : { zh: `${p.year} 年度`, en: `year ${p.year}` };
      return {
        kind: 'oversight.statistics',
        title: { 'zh-CN': `报送${label.zh}隐患排查治理统计分析表`, 'en-US': `Submit the hazard statistics of ${label.en}` },
        dueAt,
        status: dueStatusOf(dueAt, submitted.has(p.key), now),
        ownerPersonId: null,
        link: '/hazard-statistics',
        sourceRef: `statistics:${p.key}`,
      };
    });
  },
};
