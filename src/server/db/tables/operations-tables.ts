/** Change management, contractors, communication, operational registers and occupational health (issue 14 §7–10). ISO text times. */

export interface ChangeRequestTable {
  id: string;
  enterprise_id: string;
  name: string;
  kind: string; // process | equipment | material | people | site
  description: string;
  requested_by_person_id: string | null;
  post_id: string | null;
  area_id: string | null;
  equipment_id: string | null;
  material_id: string | null;
  planned_on: string | null;
  status: string; // requested | reviewed | approved | rejected | implemented | closed
  review_notes: string;
  flagged_risk_ids: string; // JSON array
  reviewed_at: string | null;
  reviewed_by_user_id: string | null;
  decision_note: string;
  decided_at: string | null;
  decided_by_user_id: string | null;
  implemented_at: string | null;
  close_note: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface ContractorTable {
  id: string;
  enterprise_id: string;
  name: string;
  credit_code: string;
  contact_name: string;
  contact_phone: string;
  work_scope: string;
  agreement_signed_on: string | null;
  agreement_expires_on: string | null;
  induction_session_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface ContractorPersonTable {
  enterprise_id: string;
  contractor_id: string;
  person_id: string;
}

export interface ContractorQualificationTable {
  id: string;
  enterprise_id: string;
  contractor_id: string;
  name: string;
  number: string;
  issuer: string;
  issued_on: string | null;
  expires_on: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Insert-only: supervision rounds and evaluations of a contractor. */
export interface ContractorRecordTable {
  id: string;
  enterprise_id: string;
  contractor_id: string;
  kind: string; // supervision | evaluation
  on_date: string;
  person_id: string | null;
  work_permit_id: string | null;
  result: string;
  score: number | null;
  notes: string;
  recorded_by_user_id: string | null;
  created_at: string;
}

export interface SpecialEquipmentTable {
  id: string;
  enterprise_id: string;
  name: string;
  equipment_id: string | null;
  category: string; // 特种设备目录 code (src/reference/special-equipment-categories.ts)
  registration_no: string;
  cycle_months: number;
  first_due_on: string | null;
  responsible_person_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Insert-only: a periodic inspection (定期检验) and its report. */
export interface SpecialEquipmentInspectionTable {
  id: string;
  enterprise_id: string;
  special_equipment_id: string;
  inspected_on: string;
  agency: string;
  report_no: string;
  result: string; // pass | conditional | fail
  next_due_on: string;
  notes: string;
  recorded_by_user_id: string | null;
  created_at: string;
}

/** Insert-only: an employee's occupational health examination. */
export interface HealthExamTable {
  id: string;
  enterprise_id: string;
  person_id: string;
  kind: string; // pre_job | periodic | leaving
  exam_on: string;
  institution: string;
  result: string;
  findings: string;
  next_due_on: string | null;
  recorded_by_user_id: string | null;
  created_at: string;
}

export interface PpeRequirementTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  name: string;
  kind: string;
  replace_months: number | null;
  note: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Insert-only: PPE handed to a person (the person signs through sign-off). */
export interface PpeIssueTable {
  id: string;
  enterprise_id: string;
  person_id: string;
  requirement_id: string | null;
  name: string;
  kind: string;
  quantity: number;
  issued_on: string;
  replace_by: string | null;
  recorded_by_user_id: string | null;
  created_at: string;
}

/** Insert-only: a workplace monitoring reading against its limit. */
export interface WorkplaceMonitoringTable {
  id: string;
  enterprise_id: string;
  area_id: string | null;
  post_id: string | null;
  point: string;
  limit_code: string;
  measured_on: string;
  value: number;
  limit_value: number;
  is_over_limit: number;
  agency: string;
  hazard_id: string | null;
  recorded_by_user_id: string | null;
  created_at: string;
}

/** Insert-only: a 职业病危害项目申报 (initial, change or yearly update). */
export interface OhdDeclarationTable {
  id: string;
  enterprise_id: string;
  kind: string;
  declared_on: string;
  authority: string;
  receipt_no: string;
  factors: string; // JSON array of exposure factor kinds
  exposed_count: number;
  notes: string;
  recorded_by_user_id: string | null;
  created_at: string;
}

/** A channel of the communication plan (公告牌, 例会, 班前会, 群, 意见箱…). */
export interface CommChannelTable {
  id: string;
  enterprise_id: string;
  name: string;
  kind: string;
  frequency: string;
  audience: string;
  owner_person_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Insert-only: a meeting held (safety meeting, 班前会, consultation). */
export interface MeetingTable {
  id: string;
  enterprise_id: string;
  kind: string; // safety_meeting | pre_shift | consultation | other
  name: string;
  held_on: string;
  chair_person_id: string | null;
  channel_id: string | null;
  representatives: string;
  minutes: string;
  recorded_by_user_id: string | null;
  created_at: string;
}

export interface MeetingAttendeeTable {
  enterprise_id: string;
  meeting_id: string;
  person_id: string;
}

/** A decision's action: owner and deadline; done once (done_at). */
export interface MeetingActionTable {
  id: string;
  enterprise_id: string;
  meeting_id: string;
  text: string;
  owner_person_id: string;
  deadline: string;
  done_at: string | null;
  done_note: string;
  created_at: string;
}
