/**
 * Types for post templates: the starting lists ("一岗一清单") a small 工贸 enterprise picks from.
 * Content is Chinese (the product's default language) and is shown as-is.
 * Codes: accidentTypeCodes are GB 6441-1986 '01'..'20'; hazardFactorCodes are GB/T 13861-2009 codes.
 */
export type Industry =
  | 'metallurgy'
  | 'nonferrous'
  | 'building_materials'
  | 'machinery'
  | 'light_industry'
  | 'textile'
  | 'tobacco'
  | 'commerce';
export type MeasureType = 'eliminate' | 'substitute' | 'engineering' | 'administrative' | 'ppe' | 'emergency';
export type Phase = 'before' | 'during' | 'after';
export type Period = 'shift' | 'day' | 'week' | 'month' | 'quarter' | 'year';
export type InspectionMethod = 'look' | 'test' | 'ask' | 'records';
export type ObjectKind = 'activity' | 'equipment' | 'place' | 'material' | 'duty' | 'rule';
export type TemplateEvaluation = { method: 'LEC'; L: number; E: number; C: number } | { method: 'LS'; L: number; S: number };
export interface TemplateInspectionItem {
  content: string;
  method: InspectionMethod;
  period: Period;
}
export interface TemplateMeasure {
  type: MeasureType;
  /** Operation posts: before / during / after work. */
  phase?: Phase;
  /** Management posts: the duty item this measure implements. */
  dutyItem?: string;
  text: string;
  inspection: TemplateInspectionItem;
}
export interface TemplateRisk {
  key: string;
  objectKind: ObjectKind;
  objectName: string;
  isNonRoutine?: boolean;
  hazardFactorCodes: string[];
  accidentTypeCodes: string[];
  causes: string;
  evaluation: TemplateEvaluation;
  measures: TemplateMeasure[];
}
export interface PostTemplate {
  key: string;
  name: string;
  nameEn: string;
  kind: 'operation' | 'management';
  defaultHeadcount: number;
  mainEquipment: string;
  mainActivities: string;
  duties?: string;
  risks: TemplateRisk[];
  emergencyActions: string;
}
export interface IndustryTemplate {
  industry: Industry;
  name: string;
  nameEn: string;
  basis: string[];
  posts: PostTemplate[];
}
export interface RiskSetTemplate {
  key: string;
  name: string;
  nameEn: string;
  basis: string[];
  risks: TemplateRisk[];
}
