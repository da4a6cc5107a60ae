export interface WorkPermitTable {
  id: string;
  enterprise_id: string;
  work_type: string;
  grade: string | null;
  content: string;
  place: string;
  area_id: string | null;
  post_id: string | null;
  window_start: string;
  window_end: string;
  worker_ids: string;
  guardian_person_id: string;
  approver_person_id: string;
  risks: string;
  accident_seqs: string;
  scenes: string;
  measures: string;
  status: string;
  issued_by_user_id: string;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
}

/** Insert-only. */
export interface WorkPermitEventTable {
  id: string;
  enterprise_id: string;
  permit_id: string;
  action: string;
  actor_user_id: string | null;
  at: string;
  data: string | null;
}

/** Insert-only. */
export interface WorkPermitGasReadingTable {
  id: string;
  enterprise_id: string;
  permit_id: string;
  point: string;
  substance: string;
  value: number;
  unit: string;
  is_pass: number;
  measured_at: string;
  tester_person_id: string;
  recorded_by_user_id: string;
  created_at: string;
}

/** Insert-only: a worker's latest entry is the ticks in force. */
export interface WorkPermitPreworkTable {
  id: string;
  enterprise_id: string;
  permit_id: string;
  person_id: string;
  checks: string;
  note: string;
  recorded_by_user_id: string;
  recorded_at: string;
}

/** 岗位"事故假想" (seed 003 附件1): the current content of one post's sheet for one year. */
export interface AccidentScenarioTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  year: number;
  revision: number;
  accident_seqs: string; // JSON number[]
  scenes: string;
  checks: string;
  emergency: string;
  improvements: string; // JSON string[]
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Every saved content of a sheet (insert-only). */
export interface AccidentScenarioRevisionTable {
  id: string;
  enterprise_id: string;
  scenario_id: string;
  revision: number;
  content: string;
  edited_by_user_id: string | null;
  edited_at: string;
}

/** 应知应会: one quiz attempt (insert-only). */
export interface PostKnowledgeCheckTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  person_id: string;
  user_id: string;
  seed: string;
  questions: string;
  score: number;
  total: number;
  is_passed: number;
  is_acknowledged: number;
  client_id: string | null;
  created_at: string;
}

/** 手指口述: one post's card (current steps). */
export interface PointCallCardTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  steps: string;
  revision: number;
  inspection_item_id: string;
  created_at: string;
  updated_at: string;
}

export interface PointCallCardRevisionTable {
  id: string;
  enterprise_id: string;
  card_id: string;
  revision: number;
  steps: string;
  edited_by_user_id: string | null;
  edited_at: string;
}

/** A team leader's spot check of one person performing the card (insert-only). */
export interface PointCallSpotCheckTable {
  id: string;
  enterprise_id: string;
  card_id: string;
  post_id: string;
  inspection_item_id: string;
  card_revision: number;
  performer_person_id: string;
  is_correct: number;
  note: string;
  checked_by_user_id: string;
  checked_by_person_id: string | null;
  client_id: string | null;
  checked_at: string;
}

/** 定置管理: one area's marked positions, rule and checking post. */
export interface FixedPositionPlanTable {
  id: string;
  enterprise_id: string;
  area_id: string;
  post_id: string;
  inspection_item_id: string;
  rule_text: string;
  positions: string;
  revision: number;
  created_at: string;
  updated_at: string;
}
