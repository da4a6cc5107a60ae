/** Hazards, their insert-only events and plans, stop-work, outbox and notifications. Timestamps are ISO text and booleans 0/1 on both dialects (codecs.ts). */

export interface HazardTable {
  id: string;
  enterprise_id: string;
  source: string; // inspection | adhoc | anonymous
  record_id: string | null;
  item_id: string | null;
  post_id: string | null;
  area_id: string | null;
  measure_id: string | null;
  grade: string | null; // general | major, null until confirmed
  criterion_id: string | null;
  criterion_other_reason: string | null;
  description: string;
  photo_ids: string; // JSON array
  status: string;
  reporter_user_id: string | null;
  reporter_person_id: string | null;
  reporter_name: string | null;
  rectifier_user_id: string | null;
  deadline: string | null;
  escalation_tier: string | null;
  overdue_at: string | null;
  is_published: number;
  client_id: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface HazardEventTable {
  id: string;
  enterprise_id: string;
  hazard_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  at: string;
  data: string; // JSON
}

export interface RectificationPlanTable {
  hazard_id: string;
  enterprise_id: string;
  measure: string;
  owner_person_id: string;
  funds_cny: number;
  deadline: string;
  interim_measure: string;
  planned_by_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface RemediationPlanTable {
  hazard_id: string;
  enterprise_id: string;
  objective: string;
  methods: string;
  funds_and_materials: string;
  organisation_and_people: string;
  schedule: string;
  safety_and_emergency: string;
  situation_and_cause: string;
  severity_and_difficulty: string;
  result: string | null;
  planned_by_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface StopWorkTable {
  id: string;
  enterprise_id: string;
  hazard_id: string;
  post_id: string | null;
  area_id: string | null;
  stopped_at: string;
  stopped_by_user_id: string | null;
  people_withdrawn: string;
  withdrawn_by: string;
  lifted_at: string | null;
  lifted_by_user_id: string | null;
}

export interface OutboxTable {
  id: string;
  enterprise_id: string;
  kind: string;
  payload: string; // JSON
  dedupe_key: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  enterprise_id: string;
  user_id: string | null;
  role: string | null;
  kind: string;
  title: string;
  body: string;
  link: string;
  read_at: string | null;
  dedupe_key: string;
  created_at: string;
}

export interface EnterpriseNotificationSettingTable {
  enterprise_id: string;
  webhook_url: string | null;
  webhook_format: string; // wecom | dingtalk
  is_webhook_enabled: number;
  allow_anonymous_reports: number;
  updated_at: string;
}
