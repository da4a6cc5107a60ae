import { describe, expect, it } from 'vitest';
import { certificateState, certificateStateSpan } from './training-status.js';

const day = (n: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

describe('certificateStateSpan', () => {
  it('the state holds on every day of the span and changes on the days just outside it', () => {
    const certificates = [
      { expiresOn: day(200), reviewDueOn: day(20) },
      { expiresOn: day(10), reviewDueOn: null },
      { expiresOn: null, reviewDueOn: day(95) },
      { expiresOn: day(30), reviewDueOn: day(300) },
      { expiresOn: null, reviewDueOn: null },
    ];
    let turns = 0;
    for (const cert of certificates) {
      for (let t = -150; t < 450; t += 1) {
        const span = certificateStateSpan(cert, day(t));
        expect(span.state).toBe(certificateState(cert, day(t)));
        if (span.from !== null) expect(certificateState(cert, span.from)).toBe(span.state);
        if (span.until !== null) {
          const last = new Date(Date.parse(`${span.until}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
          expect(certificateState(cert, last)).toBe(span.state);
          expect(span.until > day(t)).toBe(true);
        }
        // The day before `from` is another span: a state turns there, or the span is only a boundary.
        if (span.from !== null && certificateState(cert, new Date(Date.parse(`${span.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)) !== span.state) turns++;
      }
      // Every day between from and until has the state.
      const span = certificateStateSpan(cert, day(0));
      for (let t = -400; t < 600; t++) {
        const d = day(t);
        if ((span.from === null || d >= span.from) && (span.until === null || d < span.until)) expect(certificateState(cert, d), d).toBe(span.state);
      }
    }
    expect(turns).toBeGreaterThan(0);
    expect(certificateStateSpan({ expiresOn: null, reviewDueOn: null }, day(0))).toEqual({ state: 'valid', from: null, until: null });
  });
});
