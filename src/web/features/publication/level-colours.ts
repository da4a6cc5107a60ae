import type { RiskCard } from '../../../schemas/publication.js';

export type Level = NonNullable<RiskCard['level']>;
export const levelOrder: readonly Level[] = ['major', 'significant', 'general', 'low'];

// GB 2893 safety colours as printed on signs: red / orange / yellow / blue, with a legible text colour.
export const levelPaint: Record<Level, { fill: string; text: string }> = {
  major: { fill: '#e60012', text: '#ffffff' },
  significant: { fill: '#f39800', text: '#ffffff' },
  general: { fill: '#ffe600', text: '#3a3000' },
  low: { fill: '#0068b7', text: '#ffffff' },
};

export const noLevelPaint = { fill: '#8c8c8c', text: '#ffffff' };

export function paintOf(level: Level | null | undefined) {
  return level ? levelPaint[level] : noLevelPaint;
}
