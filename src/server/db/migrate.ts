import { type Kysely, type Migration, Migrator } from 'kysely';
import type { Database } from './database.js';
import * as createFoundation from './migrations/202611230600-create-foundation.js';
import * as createRisks from './migrations/202611230700-create-risks.js';
import * as createHazards from './migrations/202611231100-create-hazards.js';
import * as createOutbox from './migrations/202611231110-create-outbox.js';
import * as indexHazardLists from './migrations/202611231120-index-hazard-lists.js';
import * as addRiskDecisions from './migrations/202611230800-add-risk-decisions.js';
import * as createPublication from './migrations/202611230900-create-publication.js';
import * as createInspections from './migrations/202611231000-create-inspections.js';
import * as addAttachmentCapturedAt from './migrations/202611231300-add-attachment-captured-at.js';
import * as createSignOff from './migrations/202612010500-create-sign-off.js';
import * as createWorkPermits from './migrations/202612010510-create-work-permits.js';
import * as createStandardization from './migrations/202612010800-create-standardization.js';
import * as indexListPages from './migrations/202612010600-index-list-pages.js';
import * as createEmergency from './migrations/202612010700-create-emergency.js';
import * as createTextSearch from './migrations/202612010610-create-text-search.js';
import * as indexAuditRecord from './migrations/202612010620-index-audit-record.js';
import * as createAccidentRegister from './migrations/202612010300-create-accident-register.js';
import * as createBureauReports from './migrations/202612010310-create-bureau-reports.js';
import * as createTraining from './migrations/202612010900-create-training.js';
import * as addFirstHourAccounts from './migrations/202612010100-add-first-hour-accounts.js';
import * as addFirstHourDefects from './migrations/202612030100-add-first-hour-defects.js';
import * as addCardFooter from './migrations/202612030200-add-card-footer.js';
import * as createRateLimit from './migrations/202612030220-create-rate-limit.js';
import * as createSchedulerLease from './migrations/202612030210-create-scheduler-lease.js';
import * as createAccidentScenarios from './migrations/202612030400-create-accident-scenarios.js';
import * as addInspectionListVersions from './migrations/202612030500-add-inspection-list-versions.js';
import * as createPostKnowledgeChecks from './migrations/202612030410-create-post-knowledge-checks.js';
import * as addPostReportsTo from './migrations/202612030510-add-post-reports-to.js';
import * as createPointCallCards from './migrations/202612030420-create-point-call-cards.js';
import * as createManagement from './migrations/202612030600-create-management.js';
import * as createInitialReview from './migrations/202612070200-create-initial-review.js';
import * as createCapa from './migrations/202612070500-create-capa.js';
import * as createDocuments from './migrations/202612070300-create-documents.js';
import * as createLegalRegister from './migrations/202612070310-create-legal-register.js';
import * as createInternalAudit from './migrations/202612070510-create-internal-audit.js';
import * as createCommitmentDuties from './migrations/202612070210-create-commitment-duties.js';
import * as addReviewGapCapa from './migrations/202612070220-add-review-gap-capa.js';
import * as createManagementReview from './migrations/202612070520-create-management-review.js';
import * as createMonitoringPlan from './migrations/202612070530-create-monitoring-plan.js';
import * as createFixedPositionPlans from './migrations/202612030430-create-fixed-position-plans.js';
import * as createChangeRequests from './migrations/202612070400-create-change-requests.js';
import * as createPostReidentification from './migrations/202612070100-create-post-reidentification.js';
import * as createContractors from './migrations/202612070410-create-contractors.js';
import * as createSafetySigns from './migrations/202612070110-create-safety-signs.js';
import * as createCountyView from './migrations/202612070600-create-county-view.js';
import * as indexNewListPages from './migrations/202612070700-index-new-list-pages.js';
import * as createDocumentSearch from './migrations/202612070710-create-document-search.js';
import * as indexNotifyOutbox from './migrations/202612070720-index-notify-outbox.js';
import * as createOversightCampaign from './migrations/202612070900-create-oversight-campaign.js';
import * as createCountyScoreSheet from './migrations/202612080100-create-county-score-sheet.js';
import * as addVisitConsultants from './migrations/202612080200-add-visit-consultants.js';
import * as inspectionTaskPageIdx from './migrations/202612080500-inspection-task-page-idx.js';
import * as addEngagementEnd from './migrations/202612080610-add-engagement-end.js';
import * as engagementLiveUnique from './migrations/202612082110-engagement-live-unique.js';
import * as createSearchOrder from './migrations/202612080700-create-search-order.js';
import * as inspectionTaskKeysetIdx from './migrations/202612080510-inspection-task-keyset-idx.js';
import * as indexWorkPermitStatus from './migrations/202612080900-index-work-permit-status.js';
import * as indexKnowledgeCheckPages from './migrations/202612080910-index-knowledge-check-pages.js';
import * as indexTrainingPages from './migrations/202612082120-index-training-pages.js';
import * as indexEngagementVisitPages from './migrations/202612082130-index-engagement-visit-pages.js';
import * as indexRegulatorInboxes from './migrations/202612082140-index-regulator-inboxes.js';
import * as indexHazardRectifierPage from './migrations/202612082210-index-hazard-rectifier-page.js';
import * as visitPendingPage from './migrations/202612090010-visit-pending-page.js';
import * as trainingAttendeePage from './migrations/202612090020-training-attendee-page.js';
import * as indexCountyTownSorts from './migrations/202612090047-index-county-town-sorts.js';
import * as indexCountyRareFilters from './migrations/202612090058-index-county-rare-filters.js';
import * as certificateStatePage from './migrations/202612090030-certificate-state-page.js';
import * as engagementTeam from './migrations/202612090040-engagement-team.js';
import * as pageEnterprisesConsultancies from './migrations/202612090071-page-enterprises-consultancies.js';
import * as pageConsultancies from './migrations/202612090072-page-consultancies.js';
import * as indexDetailReads from './migrations/202612090200-index-detail-reads.js';
import * as indexOwedDeadline from './migrations/202612100100-index-owed-deadline.js';
import * as createOccupationalHealth from './migrations/202612070420-create-occupational-health.js';
import * as createCommunication from './migrations/202612070430-create-communication.js';
import * as indexOperationsLists from './migrations/202612070440-index-operations-lists.js';
import * as createCalendarFeeds from './migrations/202612070120-create-calendar-feeds.js';
import * as createConsultancy from './migrations/202612070610-create-consultancy.js';
import * as createStatisticsSubmissions from './migrations/202612070620-create-statistics-submissions.js';

// Listed explicitly (not read from disk) so the bundle and tests see the same set, in order.
const migrations: Record<string, Migration> = {
  '202611230600-create-foundation': createFoundation,
  '202611230700-create-risks': createRisks,
  '202611230800-add-risk-decisions': addRiskDecisions,
  '202611230900-create-publication': createPublication,
  '202611231000-create-inspections': createInspections,
  '202611231100-create-hazards': createHazards,
  '202611231110-create-outbox': createOutbox,
  '202611231120-index-hazard-lists': indexHazardLists,
  '202611231300-add-attachment-captured-at': addAttachmentCapturedAt,
  '202612010500-create-sign-off': createSignOff,
  '202612010510-create-work-permits': createWorkPermits,
  '202612010800-create-standardization': createStandardization,
  '202612010600-index-list-pages': indexListPages,
  '202612010700-create-emergency': createEmergency,
  '202612010610-create-text-search': createTextSearch,
  '202612010620-index-audit-record': indexAuditRecord,
  '202612010300-create-accident-register': createAccidentRegister,
  '202612010310-create-bureau-reports': createBureauReports,
  '202612010900-create-training': createTraining,
  '202612010100-add-first-hour-accounts': addFirstHourAccounts,
  '202612030100-add-first-hour-defects': addFirstHourDefects,
  '202612030200-add-card-footer': addCardFooter,
  '202612030400-create-accident-scenarios': createAccidentScenarios,
  '202612030210-create-scheduler-lease': createSchedulerLease,
  '202612030220-create-rate-limit': createRateLimit,
  '202612030500-add-inspection-list-versions': addInspectionListVersions,
  '202612030410-create-post-knowledge-checks': createPostKnowledgeChecks,
  '202612030510-add-post-reports-to': addPostReportsTo,
  '202612030420-create-point-call-cards': createPointCallCards,
  '202612030600-create-management': createManagement,
  '202612070500-create-capa': createCapa,
  '202612070300-create-documents': createDocuments,
  '202612070310-create-legal-register': createLegalRegister,
  '202612070510-create-internal-audit': createInternalAudit,
  '202612070520-create-management-review': createManagementReview,
  '202612070530-create-monitoring-plan': createMonitoringPlan,
  '202612030430-create-fixed-position-plans': createFixedPositionPlans,
  '202612070400-create-change-requests': createChangeRequests,
  '202612070100-create-post-reidentification': createPostReidentification,
  '202612070200-create-initial-review': createInitialReview,
  '202612070410-create-contractors': createContractors,
  '202612070110-create-safety-signs': createSafetySigns,
  '202612070600-create-county-view': createCountyView,
  '202612070700-index-new-list-pages': indexNewListPages,
  '202612070710-create-document-search': createDocumentSearch,
  '202612070720-index-notify-outbox': indexNotifyOutbox,
  '202612070900-create-oversight-campaign': createOversightCampaign,
  '202612080100-create-county-score-sheet': createCountyScoreSheet,
  '202612070210-create-commitment-duties': createCommitmentDuties,
  '202612070220-add-review-gap-capa': addReviewGapCapa,
  '202612070420-create-occupational-health': createOccupationalHealth,
  '202612070430-create-communication': createCommunication,
  '202612070440-index-operations-lists': indexOperationsLists,
  '202612070120-create-calendar-feeds': createCalendarFeeds,
  '202612070610-create-consultancy': createConsultancy,
  '202612070620-create-statistics-submissions': createStatisticsSubmissions,
  '202612080200-add-visit-consultants': addVisitConsultants,
  '202612080500-inspection-task-page-idx': inspectionTaskPageIdx,
  '202612080610-add-engagement-end': addEngagementEnd,
  '202612080700-create-search-order': createSearchOrder,
  '202612080510-inspection-task-keyset-idx': inspectionTaskKeysetIdx,
  '202612080900-index-work-permit-status': indexWorkPermitStatus,
  '202612080910-index-knowledge-check-pages': indexKnowledgeCheckPages,
  '202612082110-engagement-live-unique': engagementLiveUnique,
  '202612082120-index-training-pages': indexTrainingPages,
  '202612082130-index-engagement-visit-pages': indexEngagementVisitPages,
  '202612082140-index-regulator-inboxes': indexRegulatorInboxes,
  '202612082210-index-hazard-rectifier-page': indexHazardRectifierPage,
  '202612090010-visit-pending-page': visitPendingPage,
  '202612090020-training-attendee-page': trainingAttendeePage,
  '202612090047-index-county-town-sorts': indexCountyTownSorts,
  '202612090058-index-county-rare-filters': indexCountyRareFilters,
  '202612090030-certificate-state-page': certificateStatePage,
  '202612090040-engagement-team': engagementTeam,
  '202612090071-page-enterprises-consultancies': pageEnterprisesConsultancies,
  '202612090072-page-consultancies': pageConsultancies,
  '202612090200-index-detail-reads': indexDetailReads,
  '202612100100-index-owed-deadline': indexOwedDeadline,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Features land in parallel, so a migration may arrive with an earlier name than one already
  // applied; each is independent and runs once, by name.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of every migration this version knows. */
export function knownMigrations(): string[] {
  return Object.keys(migrations);
}

/** Applies only the named migrations (a restore recreates the schema its backup was taken with, then migrates to latest). */
export async function migrateOnly(db: Kysely<Database>, names: readonly string[]): Promise<void> {
  const unknown = names.filter((n) => !(n in migrations));
  if (unknown.length) throw new Error(`The backup was made by a newer version (migrations ${unknown.join(', ')}); restore it with that version or a later one.`);
  const subset = Object.fromEntries(names.map((n) => [n, migrations[n] as Migration]));
  const migrator = new Migrator({ db, provider: { getMigrations: async () => subset }, allowUnorderedMigrations: true });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
