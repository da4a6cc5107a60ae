/** Check and Act (issue 15): corrective actions. ISO text times, YYYY-MM-DD days. */

export interface CapaTable {
  id: string;
  enterprise_id: string;
  source_kind: string;
  source_id: string | null;
  source_label: string;
  description: string;
  status: string;
  round: number;
  owner_person_id: string | null;
  root_cause_method: string | null;
  whys: string;
  fishbone: string;
  root_cause: string;
  verify_after_days: number;
  risk_check: string | null;
  check_due_on: string | null;
  escalated_key: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface CapaActionTable {
  id: string;
  enterprise_id: string;
  capa_id: string;
  round: number;
  description: string;
  is_preventive: number;
  owner_person_id: string;
  deadline: string;
  done_at: string | null;
  done_note: string;
  created_at: string;
}

/** Insert-only: one verdict per round. */
export interface CapaCheckTable {
  id: string;
  enterprise_id: string;
  capa_id: string;
  round: number;
  is_effective: number;
  evidence: string;
  checked_by_user_id: string;
  checked_by_person_id: string | null;
  at: string;
}

export interface CapaHazardTable {
  enterprise_id: string;
  capa_id: string;
  hazard_id: string;
  created_at: string;
}

export interface InternalAuditTable {
  id: string;
  enterprise_id: string;
  year: number;
  title: string;
  scope: string;
  planned_on: string;
  auditor_person_ids: string;
  external_auditor: string;
  status: string; // planned | reported
  checklist: string;
  conclusion: string | null;
  judgement: string;
  reported_at: string | null;
  reported_by_user_id: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Insert-only evidence: a correction is a new finding. */
export interface AuditFindingTable {
  id: string;
  enterprise_id: string;
  audit_id: string;
  checklist_key: string | null;
  kind: string;
  evidence: string;
  photo_ids: string;
  capa_id: string | null;
  recorded_by_user_id: string | null;
  at: string;
}

export interface ManagementReviewTable {
  id: string;
  enterprise_id: string;
  kind: string;
  year: number;
  trigger: string;
  event_note: string;
  held_on: string;
  period_from: string;
  period_to: string;
  /** JSON ReviewSources (domain/improvement/review-inputs.ts), the snapshot. */
  inputs: string;
  inputs_at: string;
  status: string; // draft | concluded
  conclusion: string;
  chaired_by_user_id: string | null;
  concluded_at: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ManagementReviewDecisionTable {
  id: string;
  enterprise_id: string;
  review_id: string;
  decision: string;
  measure: string;
  owner_person_id: string;
  deadline: string;
  done_at: string | null;
  created_by_user_id: string | null;
  created_at: string;
}

export interface MonitoringItemTable {
  id: string;
  enterprise_id: string;
  subject: string;
  what: string;
  method: string;
  frequency: string; // month | quarter | half_year | year
  owner_person_id: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}
