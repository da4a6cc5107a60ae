import { describe, expect, it } from 'vitest';
import { compareLevels, highestLevel, isRiskLevel, levelColour, maxLevel, riskLevels } from './risk-level';

describe('risk levels', () => {
  it('orders levels from major to low', () => {
    expect(riskLevels).toEqual(['major', 'significant', 'general', 'low']);
  });

  it('colours major red, significant orange, general yellow, low blue', () => {
    expect(riskLevels.map(levelColour)).toEqual(['red', 'orange', 'yellow', 'blue']);
  });

  it('compares levels: positive when the first is higher', () => {
    expect(compareLevels('major', 'low')).toBeGreaterThan(0);
    expect(compareLevels('general', 'significant')).toBeLessThan(0);
    expect(compareLevels('general', 'general')).toBe(0);
    expect(['low', 'major', 'general', 'significant'].sort((a, b) => compareLevels(b as never, a as never))).toEqual(riskLevels);
  });

  it('takes the higher of two levels whichever order they come in', () => {
    expect(maxLevel('low', 'significant')).toBe('significant');
    expect(maxLevel('significant', 'low')).toBe('significant');
    expect(maxLevel('general', 'general')).toBe('general');
  });

  it('takes the highest of a list, or null for an empty list', () => {
    expect(highestLevel(['low', 'general', 'low'])).toBe('general');
    expect(highestLevel(['low', 'major', 'significant'])).toBe('major');
    expect(highestLevel([])).toBeNull();
  });

  it('recognises level codes', () => {
    expect(isRiskLevel('major')).toBe(true);
    expect(isRiskLevel('重大')).toBe(false);
  });
});
