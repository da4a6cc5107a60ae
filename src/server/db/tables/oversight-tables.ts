import type { ColumnType } from 'kysely';
/** Seed 001 Art. 17: reports to the county bureau, their acknowledgement by regulators, the remediation evaluation (16号令). */
export interface BureauReportTable {
  id: string;
  enterprise_id: string;
  hazard_id: string;
  kind: string; // major_hazard | result
  bureau: string;
  reported_by_user_id: string | null;
  reported_at: string;
  summary: string;
  /** The enterprise's county and town in its enterprise_indicator row (the county view's scope), kept by
   * upsertFigures and setAssignment: the regulator's inbox pages by an index led by them. */
  county_code: InboxScopeColumn;
  town_code: InboxScopeColumn;
}

/** Written from enterprise_indicator by the insert (a subquery) and by the scope's writers. */
export type InboxScopeColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface BureauReportAckTable {
  id: string;
  report_id: string;
  enterprise_id: string;
  user_id: string;
  note: string;
  acknowledged_at: string;
}

export interface RemediationEvaluationTable {
  id: string;
  enterprise_id: string;
  hazard_id: string;
  evaluators: string;
  evaluator_kind: string; // technical_staff | experts
  conclusion: string; // passed | failed
  opinion: string;
  evaluated_on: string;
  recorded_by_user_id: string | null;
  recorded_at: string;
}

/** Issue 17: the county (or one town under it) a regulator supervises. */
export interface OversightJurisdictionTable {
  user_id: string;
  county_code: string;
  town_code: string | null;
  created_at: string;
}

/** A town (乡镇/街道) the county defines under itself. */
export interface OversightTownTable {
  code: string;
  county_code: string;
  name: string;
  created_at: string;
}

/** One row of precomputed figures per enterprise (the county list reads only this table). */
export interface EnterpriseIndicatorTable {
  enterprise_id: string;
  county_code: string;
  town_code: string;
  name: string;
  industry: string;
  size_class: string;
  is_demonstration: number;
  posts_major: number;
  posts_significant: number;
  open_hazards: number;
  overdue_hazards: number;
  open_major_hazards: number;
  stop_work_in_force: number;
  inspection_completion: number;
  training_compliance: number;
  sa_score: number;
  sa_grade: string;
  supervision_grade: string;
  grade_reasons: string;
  facts: string;
  last_activity_at: string;
  refreshed_at: string;
}

/** A county's tuned differentiated-supervision rules (JSON of SupervisionRules). */
export interface SupervisionRulesTable {
  county_code: string;
  rules: string;
  updated_by_user_id: string | null;
  updated_at: string;
}

/** 16号令 Art. 14: the quarterly/yearly statistics an enterprise submitted, as sent. */
export interface StatisticsSubmissionTable {
  id: string;
  enterprise_id: string;
  period_key: string;
  figures: string;
  due_on: string;
  is_late: number;
  submitted_by_user_id: string | null;
  submitted_at: string;
  /** As bureau_report's: the regulator's statistics inbox pages by an index led by them. */
  county_code: InboxScopeColumn;
  town_code: InboxScopeColumn;
}

export interface StatisticsAckTable {
  id: string;
  submission_id: string;
  user_id: string;
  acknowledged_at: string;
}

/** A self-assessment campaign of a county (seed 003 要求(三)); town_codes is a JSON array, '[]' = the whole county. */
export interface OversightCampaignTable {
  id: string;
  county_code: string;
  title: string;
  sheet_ref: string;
  deadline: string;
  town_codes: string;
  created_by_user_id: string | null;
  created_at: string;
}

/** A county's own scoring sheet for its campaigns: the same JSON ScoreSheet as score_sheet, owned by a county. */
export interface CountyScoreSheetTable {
  id: string;
  county_code: string;
  name: string;
  content: string;
  created_by_user_id: string | null;
  created_at: string;
  archived_at: string | null;
}
