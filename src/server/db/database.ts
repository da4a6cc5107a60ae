/**
 * Table types as Kysely sees them. Timestamps are ISO-8601 UTC text and booleans are 0/1
 * integers on BOTH dialects (see codecs.ts): one representation, one set of queries.
 */
export interface UserTable {
  id: string;
  username: string;
  phone: string | null;
  display_name: string;
  password_hash: string;
  is_admin: number;
  locale: string | null;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
  archived_at: string | null;
}

export interface SessionTable {
  id: string; // sha256 of the cookie token: a stolen database does not yield live sessions
  user_id: string;
  active_enterprise_id: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface EnterpriseTable {
  id: string;
  name: string;
  credit_code: string;
  industry: string;
  region_code: string;
  address: string;
  headcount: number;
  revenue_cny: number;
  size_class: string;
  principal_name: string;
  principal_phone: string | null;
  time_zone: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface MembershipTable {
  id: string;
  user_id: string;
  enterprise_id: string;
  role: string;
  person_id: string | null;
  created_at: string;
}

export interface OrgUnitTable {
  id: string;
  enterprise_id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface PostTable {
  id: string;
  enterprise_id: string;
  org_unit_id: string | null;
  kind: string;
  name: string;
  headcount: number;
  main_equipment: string;
  main_activities: string;
  duties: string;
  level: string | null;
  template_ref: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface PersonTable {
  id: string;
  enterprise_id: string;
  name: string;
  phone: string | null;
  org_unit_id: string | null;
  hire_date: string | null;
  is_contractor: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface PersonPostTable {
  enterprise_id: string;
  person_id: string;
  post_id: string;
}

export interface AreaTable {
  id: string;
  enterprise_id: string;
  name: string;
  description: string;
  org_unit_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface EquipmentTable {
  id: string;
  enterprise_id: string;
  name: string;
  model: string;
  code: string;
  area_id: string | null;
  is_special: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface MaterialTable {
  id: string;
  enterprise_id: string;
  name: string;
  dangerous_class: string | null;
  cas_no: string;
  max_stock: string;
  area_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface AuditLogTable {
  id: string;
  enterprise_id: string | null;
  actor_user_id: string | null;
  at: string;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
}

export interface HazardTable {
  id: string;
  enterprise_id: string;
  source: string; // inspection | adhoc | anonymous
  record_id: string | null;
  item_id: string | null;
  post_id: string | null;
  area_id: string | null;
  measure_id: string | null;
  grade: string | null; // general | major, null until confirmed
  criterion_id: string | null;
  criterion_other_reason: string | null;
  description: string;
  photo_ids: string; // JSON array
  status: string;
  reporter_user_id: string | null;
  reporter_person_id: string | null;
  reporter_name: string | null;
  rectifier_user_id: string | null;
  deadline: string | null;
  escalation_tier: string | null;
  overdue_at: string | null;
  is_published: number;
  client_id: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface HazardEventTable {
  id: string;
  enterprise_id: string;
  hazard_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  at: string;
  data: string; // JSON
}

export interface RectificationPlanTable {
  hazard_id: string;
  enterprise_id: string;
  measure: string;
  owner_person_id: string;
  funds_cny: number;
  deadline: string;
  interim_measure: string;
  planned_by_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface RemediationPlanTable {
  hazard_id: string;
  enterprise_id: string;
  objective: string;
  methods: string;
  funds_and_materials: string;
  organisation_and_people: string;
  schedule: string;
  safety_and_emergency: string;
  situation_and_cause: string;
  severity_and_difficulty: string;
  result: string | null;
  planned_by_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface StopWorkTable {
  id: string;
  enterprise_id: string;
  hazard_id: string;
  post_id: string | null;
  area_id: string | null;
  stopped_at: string;
  stopped_by_user_id: string | null;
  people_withdrawn: string;
  withdrawn_by: string;
  lifted_at: string | null;
  lifted_by_user_id: string | null;
}

export interface OutboxTable {
  id: string;
  enterprise_id: string;
  kind: string;
  payload: string; // JSON
  dedupe_key: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  enterprise_id: string;
  user_id: string | null;
  role: string | null;
  kind: string;
  title: string;
  body: string;
  link: string;
  read_at: string | null;
  dedupe_key: string;
  created_at: string;
}

export interface EnterpriseNotificationSettingTable {
  enterprise_id: string;
  webhook_url: string | null;
  webhook_format: string; // wecom | dingtalk
  is_webhook_enabled: number;
  allow_anonymous_reports: number;
  updated_at: string;
}

export interface RiskTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  object_kind: string;
  object_name: string;
  object_id: string | null;
  area_id: string | null;
  is_non_routine: number;
  hazard_factor_codes: string; // JSON array
  accident_type_codes: string; // JSON array
  causes: string;
  identification_method: string;
  jha_steps: string | null; // JSON array of { step, hazards }
  identified_by_user_id: string | null;
  identified_at: string;
  status: string; // proposed | accepted | rejected
  rejection_reason: string | null;
  control_tier: string;
  responsible_person_id: string | null;
  level: string | null; // level of the current inherent evaluation
  residual_level: string | null;
  inherent_evaluation_id: string | null;
  residual_evaluation_id: string | null;
  review_reason: string | null;
  review_flagged_at: string | null;
  template_ref: string | null;
  decided_by_user_id: string | null; // who accepted or rejected a proposal
  decided_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface RiskEvaluationTable {
  id: string;
  enterprise_id: string;
  risk_id: string;
  stage: string; // inherent | residual
  method: string;
  inputs: string; // JSON
  score: number | null;
  level: string;
  profile: string | null;
  reasons: string; // JSON array of localized texts
  note: string;
  evaluated_by_user_id: string | null;
  evaluated_at: string;
}

export interface ControlMeasureTable {
  id: string;
  enterprise_id: string;
  risk_id: string;
  type: string;
  phase: string | null;
  duty_item: string | null;
  text: string;
  position: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface InspectionItemTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  measure_id: string | null;
  content: string;
  method: string;
  period: string;
  responsible_person_id: string | null;
  supervisor_post_id: string | null;
  is_active: number;
  template_ref: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface SpecialControlPlanTable {
  risk_id: string;
  enterprise_id: string;
  objective: string;
  measures: string;
  people: string;
  funds_cny: number;
  schedule: string;
  created_at: string;
  updated_at: string;
}

export interface PublicationSettingTable {
  enterprise_id: string;
  emergency_phone: string | null;
  updated_at: string;
}

export interface PostEmergencyInfoTable {
  post_id: string;
  enterprise_id: string;
  emergency_actions: string;
  updated_at: string;
}

export interface FloorPlanTable {
  enterprise_id: string;
  path: string; // relative to DATA_DIR/files
  mime: string;
  width: number;
  height: number;
  byte_size: number;
  sha256: string;
  uploaded_by_user_id: string | null;
  uploaded_at: string;
}

export interface AreaMapPolygonTable {
  area_id: string;
  enterprise_id: string;
  points: string; // JSON array of [x, y], 0..1
  updated_at: string;
}

export interface ShiftDefinitionTable {
  enterprise_id: string;
  shifts: string; // JSON [{ code, start, end }]
  updated_by_user_id: string | null;
  updated_at: string;
}

export interface InspectionListPublicationTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  item_ids: string; // JSON array
  published_by_user_id: string | null;
  published_at: string;
}

export interface InspectionTaskTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  responsible_person_id: string;
  period: string;
  shift_code: string | null;
  window_start: string;
  window_end: string;
  status: string; // open | done | missed
  created_at: string;
  completed_at: string | null;
}

export interface InspectionRecordTable {
  id: string;
  enterprise_id: string;
  task_id: string;
  item_id: string;
  result: string; // pass | fail | na
  note: string;
  person_id: string | null;
  user_id: string | null;
  captured_at: string;
  received_at: string;
  is_late: number;
  submission_id: string;
  client_id: string;
  supersedes_id: string | null;
  photo_ids: string; // JSON array
}

export interface AttachmentTable {
  id: string;
  enterprise_id: string;
  path: string;
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  stamped_text: string;
  created_by: string | null;
  created_at: string;
}

export interface Database {
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
}
