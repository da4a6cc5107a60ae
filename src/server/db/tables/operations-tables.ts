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
