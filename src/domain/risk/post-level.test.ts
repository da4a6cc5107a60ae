import { describe, expect, it } from 'vitest';
import { postLevel } from './post-level';

describe('postLevel (seed 001 第七条: the post takes its highest risk level)', () => {
  it('is the highest level among accepted risks', () => {
    expect(postLevel([
      { level: 'low', isAccepted: true },
      { level: 'significant', isAccepted: true },
      { level: 'general', isAccepted: true },
    ])).toBe('significant');
  });

  it('ignores risks not yet accepted, even if they are higher', () => {
    expect(postLevel([
      { level: 'general', isAccepted: true },
      { level: 'major', isAccepted: false },
    ])).toBe('general');
  });

  it('ignores risks without a level', () => {
    expect(postLevel([{ level: null, isAccepted: true }, { level: 'low', isAccepted: true }])).toBe('low');
  });

  it('is null for a post with no accepted, evaluated risks', () => {
    expect(postLevel([])).toBeNull();
    expect(postLevel([{ level: 'major', isAccepted: false }, { level: null, isAccepted: true }])).toBeNull();
  });
});
