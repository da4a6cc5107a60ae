/** Insert-only: a sign-off row is evidence (see migrations/202612010500-create-sign-off.ts). */
export interface SignOffTable {
  id: string;
  enterprise_id: string;
  subject_type: string;
  subject_id: string;
  subject_revision: string;
  role: string;
  person_id: string;
  action: string;
  method: string;
  user_id: string | null;
  signature_attachment_id: string | null;
  statement: string;
  note: string;
  supersedes_id: string | null;
  chain_key: string;
  client_id: string | null;
  user_agent: string;
  ip: string;
  client_signed_at: string | null;
  signed_at: string;
}
