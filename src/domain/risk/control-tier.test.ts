import { describe, expect, it } from 'vitest';
import type { ControlTier } from '../../reference/control-tiers';
import { defaultControlTier, isControlledAtTier, tiersThatControl } from './control-tier';

describe('defaultControlTier', () => {
  it('maps major→company, significant→department, general→team, low→post by default', () => {
    expect(defaultControlTier('major')).toBe('company');
    expect(defaultControlTier('significant')).toBe('department');
    expect(defaultControlTier('general')).toBe('team');
    expect(defaultControlTier('low')).toBe('post');
  });

  it('follows an enterprise’s own mapping', () => {
    const mapping = { major: 'company', significant: 'company', general: 'department', low: 'team' } as const;
    expect(defaultControlTier('significant', mapping)).toBe('company');
    expect(defaultControlTier('low', mapping)).toBe('team');
  });
});

describe('tiersThatControl (上级管控的风险，下级必须管控)', () => {
  it('puts a company risk on every tier’s list', () => {
    expect(tiersThatControl('company')).toEqual(['company', 'department', 'team', 'post']);
  });

  it('puts a department risk on the department, team and post lists', () => {
    expect(tiersThatControl('department')).toEqual(['department', 'team', 'post']);
    expect(tiersThatControl('team')).toEqual(['team', 'post']);
    expect(tiersThatControl('post')).toEqual(['post']);
  });

  it('never puts a lower tier’s risk on a higher tier’s list', () => {
    expect(isControlledAtTier('team', 'company')).toBe(false);
    expect(isControlledAtTier('company', 'post')).toBe(true);
  });

  it('rejects an unknown tier', () => {
    expect(() => tiersThatControl('workshop' as ControlTier)).toThrow(expect.objectContaining({ code: 'UNKNOWN_TIER' }));
  });
});
