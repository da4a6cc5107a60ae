/** Seed 001 Art. 17: reports to the county bureau, their acknowledgement by regulators, the remediation evaluation (16号令). */
export interface BureauReportTable {
  id: string;
  enterprise_id: string;
  hazard_id: string;
  kind: string; // major_hazard | result
  bureau: string;
  reported_by_user_id: string | null;
  reported_at: string;
  summary: string;
}

export interface BureauReportAckTable {
  id: string;
  report_id: string;
  enterprise_id: string;
  user_id: string;
  note: string;
  acknowledged_at: string;
}

export interface RemediationEvaluationTable {
  id: string;
  enterprise_id: string;
  hazard_id: string;
  evaluators: string;
  evaluator_kind: string; // technical_staff | experts
  conclusion: string; // passed | failed
  opinion: string;
  evaluated_on: string;
  recorded_by_user_id: string | null;
  recorded_at: string;
}
