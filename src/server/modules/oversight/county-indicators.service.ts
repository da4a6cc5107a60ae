/* The county view's precomputed figures (issue 17 item 7). One enterprise_indicator row per enterprise,
 * written by refreshEnterpriseIndicators from each feature's own indicator function (DESIGN
 * "Indicators" — never another feature's tables). Kept fresh by a SCHEDULED REFRESH (the
 * 'county-indicators' job, every 5 minutes): enterprises whose audit log shows a write since their
 * last refresh, those never refreshed, and every row older than a day (overdue is a matter of time).
 * A regulator may also ask for the refresh of its jurisdiction at once (the county page's button). */
import type { AppDeps } from '../../app-deps.js';
import { localDay, startOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { gradeEnterprise, type SupervisionFacts } from '../../../domain/oversight/supervision-grade.js';
import type { ScheduledJob } from '../../platform/scheduler.js';
import { accidentIndicators } from '../accidents/accidents.service.js';
import { enterprisesActiveSince, lastActivityOf } from '../audit/audit.service.js';
import { findEnterprise } from '../enterprise/enterprise.repository.js';
import { hazardIndicators } from '../hazards/hazard-reports.service.js';
import { inspectionIndicators } from '../inspections/inspection-tasks.service.js';
import { getRiskOverview } from '../risks/risk-read.service.js';
import { getHistory } from '../standardization/self-assessment.service.js';
import { trainingIndicators } from '../training/training-records.service.js';
import * as repo from './county.repository.js';
import { rulesOfCounty } from './supervision.service.js';

const dayMs = 24 * 3_600_000;
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

/** The facts of one enterprise, each read through its feature's indicator function. */
export async function gatherEnterpriseFacts(deps: AppDeps, enterpriseId: string) {
  const enterprise = await findEnterprise(deps.db, enterpriseId);
  if (!enterprise) return null;
  const now = deps.clock.now();
  const today = localDay(now, enterprise.time_zone);
  const yearStart = new Date(startOfLocalDay(`${today.slice(0, 4)}-01-01`, enterprise.time_zone));
  const threeYearsAgo = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
  const [risks, hazards, inspections, training, history, accidents, lastActivity] = await Promise.all([
    getRiskOverview(deps.db, enterpriseId),
    hazardIndicators(deps, enterpriseId, yearStart, now),
    inspectionIndicators(deps, enterpriseId, new Date(now.getTime() - 30 * dayMs), now),
    trainingIndicators(deps, enterpriseId, Number(today.slice(0, 4))),
    getHistory(deps, enterpriseId),
    accidentIndicators(deps.db, enterpriseId, { since: threeYearsAgo }),
    lastActivityOf(deps.db, enterpriseId),
  ]);
  const posts = Object.values(risks.postsByLevel).reduce((a, b) => a + b, 0);
  const latest = history.rows.at(-1) ?? null;
  const facts: SupervisionFacts = {
    openMajorHazards: hazards.openMajor,
    deathsLast3Years: accidents.deaths,
    accidentsLast3Years: accidents.accidents,
    overdueHazards: hazards.overdue,
    unpublishedListShare: posts ? Math.round((inspections.postsWithoutList.length / posts) * 100) : null,
    taskCompletion: pct(inspections.completionRate),
    onTimeRectification: pct(hazards.onTimeRectificationRate),
    selfAssessmentScore: latest?.score1000 ?? null,
  };
  return { enterprise, risks, hazards, inspections, training, latest, lastActivity, facts, now };
}

/** Recomputes one enterprise's row (keeps the town and 示范 mark the county set). */
export async function refreshEnterpriseIndicators(deps: AppDeps, enterpriseId: string): Promise<void> {
  const gathered = await gatherEnterpriseFacts(deps, enterpriseId);
  if (!gathered) return;
  const { enterprise, risks, hazards, training, latest, lastActivity, facts, now } = gathered;
  const { grade, reasons } = gradeEnterprise(facts, await rulesOfCounty(deps.db, enterprise.region_code));
  await repo.upsertFigures(deps.db, {
    enterprise_id: enterprise.id,
    county_code: enterprise.region_code,
    name: enterprise.name,
    industry: enterprise.industry,
    size_class: enterprise.size_class,
    posts_major: risks.postsByLevel.major ?? 0,
    posts_significant: risks.postsByLevel.significant ?? 0,
    open_hazards: hazards.open,
    overdue_hazards: hazards.overdue,
    open_major_hazards: hazards.openMajor,
    stop_work_in_force: hazards.stopWorkInForce,
    inspection_completion: facts.taskCompletion ?? -1,
    training_compliance: pct(training.complianceRate) ?? -1,
    sa_score: latest?.score1000 != null ? Math.round(latest.score1000 * 10) : -1,
    sa_grade: latest?.grade ?? '',
    supervision_grade: grade,
    grade_reasons: JSON.stringify(reasons),
    facts: JSON.stringify(facts),
    last_activity_at: lastActivity ?? '',
    refreshed_at: now.toISOString(),
  });
}

/**
 * The refresh round: enterprises that wrote since their last refresh (audit rows of the last `lookbackMs`),
 * enterprises never refreshed and rows older than a day. At most `limit` per round; idempotent.
 */
export async function refreshStaleIndicators(deps: AppDeps, options: { countyCode?: string; lookbackMs?: number; limit?: number } = {}): Promise<{ refreshed: number }> {
  const now = deps.clock.now();
  const limit = options.limit ?? 500;
  const active = await enterprisesActiveSince(deps.db, new Date(now.getTime() - (options.lookbackMs ?? 2 * dayMs)));
  const known = new Map((await repo.listRefreshedAt(deps.db, active.map((a) => a.enterpriseId))).map((r) => [r.enterprise_id, r]));
  const changed = active
    .filter((a) => {
      const row = known.get(a.enterpriseId);
      return row && a.lastAt > row.refreshed_at && (!options.countyCode || row.county_code === options.countyCode);
    })
    .map((a) => a.enterpriseId);
  const stale = (await repo.listStaleEnterprises(deps.db, new Date(now.getTime() - dayMs).toISOString(), limit, options.countyCode)).map((r) => r.id);
  const ids = [...new Set([...changed, ...stale])].slice(0, limit);
  for (const id of ids) await refreshEnterpriseIndicators(deps, id);
  return { refreshed: ids.length };
}

/** main.ts adds this to the scheduler. */
export function oversightScheduledJobs(deps: AppDeps): ScheduledJob[] {
  return [{ name: 'county-indicators', everyMs: 5 * 60_000, run: () => refreshStaleIndicators(deps, { lookbackMs: 15 * 60_000 }) }];
}
