/** Issue 17 / seed 002: consultancies, their consultants and engagements through the five phases. */
export interface ConsultancyTable {
  id: string;
  name: string;
  created_at: string;
}

export interface ConsultancyMemberTable {
  consultancy_id: string;
  user_id: string;
  is_lead: number;
  created_at: string;
}

/** One row per (engagement, team member): a consultant's engagements by index (the JSON team_user_ids stays the record). */
export interface EngagementTeamTable {
  engagement_id: string;
  user_id: string;
}

export interface EngagementTable {
  id: string;
  consultancy_id: string;
  enterprise_id: string;
  team_user_ids: string;
  contract_start: string;
  contract_end: string;
  phase: number;
  phase_started_at: string;
  completed_at: string | null;
  created_by_user_id: string | null;
  created_at: string;
  /** 服务范围: what the contract covers ('' when not given). */
  scope: string;
  /** The enterprise ended it: the team no longer works in the enterprise. */
  ended_at: string | null;
  ended_by_user_id: string | null;
}

export interface EngagementEventTable {
  id: string;
  engagement_id: string;
  enterprise_id: string;
  kind: string; // deliverable | advance
  code: string;
  note: string;
  user_id: string | null;
  at: string;
}

export interface EngagementReportTable {
  id: string;
  engagement_id: string;
  enterprise_id: string;
  kind: string;
  snapshot: string;
  generated_by_user_id: string | null;
  generated_at: string;
}

export interface EngagementVisitTable {
  id: string;
  engagement_id: string;
  enterprise_id: string;
  phase: number;
  visited_on: string;
  consultants: string;
  work: string;
  /** Set on visits recorded before 202612080200 only; since then the principal or a safety manager confirms. */
  signer_person_id: string | null;
  recorded_by_user_id: string | null;
  recorded_at: string;
  /** JSON array of the consultancy's users who came. */
  consultant_user_ids: string;
  /** JSON array of the deliverable codes worked on. */
  deliverable_codes: string;
  /** 1 while the enterprise's confirmation is in force (kept from sign_off by the visit's afterSign hook); 0: pending. */
  is_confirmed: number;
}

export interface EngagementFindingTable {
  engagement_id: string;
  hazard_id: string;
  enterprise_id: string;
  created_at: string;
}
