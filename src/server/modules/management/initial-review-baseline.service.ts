/* The initial review's baseline (issue 14 §1): what the records show now, read through each
 * feature's one indicator function (DESIGN "Indicators") — nothing is recounted here. The result is
 * stored with the review as a snapshot. Document control and the legal register come from
 * `documentIndicators` (module documents); snapshots taken before that module existed hold `null`
 * there, shown as "not yet recorded". */
import { format, subYears, parseISO } from 'date-fns';
import { startOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import type { ReviewBaseline } from '../../../domain/management/initial-review.js';
import { localDateOf } from '../../../domain/emergency/supply-state.js';
import type { AppDeps } from '../../app-deps.js';
import { accidentIndicators } from '../accidents/accidents.service.js';
import { documentIndicators } from '../documents/documents-indicators.service.js';
import { emergencyIndicators } from '../emergency/emergency-due-items.service.js';
import { getEnterprise } from '../enterprise/enterprise.service.js';
import { hazardIndicators } from '../hazards/hazard-reports.service.js';
import { inspectionIndicators } from '../inspections/inspection-tasks.service.js';
import { orgIndicators } from '../org/posts.service.js';
import { riskIndicators } from '../risks/risk-read.service.js';
import { trainingIndicators } from '../training/training-records.service.js';
import { enterpriseTimeZone } from './objectives.service.js';

/** The baseline now: figures of the enterprise-local year so far, accidents of the last three years. */
export async function takeBaseline(deps: AppDeps, enterpriseId: string): Promise<ReviewBaseline> {
  const now = deps.clock.now();
  const timeZone = await enterpriseTimeZone(deps.db, enterpriseId);
  const today = localDateOf(now, timeZone);
  const year = Number(today.slice(0, 4));
  const from = new Date(startOfLocalDay(`${year}-01-01`, timeZone));
  const to = new Date(startOfLocalDay(`${year + 1}-01-01`, timeZone));
  const since = format(subYears(parseISO(today), 3), 'yyyy-MM-dd');
  const [enterprise, org, risks, hazards, inspections, training, emergency, accidents, documents] = await Promise.all([
    getEnterprise(deps, enterpriseId),
    orgIndicators(deps.db, enterpriseId),
    riskIndicators(deps.db, enterpriseId),
    hazardIndicators(deps, enterpriseId, from, to),
    inspectionIndicators(deps, enterpriseId, from, to),
    trainingIndicators(deps, enterpriseId, year),
    emergencyIndicators(deps, enterpriseId, { from: `${year}-01-01`, to: `${year}-12-31` }),
    accidentIndicators(deps.db, enterpriseId, { since, until: today }),
    documentIndicators(deps, enterpriseId, { year }),
  ]);
  return {
    takenAt: now.toISOString(),
    year,
    enterprise: { name: enterprise.name, headcount: enterprise.headcount, sizeClass: enterprise.sizeClass },
    posts: { total: org.posts, management: org.managementPosts.length, withoutDuties: org.postsWithoutDuties, withoutRisk: risks.postsWithoutRisk },
    risks: { accepted: risks.acceptedRisks, countsByLevel: risks.countsByLevel, uncontrolled: risks.uncontrolled, missingSpecialPlan: risks.missingSpecialPlan },
    hazards: { found: hazards.found, onTimeRectificationRate: hazards.onTimeRectificationRate, openMajor: hazards.openMajor, overdue: hazards.overdue },
    inspections: { completionRate: inspections.completionRate, postsWithoutList: inspections.postsWithoutList },
    training: { people: training.people, peopleCompliant: training.peopleCompliant, complianceRate: training.complianceRate, certificates: training.certificates, certificatesValid: training.certificatesValid },
    emergency: { plans: emergency.plans, plansInForce: emergency.plansInForce, plansOverdueForReview: emergency.plansOverdueForReview, drillsHeld: emergency.drillsHeld },
    accidents: { accidents: accidents.accidents, since },
    documents: { inForce: documents.documentsIssued },
    laws: { items: documents.lawsRegistered },
  };
}
