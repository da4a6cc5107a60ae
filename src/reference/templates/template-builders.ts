/**
 * Small constructors that keep the template data files compact and type-checked.
 * LEC and LS inputs are typed as the values of the standard tables, so a wrong score fails tsc.
 */
import type {
  InspectionMethod,
  MeasureType,
  Period,
  Phase,
  TemplateEvaluation,
  TemplateMeasure,
} from './template-types';

/** LEC table values (作业条件危险性评价法). */
export const lecLikelihoodValues = [10, 6, 3, 1, 0.5, 0.2, 0.1] as const;
export const lecExposureValues = [10, 6, 3, 2, 1, 0.5] as const;
export const lecConsequenceValues = [100, 40, 15, 7, 3, 1] as const;
/** LS (risk matrix) scale values. */
export const lsScaleValues = [1, 2, 3, 4, 5] as const;

export type LecL = (typeof lecLikelihoodValues)[number];
export type LecE = (typeof lecExposureValues)[number];
export type LecC = (typeof lecConsequenceValues)[number];
export type LsValue = (typeof lsScaleValues)[number];

export const lec = (L: LecL, E: LecE, C: LecC): TemplateEvaluation => ({ method: 'LEC', L, E, C });
export const ls = (L: LsValue, S: LsValue): TemplateEvaluation => ({ method: 'LS', L, S });

/** An operation-post measure: phase first, then type, text, and its inspection item. */
export function om(
  phase: Phase,
  type: MeasureType,
  text: string,
  content: string,
  method: InspectionMethod,
  period: Period,
): TemplateMeasure {
  return { type, phase, text, inspection: { content, method, period } };
}

/** A management-post measure: the duty item it implements, then type, text, and its inspection item. */
export function mm(
  dutyItem: string,
  type: MeasureType,
  text: string,
  content: string,
  method: InspectionMethod,
  period: Period,
): TemplateMeasure {
  return { type, dutyItem, text, inspection: { content, method, period } };
}

/** LEC danger score D = L × E × C (for documentation and tests; the app grades with its own configurable bands). */
export function lecScore(e: TemplateEvaluation): number {
  return e.method === 'LEC' ? e.L * e.E * e.C : e.L * e.S;
}
