import { describe, expect, it } from 'vitest';
import { preworkCheckCodes, type PreworkCheckCode } from '../../reference/work-permit-rules.js';
import { effectivePermitStatus, mayTakeAction, type PermitFacts, startBlockers } from './work-permit.js';

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
const all = new Set<PreworkCheckCode>(preworkCheckCodes);

/** A 动火 permit 08:00–12:00 with two workers, everything done: it may start at 08:10. */
function ready(over: Partial<PermitFacts> = {}): PermitFacts {
  return {
    status: 'issued',
    workType: 'hot_work',
    windowStart: at('08:00'),
    windowEnd: at('12:00'),
    workerIds: ['zhang', 'li'],
    preworkTicks: new Map([
      ['zhang', all],
      ['li', all],
    ]),
    preworkSigned: new Set(['zhang', 'li']),
    isApproverSigned: true,
    gasReadings: [{ measuredAt: at('07:55'), isPass: true }],
    unconfirmedMeasures: [],
    missingCertificates: [],
    ...over,
  };
}
const kinds = (f: PermitFacts, now = at('08:10')) => startBlockers(f, now).map((b) => b.kind);

describe('work permit: when the work may start (一备三查)', () => {
  it('may start when every worker ticked all four and signed, the approver signed, the window is open and the gas reading is fresh', () => {
    expect(startBlockers(ready(), at('08:10'))).toEqual([]);
  });

  it('refuses while a worker has not signed (the second of two)', () => {
    expect(startBlockers(ready({ preworkSigned: new Set(['zhang']) }), at('08:10'))).toEqual([{ kind: 'worker_unsigned', personId: 'li' }]);
  });

  it('refuses while a check is missing, naming the checks', () => {
    const ticks = new Map([
      ['zhang', all],
      ['li', new Set<PreworkCheckCode>(['prepare', 'skills', 'surroundings'])],
    ]);
    expect(startBlockers(ready({ preworkTicks: ticks }), at('08:10'))).toEqual([{ kind: 'check_missing', personId: 'li', checks: ['tools'] }]);
    expect(startBlockers(ready({ preworkTicks: new Map([['zhang', all]]) }), at('08:10'))).toEqual([
      { kind: 'check_missing', personId: 'li', checks: ['prepare', 'skills', 'tools', 'surroundings'] },
    ]);
  });

  it('refuses without the approver', () => {
    expect(kinds(ready({ isApproverSigned: false }))).toEqual(['approver_unsigned']);
  });

  it('refuses while a safety measure is unconfirmed, or (once certificates are recorded) a worker lacks a required one', () => {
    expect(startBlockers(ready({ unconfirmedMeasures: [1] }), at('08:10'))).toEqual([{ kind: 'measure_unconfirmed', index: 1 }]);
    expect(kinds(ready({ missingCertificates: [{ personId: 'li', categories: ['welding_cutting'] }] }))).toEqual(['certificate_missing']);
  });

  it('refuses before the window and after it (expired at the end instant)', () => {
    expect(kinds(ready(), at('07:59'))).toEqual(['before_window']);
    expect(kinds(ready(), at('08:00'))).toEqual([]);
    expect(kinds(ready(), at('11:59'))).toEqual(['gas_reading_stale']);
    expect(kinds(ready({ gasReadings: [{ measuredAt: at('11:50'), isPass: true }] }), at('11:59'))).toEqual([]);
    expect(kinds(ready(), at('12:00'))).toEqual(['expired']);
  });

  it('for hot work and confined space: refuses without a gas reading, with a failed latest one, or one older than 30 minutes', () => {
    expect(kinds(ready({ gasReadings: [] }))).toEqual(['gas_reading_missing']);
    expect(kinds(ready({ workType: 'confined_space', gasReadings: [] }))).toEqual(['gas_reading_missing']);
    expect(kinds(ready({ gasReadings: [{ measuredAt: at('07:50'), isPass: true }, { measuredAt: at('08:05'), isPass: false }] }))).toEqual(['gas_reading_failed']);
    expect(kinds(ready({ gasReadings: [{ measuredAt: at('07:40'), isPass: true }] }), at('08:10'))).toEqual([]); // exactly 30 min
    expect(kinds(ready({ gasReadings: [{ measuredAt: at('07:39'), isPass: true }] }), at('08:10'))).toEqual(['gas_reading_stale']);
  });

  it('needs no gas reading for work at height or maintenance', () => {
    expect(kinds(ready({ workType: 'work_at_height', gasReadings: [] }))).toEqual([]);
    expect(kinds(ready({ workType: 'maintenance', gasReadings: [] }))).toEqual([]);
  });

  it('refuses a permit without workers, one already started, closed or cancelled', () => {
    expect(kinds(ready({ workerIds: [] }))).toEqual(['no_workers']);
    for (const status of ['in_progress', 'closed', 'cancelled'] as const) expect(kinds(ready({ status }))).toEqual(['wrong_status']);
  });

  it('lists every blocker at once, in the order a person fixes them', () => {
    const f = ready({ preworkTicks: new Map(), preworkSigned: new Set(), isApproverSigned: false, gasReadings: [] });
    expect(kinds(f, at('07:00'))).toEqual(['before_window', 'check_missing', 'check_missing', 'approver_unsigned', 'gas_reading_missing']);
  });
});

describe('work permit: status and actions', () => {
  it('shows an issued or running permit past its window as expired; closed and cancelled stay', () => {
    expect(effectivePermitStatus('in_progress', at('12:00'), at('11:59'))).toBe('in_progress');
    expect(effectivePermitStatus('in_progress', at('12:00'), at('12:00'))).toBe('expired');
    expect(effectivePermitStatus('issued', at('12:00'), at('13:00'))).toBe('expired');
    expect(effectivePermitStatus('closed', at('12:00'), at('13:00'))).toBe('closed');
  });

  it('closes only a started permit (expired included); cancels an issued or started one', () => {
    expect(mayTakeAction('close', 'expired', 'in_progress')).toBe(true);
    expect(mayTakeAction('close', 'issued', 'issued')).toBe(false);
    expect(mayTakeAction('cancel', 'issued', 'issued')).toBe(true);
    expect(mayTakeAction('cancel', 'closed', 'closed')).toBe(false);
    expect(mayTakeAction('start', 'issued', 'issued')).toBe(true);
    expect(mayTakeAction('start', 'expired', 'issued')).toBe(false);
  });
});
