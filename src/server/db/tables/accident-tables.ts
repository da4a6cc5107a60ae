/** The accident and incident register (事故事件台账). Insert-only: a correction is a new revision of the same root_id. */
export interface AccidentTable {
  id: string;
  enterprise_id: string;
  root_id: string;
  revision: number;
  kind: string; // accident | near_miss
  occurred_on: string;
  post_id: string | null;
  area_id: string | null;
  equipment_id: string | null;
  people_involved: string;
  accident_type_code: string | null;
  deaths: number;
  serious_injuries: number;
  minor_injuries: number;
  direct_loss_cny: number;
  is_major_property_loss: number;
  description: string;
  cause_analysis: string;
  corrective_actions: string;
  authority_report: string;
  is_void: number;
  correction_reason: string | null;
  recorded_by_user_id: string | null;
  recorded_at: string;
}
