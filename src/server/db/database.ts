/**
 * Table types as Kysely sees them, one file per feature under tables/. Timestamps are ISO-8601 UTC
 * text and booleans are 0/1 integers on BOTH dialects (see codecs.ts): one representation, one set
 * of queries.
 */
import type {
  UserTable,
  SessionTable,
  EnterpriseTable,
  MembershipTable,
  OrgUnitTable,
  PostTable,
  PersonTable,
  PersonPostTable,
  AreaTable,
  EquipmentTable,
  MaterialTable,
  AuditLogTable,
  PostAreaTable,
  InstallationSetupTable,
  InvitationTable,
} from './tables/org-tables.js';
import type { AccidentTable } from './tables/accident-tables.js';
import type { OhsInitialReviewFindingTable, OhsInitialReviewMemberTable, OhsInitialReviewTable, OhsObjectiveTable, OhsPolicyVersionTable, OhsResponsibilityLetterTable, OhsReviewGapTable, OhsSystemYearTable } from './tables/management-tables.js';
import type { CommChannelTable, MeetingActionTable, MeetingAttendeeTable, MeetingTable } from './tables/operations-tables.js';
import type { HealthExamTable, OhdDeclarationTable, PpeIssueTable, PpeRequirementTable, SpecialEquipmentInspectionTable, SpecialEquipmentTable, WorkplaceMonitoringTable } from './tables/operations-tables.js';
import type { ChangeRequestTable, ContractorPersonTable, ContractorQualificationTable, ContractorRecordTable, ContractorTable } from './tables/operations-tables.js';
import type {
  AuditFindingTable,
  CapaActionTable,
  CapaCheckTable,
  CapaHazardTable,
  CapaTable,
  InternalAuditTable,
  ManagementReviewDecisionTable,
  ManagementReviewTable,
  MonitoringItemTable,
} from './tables/improvement-tables.js';
import type {
  ComplianceEvaluationTable,
  ControlledDocumentDistributionTable,
  ControlledDocumentTable,
  ControlledDocumentVersionTable,
  LegalClauseTable,
  LegalRequirementTable,
} from './tables/document-tables.js';
import type {
  BureauReportAckTable,
  BureauReportTable,
  EnterpriseIndicatorTable,
  OversightJurisdictionTable,
  OversightTownTable,
  RemediationEvaluationTable,
  StatisticsAckTable,
  OversightCampaignTable,
  CountyScoreSheetTable,
  StatisticsSubmissionTable,
  SupervisionRulesTable,
} from './tables/oversight-tables.js';
import type {
  ConsultancyMemberTable,
  ConsultancyTable,
  EngagementEventTable,
  EngagementFindingTable,
  EngagementReportTable,
  EngagementTable,
  EngagementVisitTable,
  EngagementTeamTable,
} from './tables/consultancy-tables.js';
import type {
  RiskTable,
  RiskEvaluationTable,
  ControlMeasureTable,
  InspectionItemTable,
  SpecialControlPlanTable,
  PublicationSettingTable,
  PostEmergencyInfoTable,
  FloorPlanTable,
  AreaMapPolygonTable,
  RiskSettingTable,
  PostReidentificationTable,
  SafetySignTable,
  SafetySignCheckTable,
} from './tables/risk-tables.js';
import type {
  ShiftDefinitionTable,
  InspectionListPublicationTable,
  InspectionTaskTable,
  InspectionRecordTable,
  AttachmentTable,
} from './tables/inspection-tables.js';
import type {
  HazardTable,
  HazardEventTable,
  RectificationPlanTable,
  RemediationPlanTable,
  StopWorkTable,
  OutboxTable,
  NotificationTable,
  EnterpriseNotificationSettingTable,
} from './tables/hazard-tables.js';
import type { SignOffTable } from './tables/sign-off-tables.js';
import type {
  ScoreSheetTable,
  SelfAssessmentTable,
  SelfAssessmentDecisionTable,
  SelfAssessmentMeetingTable,
  StandardizationActionTable,
  InternalAssessorTable,
  StandardizationProfileTable,
} from './tables/standardization-tables.js';
import type { WorkPermitTable, WorkPermitEventTable, WorkPermitGasReadingTable, WorkPermitPreworkTable, AccidentScenarioTable, AccidentScenarioRevisionTable, PostKnowledgeCheckTable, PointCallCardTable, PointCallCardRevisionTable, PointCallSpotCheckTable, FixedPositionPlanTable } from './tables/frontline-tables.js';
import type { CertificateTable, TrainingAttendeeTable, TrainingScoreTable, TrainingSessionTable } from './tables/training-tables.js';

import type {
  EmergencyPlanTable,
  EmergencyPlanVersionTable,
  EmergencySupplyTable,
  EmergencyContactTable,
  PostFirstStepsTable,
  EmergencySettingTable,
  EmergencyDrillTable,
  DrillReviewTable,
} from './tables/emergency-tables.js';
import type { CalendarFeedTable } from './tables/calendar-tables.js';

export type {
  EmergencyPlanTable,
  EmergencyPlanVersionTable,
  EmergencySupplyTable,
  EmergencyContactTable,
  PostFirstStepsTable,
  EmergencySettingTable,
  EmergencyDrillTable,
  DrillReviewTable,
  AccidentTable,
  PostAreaTable,
  InstallationSetupTable,
  InvitationTable,
  UserTable,
  SessionTable,
  EnterpriseTable,
  MembershipTable,
  OrgUnitTable,
  PostTable,
  PersonTable,
  PersonPostTable,
  AreaTable,
  EquipmentTable,
  MaterialTable,
  AuditLogTable,
  HazardTable,
  HazardEventTable,
  RectificationPlanTable,
  RemediationPlanTable,
  StopWorkTable,
  OutboxTable,
  NotificationTable,
  EnterpriseNotificationSettingTable,
  RiskTable,
  RiskEvaluationTable,
  ControlMeasureTable,
  InspectionItemTable,
  SpecialControlPlanTable,
  PublicationSettingTable,
  PostEmergencyInfoTable,
  FloorPlanTable,
  AreaMapPolygonTable,
  ShiftDefinitionTable,
  InspectionListPublicationTable,
  InspectionTaskTable,
  InspectionRecordTable,
  AttachmentTable,
  SignOffTable,
  WorkPermitTable,
  WorkPermitEventTable,
  WorkPermitGasReadingTable,
  WorkPermitPreworkTable,
  AccidentScenarioTable,
  AccidentScenarioRevisionTable,
  PostKnowledgeCheckTable,
  PointCallCardTable,
  PointCallCardRevisionTable,
  PointCallSpotCheckTable,
  FixedPositionPlanTable,
};

export interface Database {
  controlled_document: ControlledDocumentTable;
  controlled_document_version: ControlledDocumentVersionTable;
  controlled_document_distribution: ControlledDocumentDistributionTable;
  legal_requirement: LegalRequirementTable;
  legal_clause: LegalClauseTable;
  compliance_evaluation: ComplianceEvaluationTable;
  user: UserTable;
  session: SessionTable;
  enterprise: EnterpriseTable;
  membership: MembershipTable;
  org_unit: OrgUnitTable;
  post: PostTable;
  person: PersonTable;
  person_post: PersonPostTable;
  area: AreaTable;
  equipment: EquipmentTable;
  material: MaterialTable;
  audit_log: AuditLogTable;
  hazard: HazardTable;
  hazard_event: HazardEventTable;
  rectification_plan: RectificationPlanTable;
  remediation_plan: RemediationPlanTable;
  stop_work: StopWorkTable;
  outbox: OutboxTable;
  notification: NotificationTable;
  enterprise_notification_setting: EnterpriseNotificationSettingTable;
  risk: RiskTable;
  risk_evaluation: RiskEvaluationTable;
  control_measure: ControlMeasureTable;
  inspection_item: InspectionItemTable;
  special_control_plan: SpecialControlPlanTable;
  publication_setting: PublicationSettingTable;
  post_emergency_info: PostEmergencyInfoTable;
  floor_plan: FloorPlanTable;
  area_map_polygon: AreaMapPolygonTable;
  shift_definition: ShiftDefinitionTable;
  inspection_list_publication: InspectionListPublicationTable;
  inspection_task: InspectionTaskTable;
  inspection_record: InspectionRecordTable;
  attachment: AttachmentTable;
  sign_off: SignOffTable;
  score_sheet: ScoreSheetTable;
  self_assessment: SelfAssessmentTable;
  self_assessment_decision: SelfAssessmentDecisionTable;
  self_assessment_meeting: SelfAssessmentMeetingTable;
  standardization_action: StandardizationActionTable;
  internal_assessor: InternalAssessorTable;
  standardization_profile: StandardizationProfileTable;
  work_permit: WorkPermitTable;
  work_permit_event: WorkPermitEventTable;
  work_permit_gas_reading: WorkPermitGasReadingTable;
  work_permit_prework: WorkPermitPreworkTable;
  accident_scenario: AccidentScenarioTable;
  accident_scenario_revision: AccidentScenarioRevisionTable;
  post_knowledge_check: PostKnowledgeCheckTable;
  point_call_card: PointCallCardTable;
  point_call_card_revision: PointCallCardRevisionTable;
  point_call_spot_check: PointCallSpotCheckTable;
  fixed_position_plan: FixedPositionPlanTable;
  risk_setting: RiskSettingTable;
  post_reidentification: PostReidentificationTable;
  safety_sign: SafetySignTable;
  safety_sign_check: SafetySignCheckTable;
  calendar_feed: CalendarFeedTable;
  emergency_plan: EmergencyPlanTable;
  emergency_plan_version: EmergencyPlanVersionTable;
  emergency_supply: EmergencySupplyTable;
  emergency_contact: EmergencyContactTable;
  post_first_steps: PostFirstStepsTable;
  emergency_setting: EmergencySettingTable;
  emergency_drill: EmergencyDrillTable;
  drill_review: DrillReviewTable;
  capa: CapaTable;
  capa_action: CapaActionTable;
  capa_check: CapaCheckTable;
  capa_hazard: CapaHazardTable;
  internal_audit: InternalAuditTable;
  audit_finding: AuditFindingTable;
  management_review: ManagementReviewTable;
  management_review_decision: ManagementReviewDecisionTable;
  monitoring_item: MonitoringItemTable;
  post_area: PostAreaTable;
  accident: AccidentTable;
  bureau_report: BureauReportTable;
  bureau_report_ack: BureauReportAckTable;
  remediation_evaluation: RemediationEvaluationTable;
  oversight_jurisdiction: OversightJurisdictionTable;
  oversight_town: OversightTownTable;
  enterprise_indicator: EnterpriseIndicatorTable;
  supervision_rules: SupervisionRulesTable;
  statistics_submission: StatisticsSubmissionTable;
  statistics_ack: StatisticsAckTable;
  oversight_campaign: OversightCampaignTable;
  county_score_sheet: CountyScoreSheetTable;
  consultancy: ConsultancyTable;
  consultancy_member: ConsultancyMemberTable;
  engagement: EngagementTable;
  engagement_event: EngagementEventTable;
  engagement_report: EngagementReportTable;
  engagement_visit: EngagementVisitTable;
  engagement_team: EngagementTeamTable;
  engagement_finding: EngagementFindingTable;
  training_session: TrainingSessionTable;
  training_attendee: TrainingAttendeeTable;
  training_score: TrainingScoreTable;
  certificate: CertificateTable;
  installation_setup: InstallationSetupTable;
  invitation: InvitationTable;
  scheduler_lease: SchedulerLeaseTable;
  rate_limit: RateLimitTable;
  ohs_objective: OhsObjectiveTable;
  ohs_policy_version: OhsPolicyVersionTable;
  change_request: ChangeRequestTable;
  ohs_initial_review: OhsInitialReviewTable;
  ohs_initial_review_member: OhsInitialReviewMemberTable;
  ohs_initial_review_finding: OhsInitialReviewFindingTable;
  ohs_review_gap: OhsReviewGapTable;
  contractor: ContractorTable;
  contractor_person: ContractorPersonTable;
  contractor_qualification: ContractorQualificationTable;
  contractor_record: ContractorRecordTable;
  ohs_system_year: OhsSystemYearTable;
  ohs_responsibility_letter: OhsResponsibilityLetterTable;
  special_equipment: SpecialEquipmentTable;
  special_equipment_inspection: SpecialEquipmentInspectionTable;
  health_exam: HealthExamTable;
  ppe_requirement: PpeRequirementTable;
  ppe_issue: PpeIssueTable;
  workplace_monitoring: WorkplaceMonitoringTable;
  ohd_declaration: OhdDeclarationTable;
  comm_channel: CommChannelTable;
  meeting: MeetingTable;
  meeting_attendee: MeetingAttendeeTable;
  meeting_action: MeetingActionTable;
}

/** Requests counted per key (route and client address) in the current window (rate-limit-store.ts). */
export interface RateLimitTable {
  key: string;
  count: number;
  window_start_ms: number | string;
}

/** One row per scheduled job: the node that last ran it and when (job-lease.ts). */
export interface SchedulerLeaseTable {
  job: string;
  node: string;
  started_at: string;
  finished_at: string | null;
  runs: number;
}
