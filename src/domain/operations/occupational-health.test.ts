import { describe, expect, it } from 'vitest';
import { exposureKindsOfCodes, isOverLimit, nextDeclarationDue, nextExamDue, nextInspectionDue } from './occupational-health.js';

describe('periodic inspection of special equipment', () => {
  it('takes the report date, else the cycle; a failed item is due at once', () => {
    expect(nextInspectionDue({ inspectedOn: '2025-11-20', result: 'pass', cycleMonths: 12, reportedNextDueOn: null })).toBe('2026-11-20');
    expect(nextInspectionDue({ inspectedOn: '2025-11-20', result: 'conditional', cycleMonths: 24, reportedNextDueOn: '2026-05-20' })).toBe('2026-05-20');
    expect(nextInspectionDue({ inspectedOn: '2025-11-20', result: 'fail', cycleMonths: 12, reportedNextDueOn: '2026-11-20' })).toBe('2025-11-20');
  });
});

describe('health examinations', () => {
  it('asks for none after leaving, a re-check in a month, else a year or the date given', () => {
    expect(nextExamDue({ kind: 'leaving', result: 'normal', examOn: '2026-01-10', givenNextDueOn: '2027-01-10' })).toBeNull();
    expect(nextExamDue({ kind: 'periodic', result: 'recheck', examOn: '2026-01-10', givenNextDueOn: null })).toBe('2026-02-10');
    expect(nextExamDue({ kind: 'pre_job', result: 'normal', examOn: '2026-01-10', givenNextDueOn: null })).toBe('2027-01-10');
    expect(nextExamDue({ kind: 'periodic', result: 'normal', examOn: '2026-01-10', givenNextDueOn: '2026-07-10' })).toBe('2026-07-10');
  });
});

describe('workplace readings and exposures', () => {
  it('is over the limit only above it', () => {
    expect(isOverLimit(85, 85)).toBe(false);
    expect(isOverLimit(85.1, 85)).toBe(true);
  });
  it('derives exposure kinds from hazard factor codes', () => {
    expect(exposureKindsOfCodes(['2101', '210401', '2201'])).toEqual(['noise', 'chemical']);
    expect(exposureKindsOfCodes(['2110', '2110'])).toEqual(['heat']);
    expect(exposureKindsOfCodes(['1101'])).toEqual([]);
  });
});

describe('职业病危害项目申报', () => {
  it('is updated a year after the latest declaration, 29 February falling on 28 February', () => {
    expect(nextDeclarationDue('2026-03-15')).toBe('2027-03-15');
    expect(nextDeclarationDue('2028-02-29')).toBe('2029-02-28');
  });
});
