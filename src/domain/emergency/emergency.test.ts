import { describe, expect, it } from 'vitest';
import { planContentKeys } from '../../reference/emergency-plans';
import { approve, nextDraftNumber, withdraw } from '../approval/versioned-approval';
import { cadenceRequirements } from './drill-cadence';
import { missingPlanContents, type PlanContents } from './plan-contents';
import { addYears, localDateOf, supplyState } from './supply-state';

const complete: PlanContents = {
  potentialEmergencies: '喷漆房火灾',
  responseDuties: '车间主任组织疏散',
  commanderPersonId: null,
  commander: '当班班长',
  alarmAndHelp: '拨打119，按下手动报警按钮',
  onSiteCommunication: '对讲机1频道',
  specialRoles: '现场工作负责人：切断电源',
  externalContacts: [{ name: '县消防救援大队', phone: '119' }],
  supplyIds: [],
  resources: '灭火器 8 具',
};

describe('missingPlanContents (seed 000 三(五)3, eight contents)', () => {
  it('accepts a plan holding all eight', () => {
    expect(missingPlanContents(complete)).toEqual([]);
  });
  it.each([
    ['potentialEmergencies', { potentialEmergencies: '  ' }],
    ['responseDuties', { responseDuties: '' }],
    ['commander', { commander: '', commanderPersonId: null }],
    ['alarmAndHelp', { alarmAndHelp: '' }],
    ['onSiteCommunication', { onSiteCommunication: '' }],
    ['specialRoles', { specialRoles: '' }],
    ['externalContacts', { externalContacts: [] as { name: string; phone: string }[] }],
    ['resources', { resources: '', supplyIds: [] }],
  ] as [string, Partial<PlanContents>][])('names %s when it is missing, and only it', (key, patch) => {
    expect(missingPlanContents({ ...complete, ...patch })).toEqual([key]);
  });
  it('counts a named commander or a linked supply as present', () => {
    expect(missingPlanContents({ ...complete, commander: '', commanderPersonId: 'p1' })).toEqual([]);
    expect(missingPlanContents({ ...complete, resources: '', supplyIds: ['s1'] })).toEqual([]);
  });
  it('refuses an external contact without a usable phone number', () => {
    expect(missingPlanContents({ ...complete, externalContacts: [{ name: '医院', phone: '' }] })).toEqual(['externalContacts']);
    expect(missingPlanContents({ ...complete, externalContacts: [{ name: '医院', phone: '12' }] })).toEqual(['externalContacts']);
    expect(missingPlanContents({ ...complete, externalContacts: [{ name: '医院', phone: '120' }] })).toEqual([]);
  });
  it('lists every missing content in the order of the seed', () => {
    const empty: PlanContents = { potentialEmergencies: '', responseDuties: '', commanderPersonId: null, commander: '', alarmAndHelp: '', onSiteCommunication: '', specialRoles: '', externalContacts: [], supplyIds: [], resources: '' };
    expect(missingPlanContents(empty)).toEqual([...planContentKeys]);
  });
});

describe('versioned approval', () => {
  it('approves a draft and supersedes the version in force', () => {
    expect(approve([{ id: 'a', versionNo: 1, status: 'approved' }, { id: 'b', versionNo: 2, status: 'draft' }], 'b')).toEqual({
      ok: true,
      changes: [{ id: 'a', to: 'superseded' }, { id: 'b', to: 'approved' }],
    });
    expect(approve([{ id: 'a', versionNo: 1, status: 'approved' }], 'a')).toEqual({ ok: false, reason: 'not_draft' });
  });
  it('opens one draft at a time, numbered after the last version', () => {
    expect(nextDraftNumber([])).toEqual({ ok: true, versionNo: 1 });
    expect(nextDraftNumber([{ id: 'a', versionNo: 1, status: 'superseded' }, { id: 'b', versionNo: 2, status: 'approved' }])).toEqual({ ok: true, versionNo: 3 });
    expect(nextDraftNumber([{ id: 'b', versionNo: 2, status: 'draft' }])).toEqual({ ok: false, reason: 'draft_exists' });
    expect(nextDraftNumber([{ id: 'b', versionNo: 2, status: 'obsolete' }])).toEqual({ ok: false, reason: 'already_obsolete' });
  });
  it('withdraws the live versions and keeps the rest', () => {
    expect(withdraw([{ id: 'a', versionNo: 1, status: 'superseded' }, { id: 'b', versionNo: 2, status: 'approved' }])).toEqual({ ok: true, changes: [{ id: 'b', to: 'obsolete' }] });
    expect(withdraw([{ id: 'b', versionNo: 2, status: 'obsolete' }])).toEqual({ ok: false, reason: 'already_obsolete' });
  });
});

describe('cadenceRequirements (defaults: 1 comprehensive/special a year, on-site every half-year)', () => {
  const cadence = { comprehensiveOrSpecialPerYear: 1, onsiteEveryMonths: 6 };
  it('asks for the year and the half-year containing today, due on their last day', () => {
    expect(cadenceRequirements(cadence, [], '2026-06-30')).toEqual([
      { rule: 'comprehensiveOrSpecial', periodStart: '2026-01-01', dueOn: '2026-12-31', required: 1, held: 0, isMet: false },
      { rule: 'onsite', periodStart: '2026-01-01', dueOn: '2026-06-30', required: 1, held: 0, isMet: false },
    ]);
    expect(cadenceRequirements(cadence, [], '2026-07-01')[1]).toMatchObject({ periodStart: '2026-07-01', dueOn: '2026-12-31' });
  });
  it('counts drills held inside the period only, by kind', () => {
    const drills = [
      { kind: 'onsite' as const, heldOn: '2026-06-30' },
      { kind: 'special' as const, heldOn: '2025-12-31' },
      { kind: 'onsite' as const, heldOn: '2026-07-01' },
    ];
    const h1 = cadenceRequirements(cadence, drills, '2026-03-01');
    expect(h1[0]).toMatchObject({ held: 0, isMet: false });
    expect(h1[1]).toMatchObject({ held: 1, isMet: true });
    expect(cadenceRequirements(cadence, drills, '2026-12-31')[1]).toMatchObject({ held: 1, isMet: true });
    expect(cadenceRequirements({ ...cadence, comprehensiveOrSpecialPerYear: 2 }, [{ kind: 'comprehensive', heldOn: '2026-02-01' }], '2026-05-01')[0]).toMatchObject({ held: 1, isMet: false });
  });
  it('follows the enterprise setting: quarterly on-site drills, no yearly requirement', () => {
    expect(cadenceRequirements({ comprehensiveOrSpecialPerYear: 0, onsiteEveryMonths: 3 }, [], '2026-02-29'.replace('29', '28'))).toEqual([
      { rule: 'onsite', periodStart: '2026-01-01', dueOn: '2026-03-31', required: 1, held: 0, isMet: false },
    ]);
    expect(cadenceRequirements({ comprehensiveOrSpecialPerYear: 0, onsiteEveryMonths: 3 }, [], '2028-01-15')[0]?.dueOn).toBe('2028-03-31');
    expect(cadenceRequirements({ comprehensiveOrSpecialPerYear: 0, onsiteEveryMonths: 2 }, [], '2028-02-15')[0]?.dueOn).toBe('2028-02-29');
  });
});

describe('supplyState', () => {
  it('is expired the day after its expiry date, not on it', () => {
    expect(supplyState({ quantity: 5, minQuantity: 5, expiresOn: '2026-12-01' }, '2026-12-01')).toEqual({ isExpired: false, isExpiringSoon: true, isShort: false });
    expect(supplyState({ quantity: 5, minQuantity: 5, expiresOn: '2026-12-01' }, '2026-12-02')).toEqual({ isExpired: true, isExpiringSoon: false, isShort: false });
  });
  it('warns 30 days ahead and not 31', () => {
    expect(supplyState({ quantity: 1, minQuantity: 1, expiresOn: '2026-12-31' }, '2026-12-01').isExpiringSoon).toBe(true);
    expect(supplyState({ quantity: 1, minQuantity: 1, expiresOn: '2027-01-01' }, '2026-12-01').isExpiringSoon).toBe(false);
  });
  it('is short below the minimum, never at it; a supply without expiry never expires', () => {
    expect(supplyState({ quantity: 3, minQuantity: 4, expiresOn: null }, '2099-01-01')).toEqual({ isExpired: false, isExpiringSoon: false, isShort: true });
    expect(supplyState({ quantity: 4, minQuantity: 4, expiresOn: null }, '2026-01-01').isShort).toBe(false);
  });
});

describe('dates', () => {
  it('adds review years, 29 February falling to 28 February', () => {
    expect(addYears('2026-12-01', 3)).toBe('2029-12-01');
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });
  it("reads the enterprise's calendar date, not UTC's", () => {
    expect(localDateOf(new Date('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-01');
  });
});
