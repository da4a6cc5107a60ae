import type { Generated } from 'kysely';

/** Document control and the legal register (issue 14 §5–6). ISO text times, YYYY-MM-DD dates. */

export interface ControlledDocumentTable {
  id: string;
  enterprise_id: string;
  number: string;
  title: string;
  type: string; // policy | duty | procedure | work_instruction | rule | record_form
  template_key: string | null;
  owner_person_id: string | null;
  review_due_on: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  /** The plain text of the newest version's headings, for text search (documents.repository.ts). */
  content_text: Generated<string>;
  created_at: string;
  updated_at: string;
}

/** Versions (DESIGN "Approval and versions"); approved and later ones are never edited. */
export interface ControlledDocumentVersionTable {
  id: string;
  enterprise_id: string;
  document_id: string;
  version_no: number;
  status: string; // draft | approved | superseded | obsolete
  content: string; // JSON of the six headings
  change_note: string;
  file_path: string | null;
  file_name: string | null;
  file_mime: string | null;
  file_bytes: number | null;
  file_sha256: string | null;
  /** The enterprise-local day the version was approved and issued. */
  issued_on: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  approved_by_user_id: string | null;
  approved_at: string | null;
  superseded_at: string | null;
  obsolete_at: string | null;
}

export interface ControlledDocumentDistributionTable {
  id: string;
  enterprise_id: string;
  document_id: string;
  post_id: string;
  created_at: string;
}

export interface LegalRequirementTable {
  id: string;
  enterprise_id: string;
  /** The starter-set key (src/reference/legal-register-starter.ts), null for one the enterprise added. */
  ref_key: string | null;
  kind: string; // law | regulation | rule | standard | local | other
  title: string;
  document_no: string;
  issuer: string;
  edition: string;
  effective_on: string | null;
  is_unconfirmed: number;
  note: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface LegalClauseTable {
  id: string;
  enterprise_id: string;
  requirement_id: string;
  clause: string;
  summary: string;
  is_unconfirmed: number;
  post_ids: string;
  org_unit_ids: string;
  risk_ids: string;
  document_ids: string;
  position: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Insert-only: the latest entry of a (requirement, year) is the evaluation in force. */
export interface ComplianceEvaluationTable {
  id: string;
  enterprise_id: string;
  requirement_id: string;
  year: number;
  evaluated_on: string;
  result: string; // compliant | non_compliant | not_applicable
  evidence: string;
  findings: string;
  action: string;
  action_owner_person_id: string | null;
  action_deadline: string | null;
  /** The corrective action raised for a non-compliance (modules/improvement). */
  capa_id: string | null;
  created_by_user_id: string | null;
  created_at: string;
}
