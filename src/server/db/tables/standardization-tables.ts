/** Standardization self-assessment (issue 16). Timestamps ISO text, booleans 0/1, JSON as text (codecs.ts). */
export interface ScoreSheetTable {
  id: string;
  enterprise_id: string;
  name: string;
  content: string;
  created_by_user_id: string | null;
  created_at: string;
  archived_at: string | null;
}

export interface SelfAssessmentTable {
  id: string;
  enterprise_id: string;
  title: string;
  sheet_ref: string;
  sheet: string;
  profile_code: string;
  planned_start: string;
  planned_end: string;
  team: string;
  status: string;
  proposals: string | null;
  proposals_at: string | null;
  result: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  concluded_at: string | null;
  concluded_by_user_id: string | null;
  /** Items deducted or vetoed when concluded (null while in progress). */
  finding_count: number | null;
}

export interface SelfAssessmentDecisionTable {
  id: string;
  enterprise_id: string;
  assessment_id: string;
  item_code: string;
  deduction_cents: number;
  is_not_applicable: number;
  is_veto_fired: number;
  is_override: number;
  note: string;
  attachment_ids: string;
  decided_by_user_id: string | null;
  decided_at: string;
}

export interface SelfAssessmentMeetingTable {
  id: string;
  enterprise_id: string;
  assessment_id: string;
  kind: string;
  held_on: string;
  attendee_person_ids: string;
  minutes: string;
  recorded_by_user_id: string | null;
  recorded_at: string;
}

export interface StandardizationActionTable {
  id: string;
  enterprise_id: string;
  assessment_id: string;
  item_code: string;
  kind: string;
  description: string;
  owner_person_id: string;
  deadline: string;
  hazard_id: string | null;
  status: string;
  created_by_user_id: string | null;
  created_at: string;
  closed_at: string | null;
  closed_note: string | null;
}

export interface InternalAssessorTable {
  id: string;
  enterprise_id: string;
  person_id: string;
  training: string;
  trained_on: string;
  appointed_on: string;
  appointment_ref: string;
  created_by_user_id: string | null;
  created_at: string;
  archived_at: string | null;
}

export interface StandardizationProfileTable {
  enterprise_id: string;
  nature: string;
  location_and_transport: string;
  capacity_and_scale: string;
  main_processes: string;
  main_equipment: string;
  occupational_health: string;
  updated_by_user_id: string | null;
  updated_at: string;
}
