import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { Me } from '../../../schemas/auth.js';
import { buildNavItems, navGroupOf, selectedNavKey } from './nav-items';

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

describe('navGroupOf', () => {
  const me = {
    user: { isAdmin: false },
    activeEnterpriseId: 'e1',
    role: 'safety_manager',
    memberships: [{ enterpriseId: 'e1', role: 'safety_manager' }],
  } as unknown as Me;
  const items = buildNavItems(me, ((key: string) => key) as unknown as TFunction);

  it('finds the collapsible group of the current page so it can open', () => {
    expect(navGroupOf(items, selectedNavKey('/hazards/h-1'))).toBe('hazard');
    expect(navGroupOf(items, '/management/policy')).toBe('management');
    expect(navGroupOf(items, '/system/password')).toBe('system');
  });

  it('finds no group for a page outside the menu', () => {
    expect(navGroupOf(items, '/nowhere')).toBeNull();
  });

  it('makes every area a submenu (no flat groups that never collapse)', () => {
    for (const item of items) expect(item && 'type' in item ? item.type : undefined).toBeUndefined();
  });
});
