import { describe, expect, it } from 'vitest';
import { evaluateRisk, type RiskEvaluationInput } from './evaluate';

describe('evaluateRisk', () => {
  it('dispatches LEC with its profile', () => {
    expect(evaluateRisk({ method: 'LEC', L: 6, E: 3, C: 7 })).toMatchObject({ method: 'LEC', score: 126, level: 'general', profile: 'lec-common' });
    expect(evaluateRisk({ method: 'LEC', L: 6, E: 3, C: 7, profile: 'lec-variant-b' })).toMatchObject({ level: 'significant', profile: 'lec-variant-b' });
  });

  it('dispatches LS with its profile', () => {
    expect(evaluateRisk({ method: 'LS', L: 3, S: 3 })).toMatchObject({ method: 'LS', score: 9, level: 'general' });
    expect(evaluateRisk({ method: 'LS', L: 3, S: 3, profile: 'ls-variant-b' })).toMatchObject({ level: 'significant' });
  });

  it('dispatches DIRECT', () => {
    const result = evaluateRisk({
      method: 'DIRECT',
      deaths: 0,
      seriousInjuries: 0,
      majorPropertyLoss: false,
      legalViolation: false,
      minorInjuryAccidents: 1,
      majorHazardInstallation: false,
      hazardPlace: null,
      peopleAtOnce: 0,
    });
    expect(result).toMatchObject({ method: 'DIRECT', level: 'significant' });
  });

  it('rejects an unknown method', () => {
    const input = { method: 'HAZOP' } as unknown as RiskEvaluationInput;
    expect(() => evaluateRisk(input)).toThrow(expect.objectContaining({ code: 'UNKNOWN_METHOD', field: 'method' }));
  });
});
