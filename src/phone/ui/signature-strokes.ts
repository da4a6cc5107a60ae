export interface Point {
  x: number;
  y: number;
}

/** Total length of the strokes drawn, in CSS px: a tap or a stray dot is not a signature. */
export function inkedLength(strokes: readonly (readonly Point[])[]): number {
  let total = 0;
  for (const s of strokes) {
    for (let i = 1; i < s.length; i++) {
      const a = s[i - 1] as Point;
      const b = s[i] as Point;
      total += Math.hypot(b.x - a.x, b.y - a.y);
    }
  }
  return total;
}
