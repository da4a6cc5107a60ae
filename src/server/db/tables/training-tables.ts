/** Training and competence (migrations/202612010900-create-training.ts). */
export interface TrainingSessionTable {
  id: string;
  enterprise_id: string;
  title: string;
  kind: string;
  held_on: string;
  hours: number;
  trainer: string;
  audience: string;
  content: string;
  post_id: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface TrainingAttendeeTable {
  enterprise_id: string;
  session_id: string;
  person_id: string;
  /** The session's held_on, copied (kept by training.repository.ts): a person's sessions page by it. */
  held_on: string;
}

/** Insert-only: the latest row of a (session, person) is the score. */
export interface TrainingScoreTable {
  id: string;
  enterprise_id: string;
  session_id: string;
  person_id: string;
  score: number;
  recorded_by_user_id: string | null;
  recorded_at: string;
}

export interface CertificateTable {
  id: string;
  enterprise_id: string;
  person_id: string;
  kind: string;
  operation_code: string | null;
  number: string;
  issuer: string;
  issued_on: string;
  expires_on: string | null;
  review_due_on: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  /**
   * certificateState on the enterprise's days [state_from, state_until) (null: unbounded), kept by
   * training.repository.ts (written with the dates, recomputed once a day leaves the span): the
   * register's state filter is an index range on it.
   */
  state: string;
  state_from: string | null;
  state_until: string | null;
}
