/** A person's secret .ics feed of due items (issue 15 §6); the token is stored hashed. */
export interface CalendarFeedTable {
  id: string;
  enterprise_id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}
