import { describe, expect, it } from 'vitest';
import { isListPublishable, uncoveredMeasures } from './coverage.js';

describe('uncoveredMeasures (Art. 13: no measure left out)', () => {
  const measures = [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }];

  it('names measures without an active item, keeping their order', () => {
    const items = [
      { measureId: 'm1', isActive: true },
      { measureId: 'm3', isActive: false },
      { measureId: null, isActive: true },
    ];
    expect(uncoveredMeasures(measures, items).map((m) => m.id)).toEqual(['m2', 'm3']);
    expect(isListPublishable(measures, items)).toBe(false);
  });

  it('is publishable when every measure has one active item, whatever the extra items', () => {
    const items = measures.map((m) => ({ measureId: m.id, isActive: true }));
    expect(uncoveredMeasures(measures, items)).toEqual([]);
    expect(isListPublishable(measures, [...items, { measureId: null, isActive: true }])).toBe(true);
    expect(isListPublishable([], [])).toBe(true);
  });
});
