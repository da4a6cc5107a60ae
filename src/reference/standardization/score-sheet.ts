/* The shape of a standardization scoring sheet (评分表), shared by the shipped starter sheet and the
 * sheets an enterprise imports from an industry 评定标准 spreadsheet. Elements → items; each item has
 * its standard points, assessment method, deduction rules, whether it may be not-applicable, and
 * whether it is a veto item (否决项: when it fires, no grade is given whatever the score). */

/** Seed 004's three-part view of a sheet: basic management; equipment and facilities; working environment and occupational health. */
export const sheetParts = ['basic_management', 'equipment_facilities', 'environment_health'] as const;
export type SheetPart = (typeof sheetParts)[number];

export const sheetPartLabels: Readonly<Record<SheetPart, { 'zh-CN': string; 'en-US': string }>> = {
  basic_management: { 'zh-CN': '基础管理', 'en-US': 'Basic management' },
  equipment_facilities: { 'zh-CN': '设备设施', 'en-US': 'Equipment and facilities' },
  environment_health: { 'zh-CN': '作业环境与职业健康', 'en-US': 'Working environment and occupational health' },
};

export interface DeductionRule {
  /** As the sheet prints it, e.g. "缺一个岗位的风险辨识，扣 2 分". */
  readonly text: string;
  /** Points taken each time the rule applies. */
  readonly points: number;
}

export interface ScoreSheetElement {
  /** e.g. "5.1" */
  readonly code: string;
  readonly name: string;
}

export interface ScoreSheetItem {
  /** 项目编号, unique in the sheet. */
  readonly code: string;
  readonly elementCode: string;
  readonly title: string;
  /** Standard points; 0 for a veto item. */
  readonly points: number;
  /** 评定方法 */
  readonly method: string;
  readonly deductionRules: readonly DeductionRule[];
  readonly canBeNotApplicable: boolean;
  readonly isVeto: boolean;
  readonly part: SheetPart;
  /** False where the content is not confirmed against the standard (shown as such). */
  readonly isConfirmed: boolean;
  /** The product evidence that bears on this item (reference/standardization/evidence-keys.ts), if any. */
  readonly evidenceKey?: string;
}

export interface ScoreSheet {
  readonly name: string;
  readonly totalPoints: number;
  readonly elements: readonly ScoreSheetElement[];
  readonly items: readonly ScoreSheetItem[];
  /** Where the sheet comes from, shown on every output. */
  readonly sourceNote: string;
}
