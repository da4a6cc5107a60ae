import { describe, expect, it } from 'vitest';
import { mayProposeOn } from './roles';

describe('mayProposeOn', () => {
  it('offers proposing on the worker’s own posts only', () => {
    expect(mayProposeOn({ role: 'worker', postIds: ['p1', 'p2'] }, 'p1')).toBe(true);
    expect(mayProposeOn({ role: 'worker', postIds: ['p1'] }, 'p3')).toBe(false);
    expect(mayProposeOn({ role: 'team_leader', postIds: [] }, 'p1')).toBe(false);
    expect(mayProposeOn({ role: 'worker', postIds: ['p1'] }, undefined)).toBe(false);
  });

  it('is not for roles outside the proposers', () => {
    expect(mayProposeOn({ role: 'regulator', postIds: ['p1'] }, 'p1')).toBe(false);
    expect(mayProposeOn({ role: null, postIds: ['p1'] }, 'p1')).toBe(false);
  });
});
