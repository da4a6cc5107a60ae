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
