import { describe, expect, it } from 'vitest';
import { selectedNavKey } from './nav-items';

describe('selectedNavKey', () => {
  it('keeps a menu page its own entry', () => {
    expect(selectedNavKey('/hazards')).toBe('/hazards');
    expect(selectedNavKey('/risk-map')).toBe('/risk-map');
    expect(selectedNavKey('/risks')).toBe('/risks');
    expect(selectedNavKey('/org/units')).toBe('/org/units');
    expect(selectedNavKey('/settings/shifts')).toBe('/settings/shifts');
    expect(selectedNavKey('/due-items')).toBe('/due-items');
  });

  it('highlights the parent entry on detail pages', () => {
    expect(selectedNavKey('/hazards/h-123')).toBe('/hazards');
    expect(selectedNavKey('/posts/p-1')).toBe('/org/posts');
    expect(selectedNavKey('/posts/p-1/')).toBe('/org/posts');
    expect(selectedNavKey('/posts/p-1/inspection-list')).toBe('/inspection-lists');
    expect(selectedNavKey('/risks/r-9')).toBe('/risks');
    expect(selectedNavKey('/risks/r-9/history')).toBe('/risks');
  });

  it('does not confuse entries that share a prefix', () => {
    expect(selectedNavKey('/risk-map')).not.toBe('/risks');
    expect(selectedNavKey('/hazard-statistics')).toBe('/hazard-statistics');
  });
});
