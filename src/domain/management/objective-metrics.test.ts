import { describe, expect, it } from 'vitest';
import { elapsedShare, type IndicatorFigures, metricDefinitions, metricValue, objectiveMetrics, objectiveState } from './objective-metrics.js';

// A known data set: 8 of 10 hazards closed on time, 2 open major hazards, 45 of 50 tasks done,
// 9 of 12 people meeting their hours, 10 of 11 certificates usable, 1 accident, 1 drill held.
const figures: IndicatorFigures = {
  hazards: { onTimeRectificationRate: 0.8, openMajor: 2 },
  inspections: { completionRate: 0.9 },
  training: { complianceRate: 0.75, certificates: 11, certificatesValid: 10 },
  accidents: { accidents: 1 },
  emergency: { drillsHeld: 1 },
};

describe('metricValue', () => {
  it('reads every metric from the indicator figures', () => {
    expect(metricValue('hazard_closure_on_time', figures)).toBe(80);
    expect(metricValue('inspection_completion', figures)).toBe(90);
    expect(metricValue('training_compliance', figures)).toBe(75);
    expect(metricValue('open_major_hazards', figures)).toBe(2);
    expect(metricValue('accidents', figures)).toBe(1);
    expect(metricValue('drills_held', figures)).toBe(1);
    expect(metricValue('certificates_valid', figures)).toBe(90.9);
  });
  it('has nothing to measure when a rate has no denominator', () => {
    const empty: IndicatorFigures = {
      hazards: { onTimeRectificationRate: null, openMajor: 0 },
      inspections: { completionRate: null },
      training: { complianceRate: null, certificates: 0, certificatesValid: 0 },
      accidents: { accidents: 0 },
      emergency: { drillsHeld: 0 },
    };
    expect(metricValue('hazard_closure_on_time', empty)).toBeNull();
    expect(metricValue('inspection_completion', empty)).toBeNull();
    expect(metricValue('training_compliance', empty)).toBeNull();
    expect(metricValue('certificates_valid', empty)).toBeNull();
    expect(metricValue('open_major_hazards', empty)).toBe(0);
  });
  it('every metric names its unit and its source in both languages', () => {
    for (const m of objectiveMetrics) {
      expect(metricDefinitions[m].source['zh-CN']).not.toBe('');
      expect(metricDefinitions[m].source['en-US']).not.toBe('');
    }
  });
});

describe('elapsedShare', () => {
  it('is 0 before, the share of days inside, 1 after the period', () => {
    expect(elapsedShare('2026-01-01', '2026-12-31', '2025-12-31')).toBe(0);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-01-01')).toBeCloseTo(1 / 365);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-07-02')).toBeCloseTo(183 / 365);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-12-31')).toBe(1);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2027-03-01')).toBe(1);
  });
});

describe('objectiveState', () => {
  it('a rate at or above its target is met, below it slips', () => {
    expect(objectiveState({ comparison: 'gte', target: 90, value: 90, cumulative: false, elapsed: 0.5 })).toBe('met');
    expect(objectiveState({ comparison: 'gte', target: 90, value: 89.9, cumulative: false, elapsed: 0.5 })).toBe('slipping');
  });
  it('a cumulative count keeps pace with the elapsed share of the period', () => {
    // 4 drills a year: by mid-year 2 are due.
    expect(objectiveState({ comparison: 'gte', target: 4, value: 2, cumulative: true, elapsed: 0.5 })).toBe('on_track');
    expect(objectiveState({ comparison: 'gte', target: 4, value: 1, cumulative: true, elapsed: 0.5 })).toBe('slipping');
    expect(objectiveState({ comparison: 'gte', target: 4, value: 3, cumulative: true, elapsed: 1 })).toBe('slipping');
  });
  it('an upper limit slips once exceeded and is met when the period ends within it', () => {
    expect(objectiveState({ comparison: 'lte', target: 0, value: 0, cumulative: true, elapsed: 0.4 })).toBe('on_track');
    expect(objectiveState({ comparison: 'lte', target: 0, value: 1, cumulative: true, elapsed: 0.4 })).toBe('slipping');
    expect(objectiveState({ comparison: 'lte', target: 0, value: 0, cumulative: true, elapsed: 1 })).toBe('met');
  });
  it('no value, no judgement', () => {
    expect(objectiveState({ comparison: 'gte', target: 90, value: null, cumulative: false, elapsed: 0.5 })).toBe('no_data');
  });
});
