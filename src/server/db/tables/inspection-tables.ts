/** Inspections: shifts, tasks, records (insert-only), attachments. Timestamps are ISO text and booleans 0/1 on both dialects (codecs.ts). */

export interface ShiftDefinitionTable {
  enterprise_id: string;
  shifts: string; // JSON [{ code, start, end }]
  updated_by_user_id: string | null;
  updated_at: string;
}

export interface InspectionListPublicationTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  item_ids: string; // JSON array
  published_by_user_id: string | null;
  published_at: string;
}

export interface InspectionTaskTable {
  id: string;
  enterprise_id: string;
  post_id: string;
  responsible_person_id: string;
  period: string;
  shift_code: string | null;
  window_start: string;
  window_end: string;
  status: string; // open | done | missed
  created_at: string;
  completed_at: string | null;
}

export interface InspectionRecordTable {
  id: string;
  enterprise_id: string;
  task_id: string;
  item_id: string;
  result: string; // pass | fail | na
  note: string;
  person_id: string | null;
  user_id: string | null;
  captured_at: string;
  received_at: string;
  is_late: number;
  submission_id: string;
  client_id: string;
  supersedes_id: string | null;
  photo_ids: string; // JSON array
}

export interface AttachmentTable {
  id: string;
  enterprise_id: string;
  path: string;
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  stamped_text: string;
  created_by: string | null;
  created_at: string;
  /** The device's capture time, when the phone sent one (the receipt time is created_at). */
  captured_at: string | null;
  /** 0/1: sent through the public report page, without an account. */
  is_anonymous: number;
  /** The phone's name for the photo: a second upload of the same key answers this row (issue 8 §9). */
  client_key?: string | null;
}
