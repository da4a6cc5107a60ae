/* Each person's record (一人一档, issue 12 §3) and the enterprise view of who is short: the pure rules
 * of src/domain/training applied to the people, their posts, roles, certificates and the sessions
 * they signed. Also the indicator other features read (objectives, self-assessment, county view). */
import type { AppDeps } from '../../app-deps.js';
import { type PersonTrainingFacts, trainingRequirements, type TrainingKind } from '../../../domain/training/training-requirements.js';
import {
  type AttendedSession,
  certificateState,
  personTrainingStatus,
  requirementProgress,
  type RequirementProgress,
} from '../../../domain/training/training-status.js';
import type { Locale } from '../../../i18n/locale.js';
import { localizeDeep } from '../../../reference/localized-text.js';
import { highRiskIndustries, threeLevelLabels, type ThreeLevel } from '../../../reference/training-rules.js';
import type { PersonTrainingRecordDto, PersonTrainingSummaryDto, RequirementDto } from '../../../schemas/training.js';
import { notFound } from '../../platform/http/app-error.js';
import { toCertificateDto } from './certificates.service.js';
import * as repo from './training.repository.js';
import { enterpriseToday, signedAttendance } from './training.service.js';

interface PersonComputed {
  summary: PersonTrainingSummaryDto;
  progress: { requirement: RequirementDto; p: RequirementProgress }[];
  sessions: { id: string; title: string; kind: TrainingKind; heldOn: string; hours: number; score: number | null }[];
  certificates: repo.CertificateRow[];
}

async function compute(deps: AppDeps, enterpriseId: string, year: number, locale: Locale, personId?: string): Promise<{ people: PersonComputed[]; today: string }> {
  const { today } = await enterpriseToday(deps, enterpriseId);
  const enterprise = await repo.findEnterpriseIndustry(deps.db, enterpriseId);
  const scope = highRiskIndustries.includes(enterprise.industry) ? 'high_risk' : 'general';
  const people = await repo.listPeopleFacts(deps.db, enterpriseId, personId);
  const sessions = (await repo.listSessions(deps.db, enterpriseId, { to: `${year}-12-31`, personId })).filter((s) => s.status !== 'cancelled');
  const signed = await signedAttendance(deps.db, enterpriseId, sessions.map((s) => s.id));
  const scores = await repo.listScores(deps.db, enterpriseId, sessions.map((s) => s.id));
  const scoreOf = new Map(scores.map((s) => [`${s.session_id}|${s.person_id}`, Number(s.score)]));
  const certificates = await repo.listCertificates(deps.db, enterpriseId, { personId });
  const out: PersonComputed[] = people.map((person) => {
    const mine = certificates.filter((c) => c.person_id === person.id);
    const attendedRows = sessions.filter((s) => signed.get(s.id)?.has(person.id));
    const attended: AttendedSession[] = attendedRows.map((s) => ({ kind: s.kind as TrainingKind, heldOn: s.held_on, hours: Number(s.hours) }));
    const facts: PersonTrainingFacts = {
      isManagement: person.roles.some((r) => r === 'principal' || r === 'safety_manager'),
      industryScope: scope,
      hireDate: person.hire_date,
      postChanges: [],
      specialOperations: [...new Set(mine.flatMap((c) => (c.kind === 'special_operation' && c.operation_code ? [c.operation_code] : [])))],
      isOnKeyRiskPost: person.posts.some((p) => p.level === 'major' || p.level === 'significant'),
      hasNewProcessOrEquipment: false,
      isContractorManager: false,
      year,
    };
    const reqs = trainingRequirements(facts);
    const certificateFacts = mine.map((c) => ({ operationCode: c.operation_code, expiresOn: c.expires_on, reviewDueOn: c.review_due_on }));
    const progress = reqs.map((r) => ({ requirement: localizeDeep(r, locale) as RequirementDto, p: requirementProgress(r, attended, certificateFacts, today, year) }));
    const certStates = mine.map((c) => certificateState({ expiresOn: c.expires_on, reviewDueOn: c.review_due_on }, today));
    const status = personTrainingStatus(
      progress.map((x) => x.p),
      certStates,
    );
    const hoursThisYear = attended.filter((a) => a.heldOn.startsWith(String(year))).reduce((s, a) => s + a.hours, 0);
    const yearly = progress.filter((x) => x.requirement.id === 'yearly' || x.requirement.id === 'management_yearly' || (x.requirement.hours !== null && x.requirement.dueBy?.startsWith(String(year))));
    const requiredHoursThisYear = Math.max(0, ...yearly.map((x) => x.requirement.hours ?? 0));
    const reasons = progress
      .filter((x) => x.p.state !== 'met')
      .map((x) => {
        const parts = [x.requirement.title];
        if (x.p.gapHours > 0) parts.push(locale === 'zh-CN' ? `差${x.p.gapHours}学时` : `${x.p.gapHours} h short`);
        if (x.p.missingLevels.length) parts.push(x.p.missingLevels.map((l) => threeLevelLabels[l as ThreeLevel][locale]).join(locale === 'zh-CN' ? '、' : ', '));
        if (x.p.state === 'overdue') parts.push(locale === 'zh-CN' ? '已逾期' : 'overdue');
        return parts.join(locale === 'zh-CN' ? '：' : ': ');
      });
    for (const [i, s] of certStates.entries()) {
      const c = mine[i] as repo.CertificateRow;
      if (s === 'expired') reasons.push(locale === 'zh-CN' ? `证书${c.number}已过期（${c.expires_on}）` : `Certificate ${c.number} expired (${c.expires_on})`);
      else if (s === 'review_overdue') reasons.push(locale === 'zh-CN' ? `证书${c.number}复审逾期（${c.review_due_on}）` : `Certificate ${c.number}: review overdue (${c.review_due_on})`);
      else if (s === 'expiring') reasons.push(locale === 'zh-CN' ? `证书${c.number}将于${c.expires_on}到期` : `Certificate ${c.number} expires on ${c.expires_on}`);
      else if (s === 'review_due') reasons.push(locale === 'zh-CN' ? `证书${c.number}应于${c.review_due_on}前复审` : `Certificate ${c.number}: review due by ${c.review_due_on}`);
    }
    return {
      summary: {
        personId: person.id,
        personName: person.name,
        postNames: person.posts.map((p) => p.name),
        orgUnitName: person.org_unit_name,
        hoursThisYear: Math.round(hoursThisYear * 10) / 10,
        requiredHoursThisYear,
        gapHours: Math.max(0, Math.round((requiredHoursThisYear - hoursThisYear) * 10) / 10),
        status,
        reasons,
      },
      progress,
      sessions: attendedRows.map((s) => ({ id: s.id, title: s.title, kind: s.kind as TrainingKind, heldOn: s.held_on, hours: Number(s.hours), score: scoreOf.get(`${s.id}|${person.id}`) ?? null })),
      certificates: mine,
    };
  });
  return { people: out, today };
}

export async function listTrainingRecords(deps: AppDeps, enterpriseId: string, q: { year?: number; status?: string }, locale: Locale) {
  const year = q.year ?? (await enterpriseToday(deps, enterpriseId)).year;
  const { people } = await compute(deps, enterpriseId, year, locale);
  const all = people.map((p) => p.summary);
  const counts = { red: 0, amber: 0, green: 0 };
  for (const p of all) counts[p.status] += 1;
  return { year, items: q.status ? all.filter((p) => p.status === q.status) : all, counts };
}

export async function getPersonTrainingRecord(deps: AppDeps, enterpriseId: string, personId: string, q: { year?: number }, locale: Locale): Promise<PersonTrainingRecordDto> {
  const year = q.year ?? (await enterpriseToday(deps, enterpriseId)).year;
  const { people, today } = await compute(deps, enterpriseId, year, locale, personId);
  const person = people[0];
  if (!person) throw notFound('person');
  return {
    year,
    person: person.summary,
    progress: person.progress.map((x) => ({ requirement: x.requirement, creditedHours: x.p.creditedHours, gapHours: x.p.gapHours, missingLevels: x.p.missingLevels, state: x.p.state })),
    sessions: person.sessions,
    certificates: person.certificates.map((c) => toCertificateDto(c, today, locale)),
  };
}

/** Indicator (DESIGN "Indicators"): training compliance of the year, for objectives, reviews, self-assessment and the county view. */
export async function trainingIndicators(deps: AppDeps, enterpriseId: string, year: number) {
  const { people, today } = await compute(deps, enterpriseId, year, 'zh-CN');
  const total = people.length;
  const green = people.filter((p) => p.summary.status === 'green').length;
  const certificates = people.flatMap((p) => p.certificates);
  const usable = certificates.filter((c) => {
    const s = certificateState({ expiresOn: c.expires_on, reviewDueOn: c.review_due_on }, today);
    return s !== 'expired' && s !== 'review_overdue';
  }).length;
  return {
    people: total,
    peopleCompliant: green,
    complianceRate: total ? green / total : null,
    hoursDelivered: Math.round(people.reduce((s, p) => s + p.summary.hoursThisYear, 0) * 10) / 10,
    certificates: certificates.length,
    certificatesValid: usable,
  };
}

export { compute as computeTrainingRecords };
