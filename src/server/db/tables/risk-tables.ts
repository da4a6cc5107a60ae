/** Risk grading and control: risks, evaluations, measures, items, publication. Timestamps are ISO text and booleans 0/1 on both dialects (codecs.ts). */

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
  facts?: string | null; // JSON Art7Facts the evaluation used (seed 001 第七条)
  fired_rules?: string | null; // JSON array of { rule, level, clause }
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
  /** Seed 001 第十三条: no named person, and said explicitly that the post's holders on duty do it. */
  responsible_is_holders: number;
  /** The version tasks run (copied at publication); the columns above are the draft being edited. */
  published_content: string | null;
  published_method: string | null;
  published_period: string | null;
  published_responsible_person_id: string | null;
  published_supervisor_post_id: string | null;
  published_at: string | null;
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
  /** The line printed at the foot of every card and board (issue 8 §6); null until set. */
  card_footer?: string | null;
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

/** The risk feature's enterprise settings (issue 9 §10). */
export interface RiskSettingTable {
  enterprise_id: string;
  reidentification_months: number;
  updated_at: string;
}

/** A recorded periodic re-identification of a post (insert-only). */
export interface PostReidentificationTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  done_on: string;
  done_by_person_id: string;
  note: string;
  recorded_by_user_id: string;
  created_at: string;
}

/** Seed 001 第十一条: a registered safety sign (GB 2894 category) in an area, optionally on equipment. */
export interface SafetySignTable {
  id: string;
  enterprise_id: string;
  area_id: string;
  equipment_id: string | null;
  category: string;
  sign_code: string | null;
  name: string;
  location: string;
  quantity: number;
  photo_id: string | null;
  installed_on: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Per area, the post whose inspection item checks the area's signs. */
export interface SafetySignCheckTable {
  enterprise_id: string;
  area_id: string;
  post_id: string;
  inspection_item_id: string;
  updated_at: string;
}
