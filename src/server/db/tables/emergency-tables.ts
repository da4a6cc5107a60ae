/** Emergency readiness (issue 13, seed 000 三(五)3, seed 003 重点4). ISO text times, 0/1 booleans, JSON text. */

export interface EmergencyPlanTable {
  id: string;
  enterprise_id: string;
  kind: string; // comprehensive | special | onsite
  scenario_code: string | null;
  title: string;
  post_id: string | null; // on-site plans belong to a post
  document_number: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Versions of a plan (DESIGN "Approval and versions"); approved and later ones are never edited. */
export interface EmergencyPlanVersionTable {
  id: string;
  enterprise_id: string;
  plan_id: string;
  version_no: number;
  status: string; // draft | approved | superseded | obsolete
  contents: string; // JSON PlanContents (the eight contents)
  revision_reason: string;
  drill_review_id: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  approved_by_user_id: string | null;
  approved_at: string | null;
  issued_on: string | null;
  review_due_on: string | null;
  superseded_at: string | null;
  obsolete_at: string | null;
}

export interface EmergencySupplyTable {
  id: string;
  enterprise_id: string;
  name: string;
  quantity: number;
  min_quantity: number;
  unit: string;
  area_id: string | null;
  location: string;
  responsible_person_id: string | null;
  expires_on: string | null;
  check_period: string | null;
  check_post_id: string | null;
  inspection_item_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface EmergencyContactTable {
  id: string;
  enterprise_id: string;
  name: string;
  organisation: string;
  duty: string;
  phone: string;
  is_external: number;
  call_order: number;
  person_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** 自救互救: a post's first steps (one row per post, replaced as a whole; the audit log keeps the old). */
export interface PostFirstStepsTable {
  post_id: string;
  enterprise_id: string;
  steps: string; // JSON FirstSteps
  updated_by_user_id: string | null;
  updated_at: string;
}

export interface EmergencySettingTable {
  enterprise_id: string;
  comprehensive_per_year: number;
  onsite_every_months: number;
  updated_at: string;
}

export interface EmergencyDrillTable {
  id: string;
  enterprise_id: string;
  plan_id: string;
  kind: string; // the plan's kind when planned
  planned_on: string;
  scenario: string;
  status: string; // planned | held
  held_on: string | null;
  description: string;
  participant_person_ids: string; // JSON
  photo_ids: string; // JSON
  plan_version_id: string | null; // the version drilled
  recorded_by_user_id: string | null;
  recorded_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** 演练评估: insert-only, one per drill. */
export interface DrillReviewTable {
  id: string;
  enterprise_id: string;
  drill_id: string;
  what_worked: string;
  what_failed: string;
  needs_revision: number;
  findings: string; // JSON [{ text, postId, hazardId }]
  new_version_id: string | null;
  reviewed_by_user_id: string | null;
  created_at: string;
}
