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
