import type { Generated } from 'kysely';

/** Accounts, enterprises and the organisation model. Timestamps are ISO text and booleans 0/1 on both dialects (codecs.ts). */

/**
 * Table types as Kysely sees them. Timestamps are ISO-8601 UTC text and booleans are 0/1
 * integers on BOTH dialects (see codecs.ts): one representation, one set of queries.
 */
export interface UserTable {
  id: string;
  username: string;
  phone: string | null;
  display_name: string;
  password_hash: string;
  is_admin: number;
  locale: string | null;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
  archived_at: string | null;
  /** argon2id hash of the worker's short PIN (phone number + PIN on the phone). */
  pin_hash?: string | null;
  /** sha256 of the personal badge QR's secret. */
  badge_token_hash?: string | null;
  /** Where the next login starts (consultants, regulators, the administrator). */
  last_enterprise_id?: string | null;
  /** 1 after a one-time password was handed out: the first login must set a new one. */
  must_change_password?: number;
}

export interface SessionTable {
  id: string; // sha256 of the cookie token: a stolen database does not yield live sessions
  user_id: string;
  active_enterprise_id: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  /** 'office' (idle/absolute limits) or 'device' (a worker's remembered phone, DEVICE_SESSION_DAYS). */
  kind?: string;
  /** Public handle of a device session, for listing and revoking (the id is the token's hash). */
  public_id?: string | null;
}

export interface InstallationSetupTable {
  id: string;
  enterprise_id: string;
  user_id: string;
  created_at: string;
}

export interface InvitationTable {
  id: string;
  token_hash: string;
  enterprise_id: string;
  user_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface EnterpriseTable {
  id: string;
  name: string;
  credit_code: string;
  industry: string;
  region_code: string;
  address: string;
  headcount: number;
  revenue_cny: number;
  size_class: string;
  principal_name: string;
  principal_phone: string | null;
  time_zone: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface MembershipTable {
  id: string;
  user_id: string;
  enterprise_id: string;
  role: string;
  person_id: string | null;
  created_at: string;
}

export interface OrgUnitTable {
  id: string;
  enterprise_id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface PostTable {
  id: string;
  enterprise_id: string;
  org_unit_id: string | null;
  kind: string;
  name: string;
  headcount: number;
  main_equipment: string;
  main_activities: string;
  duties: string;
  level: string | null;
  template_ref: string | null;
  /** Seed 001 第十四条: the superior post (org chart); null at the top. */
  reports_to_post_id?: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface PersonTable {
  id: string;
  enterprise_id: string;
  name: string;
  phone: string | null;
  org_unit_id: string | null;
  hire_date: string | null;
  is_contractor: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface PersonPostTable {
  enterprise_id: string;
  person_id: string;
  post_id: string;
}

export interface AreaTable {
  id: string;
  enterprise_id: string;
  name: string;
  description: string;
  org_unit_id: string | null;
  // Defaulted columns are Generated: rows inserted without them (older code, benchmarks) stay valid.
  hazard_kinds: Generated<string>; // JSON array of poisoning | explosion | fire (seed 001 第七条)
  max_people_at_once: Generated<number>;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** The areas where a post's work happens (issue 8 item 5); several allowed. */
export interface PostAreaTable {
  enterprise_id: string;
  post_id: string;
  area_id: string;
}

export interface EquipmentTable {
  id: string;
  enterprise_id: string;
  name: string;
  model: string;
  code: string;
  area_id: string | null;
  is_special: number;
  is_major_hazard_installation: Generated<number>;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface MaterialTable {
  id: string;
  enterprise_id: string;
  name: string;
  dangerous_class: string | null;
  cas_no: string;
  max_stock: string;
  area_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface AuditLogTable {
  id: string;
  enterprise_id: string | null;
  actor_user_id: string | null;
  at: string;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
}
