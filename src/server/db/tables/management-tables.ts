/** OHS management system (issue 14): objectives with their programme, policy versions. ISO text times. */

export interface OhsObjectiveTable {
  id: string;
  enterprise_id: string;
  name: string;
  /** null: the value is entered by hand (manual_value). */
  metric: string | null;
  comparison: string; // gte | lte
  target_value: number;
  unit: string;
  year: number;
  owner_person_id: string;
  org_unit_id: string | null;
  manual_value: number | null;
  programme_duties: string;
  programme_method: string;
  programme_schedule: string;
  programme_resources: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Versions of the policy (DESIGN "Approval and versions"); approved and later ones are never edited. */
export interface OhsPolicyVersionTable {
  id: string;
  enterprise_id: string;
  version_no: number;
  status: string; // draft | approved | superseded | obsolete
  text: string;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  approved_by_user_id: string | null;
  approved_at: string | null;
  superseded_at: string | null;
  obsolete_at: string | null;
}

/** Initial review (初始评审): the baseline is a JSON snapshot (domain/management/initial-review.ts ReviewBaseline). */
export interface OhsInitialReviewTable {
  id: string;
  enterprise_id: string;
  title: string;
  status: string; // draft | completed
  baseline: string;
  conclusion: string;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  completed_by_user_id: string | null;
  completed_at: string | null;
}

export interface OhsInitialReviewMemberTable {
  id: string;
  enterprise_id: string;
  review_id: string;
  person_id: string;
  role: string;
  position: number;
}

export interface OhsInitialReviewFindingTable {
  id: string;
  enterprise_id: string;
  review_id: string;
  area: string;
  text: string;
  is_gap: number;
  created_by_user_id: string | null;
  created_at: string;
}

/** A gap the completed review found, followed up by an objective or an action with owner and deadline. */
export interface OhsReviewGapTable {
  id: string;
  enterprise_id: string;
  review_id: string;
  position: number;
  area: string;
  detail: string | null;
  finding_id: string | null;
  text_zh: string;
  text_en: string;
  objective_id: string | null;
  action_text: string | null;
  action_owner_person_id: string | null;
  action_due_on: string | null;
  action_done_at: string | null;
  /** The corrective action its action raised (modules/improvement). */
  capa_id?: string | null;
  updated_at: string;
}

/** Per year: the top manager's commitment (revision bumps when it changes), the system's builder and resources. */
export interface OhsSystemYearTable {
  id: string;
  enterprise_id: string;
  year: number;
  commitment_text: string;
  commitment_revision: number;
  principal_person_id: string | null;
  builder_person_id: string | null;
  resources_people: string;
  resources_budget_cny: number | null;
  resources_equipment: string;
  created_at: string;
  updated_at: string;
}

/** A yearly 安全生产责任书 of a department or post, signed by its holder and the issuer (insert-only). */
export interface OhsResponsibilityLetterTable {
  id: string;
  enterprise_id: string;
  year: number;
  scope_key: string;
  org_unit_id: string | null;
  post_id: string | null;
  holder_person_id: string;
  issuer_person_id: string;
  text: string;
  created_by_user_id: string | null;
  created_at: string;
}
