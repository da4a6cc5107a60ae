import { levelColours, type RiskColour } from '../../reference/risk-profiles';

// 安委办〔2016〕11号: four levels 重大/较大/一般/低 with colours 红/橙/黄/蓝 (standards-facts §5).
export type RiskLevel = 'major' | 'significant' | 'general' | 'low';

/** Ordered from the highest level to the lowest. */
export const riskLevels: readonly RiskLevel[] = ['major', 'significant', 'general', 'low'];

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (riskLevels as readonly string[]).includes(value);
}

export function levelColour(level: RiskLevel): RiskColour {
  return levelColours[level];
}

/** Positive when `a` is higher than `b`, 0 when equal; sorts high→low with `(a, b) => compareLevels(b, a)`. */
export function compareLevels(a: RiskLevel, b: RiskLevel): number {
  return riskLevels.indexOf(b) - riskLevels.indexOf(a);
}

export function maxLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return compareLevels(a, b) >= 0 ? a : b;
}

/** 从严从高: the highest of the given levels, or null for none. */
export function highestLevel(levels: readonly RiskLevel[]): RiskLevel | null {
  let highest: RiskLevel | null = null;
  for (const level of levels) highest = highest === null ? level : maxLevel(highest, level);
  return highest;
}
