import { describe, expect, it } from 'vitest';
import { parseOpenGroups, withCurrentGroup } from './nav-open-groups';

describe('parseOpenGroups', () => {
  it('reads the groups a user left open', () => {
    expect(parseOpenGroups('["hazard","system"]')).toEqual(['hazard', 'system']);
  });

  it('treats nothing stored or something unreadable as no choice yet', () => {
    expect(parseOpenGroups(null)).toBeNull();
    expect(parseOpenGroups('not json')).toBeNull();
    expect(parseOpenGroups('{"a":1}')).toBeNull();
    expect(parseOpenGroups('[1,2]')).toBeNull();
  });
});

describe('withCurrentGroup', () => {
  it('opens only the current page group by default', () => {
    expect(withCurrentGroup([], 'management')).toEqual(['management']);
  });

  it('keeps what the user left open and adds the current group once', () => {
    expect(withCurrentGroup(['hazard'], 'management')).toEqual(['hazard', 'management']);
    expect(withCurrentGroup(['hazard', 'management'], 'management')).toEqual(['hazard', 'management']);
  });

  it('adds nothing on a page outside the menu', () => {
    expect(withCurrentGroup(['hazard'], null)).toEqual(['hazard']);
  });
});
