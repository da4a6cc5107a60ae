/* Pure rules of the operational registers and occupational health (issue 14 §10): the next
 * periodic inspection or examination, a workplace reading against its limit, and the exposure
 * factors a post's risks imply. */
import { declarationRenewalMonths } from '../../reference/occupational-hazard-declaration.js';
import { type ExposureFactorKind, exposureFactorOfHazardCode } from '../../reference/occupational-exposure-limits.js';
import { plusMonths } from './date-state.js';

export const inspectionResults = ['pass', 'conditional', 'fail'] as const;
export type InspectionResult = (typeof inspectionResults)[number];

/** The agency's report date wins; otherwise the category's (or item's) cycle from the inspection day. A failed item has no next date until re-inspected: it is due at once. */
export function nextInspectionDue(input: { inspectedOn: string; result: InspectionResult; cycleMonths: number; reportedNextDueOn: string | null }): string {
  if (input.result === 'fail') return input.inspectedOn;
  return input.reportedNextDueOn ?? plusMonths(input.inspectedOn, input.cycleMonths);
}

export const healthExamKinds = ['pre_job', 'periodic', 'leaving'] as const;
export type HealthExamKind = (typeof healthExamKinds)[number];
export const healthExamResults = ['normal', 'recheck', 'contraindication', 'suspected_disease', 'other_abnormal'] as const;
export type HealthExamResult = (typeof healthExamResults)[number];

/** Default months to the next periodic examination (GBZ 188 sets 1–3 years by factor; 12 is the common one — UNCONFIRMED, a product default). */
export const defaultExamCycleMonths = 12;
/** Months to a re-check (复查) when one is asked for — a product default. */
export const recheckMonths = 1;

/** The next examination a record asks for: none after leaving; a re-check soon; else the periodic cycle (or the date given). */
export function nextExamDue(input: { kind: HealthExamKind; result: HealthExamResult; examOn: string; givenNextDueOn: string | null }): string | null {
  if (input.kind === 'leaving') return null;
  if (input.givenNextDueOn) return input.givenNextDueOn;
  if (input.result === 'recheck') return plusMonths(input.examOn, recheckMonths);
  return plusMonths(input.examOn, defaultExamCycleMonths);
}

/** The next 职业病危害项目申报 (the yearly update) after the latest one, of any kind — UNCONFIRMED rule (reference/occupational-hazard-declaration.ts). */
export function nextDeclarationDue(latestDeclaredOn: string): string {
  return plusMonths(latestDeclaredOn, declarationRenewalMonths);
}

/** Over the limit: strictly above it (a reading at the limit complies). */
export const isOverLimit = (value: number, limit: number): boolean => value > limit;

/** The exposure factor kinds a set of GB/T 13861 codes implies (each kind once, in reference order). */
export function exposureKindsOfCodes(codes: readonly string[]): ExposureFactorKind[] {
  const out: ExposureFactorKind[] = [];
  for (const { prefix, kind } of exposureFactorOfHazardCode) {
    if (!out.includes(kind) && codes.some((c) => c.startsWith(prefix))) out.push(kind);
  }
  return out;
}
