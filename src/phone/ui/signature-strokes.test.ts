import { describe, expect, it } from 'vitest';
import { inkedLength } from './signature-strokes';

describe('inkedLength', () => {
  it('adds up the length of every stroke and ignores taps (one-point strokes)', () => {
    expect(inkedLength([])).toBe(0);
    expect(inkedLength([[{ x: 5, y: 5 }]])).toBe(0);
    expect(inkedLength([[{ x: 0, y: 0 }, { x: 3, y: 4 }], [{ x: 10, y: 10 }, { x: 10, y: 20 }, { x: 20, y: 20 }]])).toBe(25);
  });
});
