import { describe, expect, it } from 'vitest';
import { sizeClass } from './size-class';

const M = 1_000_000;

describe('sizeClass (seed 001 第二条: 以上包含本数，以下不包含本数)', () => {
  it.each([
    [19, 10 * M, 'micro'],
    [20, 10 * M, 'small'],
    [299, 10 * M, 'small'],
    [300, 10 * M, 'other'],
  ] as const)('with %s staff and mid revenue is %s', (headcount, revenueCny, expected) => {
    expect(sizeClass({ headcount, revenueCny })).toBe(expected);
  });

  it.each([
    [3 * M - 1, 'micro'],
    [3 * M, 'small'],
    [20 * M - 1, 'small'],
    [20 * M, 'other'],
  ] as const)('with 100 staff and revenue %s yuan is %s', (revenueCny, expected) => {
    expect(sizeClass({ headcount: 100, revenueCny })).toBe(expected);
  });

  it('is micro when either staff or revenue is under the small floor', () => {
    expect(sizeClass({ headcount: 5, revenueCny: 15 * M })).toBe('micro');
    expect(sizeClass({ headcount: 250, revenueCny: 2 * M })).toBe('micro');
    // Literal reading of 第二条: revenue under 3 million makes it micro even with 300+ staff.
    expect(sizeClass({ headcount: 500, revenueCny: 1 * M })).toBe('micro');
  });

  it('is other when staff or revenue reaches the small ceiling and neither is under the floor', () => {
    expect(sizeClass({ headcount: 300, revenueCny: 3 * M })).toBe('other');
    expect(sizeClass({ headcount: 20, revenueCny: 20 * M })).toBe('other');
  });

  it('rejects negative or fractional headcount and negative revenue', () => {
    expect(() => sizeClass({ headcount: -1, revenueCny: M })).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'headcount' }));
    expect(() => sizeClass({ headcount: 2.5, revenueCny: M })).toThrow(expect.objectContaining({ field: 'headcount' }));
    expect(() => sizeClass({ headcount: 10, revenueCny: -5 })).toThrow(expect.objectContaining({ field: 'revenueCny' }));
  });
});
