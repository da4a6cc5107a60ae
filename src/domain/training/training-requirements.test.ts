import { describe, expect, it } from 'vitest';
import { type PersonTrainingFacts, trainingRequirements } from './training-requirements.js';
import { certificateReminderStep, certificateState, isCertificateUsable, personTrainingStatus, requirementProgress } from './training-status.js';

const worker = (over: Partial<PersonTrainingFacts> = {}): PersonTrainingFacts => ({
  isManagement: false,
  industryScope: 'general',
  hireDate: '2020-03-01',
  postChanges: [],
  specialOperations: [],
  isOnKeyRiskPost: false,
  hasNewProcessOrEquipment: false,
  isContractorManager: false,
  year: 2026,
  ...over,
});
const byId = (facts: PersonTrainingFacts) => new Map(trainingRequirements(facts).map((r) => [r.id, r]));

describe('trainingRequirements', () => {
  it('gives a principal or safety manager 32 h initial and 12 h yearly in a general industry (3号令 第九条)', () => {
    const r = byId(worker({ isManagement: true }));
    expect(r.get('management_initial')).toMatchObject({ hours: 32, dueBy: '2020-09-01', basis: { article: '第九条' } });
    expect(r.get('management_yearly')).toMatchObject({ hours: 12, dueBy: '2026-12-31' });
    expect(r.has('three_level')).toBe(false);
  });

  it('gives 48 h initial and 16 h yearly where the enterprise does 金属冶炼 (high-risk)', () => {
    const r = byId(worker({ isManagement: true, industryScope: 'high_risk' }));
    expect(r.get('management_initial')?.hours).toBe(48);
    expect(r.get('management_yearly')?.hours).toBe(16);
  });

  it('gives a new worker the three levels with 24 h before taking up the post (第十二条、第十三条), 72 h when high-risk', () => {
    const general = byId(worker({ hireDate: '2026-05-10' })).get('three_level');
    expect(general).toMatchObject({ hours: 24, dueBy: '2026-05-10', levels: ['company', 'workshop', 'team'] });
    expect(byId(worker({ hireDate: '2026-05-10', industryScope: 'high_risk' })).get('three_level')?.hours).toBe(72);
  });

  it('asks yearly re-training only of people in post before 1 January: 8 h general, 20 h high-risk', () => {
    expect(byId(worker({ hireDate: '2025-12-31' })).get('yearly')?.hours).toBe(8);
    expect(byId(worker({ hireDate: '2026-01-01' })).has('yearly')).toBe(false);
    expect(byId(worker({ hireDate: null })).get('yearly')?.hours).toBe(8);
    expect(byId(worker({ industryScope: 'high_risk' })).get('yearly')?.hours).toBe(20);
    expect(byId(worker({ isManagement: true, hireDate: '2026-02-01' })).has('management_yearly')).toBe(false);
  });

  it('asks workshop and team induction again after a transfer, and after a return from one year away or more (inclusive)', () => {
    const transfer = byId(worker({ postChanges: [{ date: '2026-06-01', kind: 'transfer' }] })).get('reassignment:2026-06-01');
    expect(transfer).toMatchObject({ levels: ['workshop', 'team'], dueBy: '2026-06-01' });
    expect(byId(worker({ postChanges: [{ date: '2026-06-01', kind: 'return_after_absence', absenceDays: 364 }] })).has('reassignment:2026-06-01')).toBe(false);
    expect(byId(worker({ postChanges: [{ date: '2026-06-01', kind: 'return_after_absence', absenceDays: 365 }] })).has('reassignment:2026-06-01')).toBe(true);
    expect(byId(worker({ postChanges: [{ date: '2025-06-01', kind: 'transfer' }] })).has('reassignment:2025-06-01')).toBe(false);
  });

  it('asks a certificate per special operation and names the seed 000 groups without inventing hours', () => {
    const r = byId(worker({ specialOperations: ['electrical'], isOnKeyRiskPost: true, isContractorManager: true, hasNewProcessOrEquipment: true }));
    expect(r.get('certificate:electrical')).toMatchObject({ certificateCode: 'electrical', hours: null });
    for (const id of ['targeted:key_risk_post', 'targeted:new_process', 'targeted:contractor_manager'] as const) {
      expect(r.get(id)).toMatchObject({ hours: null, basis: { status: 'not-from-law' } });
    }
  });
});

describe('requirementProgress', () => {
  const threeLevel = byId(worker({ hireDate: '2026-05-10' })).get('three_level');
  const yearly = byId(worker()).get('yearly');
  if (!threeLevel || !yearly) throw new Error('rules missing');

  it('closes the three-level induction only when all levels are attended and the hours reach 24', () => {
    const company = { kind: 'three_level_company' as const, heldOn: '2026-05-08', hours: 8 };
    const workshop = { kind: 'three_level_workshop' as const, heldOn: '2026-05-09', hours: 8 };
    const team = { kind: 'three_level_team' as const, heldOn: '2026-05-09', hours: 8 };
    expect(requirementProgress(threeLevel, [company, workshop], [], '2026-05-09', 2026)).toMatchObject({ state: 'open', missingLevels: ['team'], gapHours: 8 });
    expect(requirementProgress(threeLevel, [company, workshop], [], '2026-05-11', 2026).state).toBe('overdue');
    expect(requirementProgress(threeLevel, [company, workshop, { ...team, hours: 7.5 }], [], '2026-05-09', 2026)).toMatchObject({ state: 'open', gapHours: 0.5, missingLevels: [] });
    expect(requirementProgress(threeLevel, [company, workshop, team], [], '2026-05-20', 2026)).toMatchObject({ state: 'met', creditedHours: 24 });
  });

  it('counts only the year\'s sessions toward yearly re-training', () => {
    const last = { kind: 'yearly' as const, heldOn: '2025-12-31', hours: 8 };
    const now = { kind: 'yearly' as const, heldOn: '2026-01-01', hours: 8 };
    expect(requirementProgress(yearly, [last], [], '2026-06-01', 2026)).toMatchObject({ state: 'open', creditedHours: 0, gapHours: 8 });
    expect(requirementProgress(yearly, [last, now], [], '2026-06-01', 2026)).toMatchObject({ state: 'met', creditedHours: 8 });
    expect(requirementProgress(yearly, [], [], '2027-01-01', 2026).state).toBe('overdue');
  });

  it('meets a certificate requirement only with a usable certificate of that operation', () => {
    const req = byId(worker({ specialOperations: ['electrical'] })).get('certificate:electrical');
    if (!req) throw new Error('missing');
    const cert = { operationCode: 'electrical', expiresOn: '2027-01-01', reviewDueOn: null };
    expect(requirementProgress(req, [], [cert], '2027-01-01', 2026).state).toBe('met');
    expect(requirementProgress(req, [], [cert], '2027-01-02', 2026).state).toBe('overdue');
    expect(requirementProgress(req, [], [{ ...cert, operationCode: 'welding_cutting' }], '2026-06-01', 2026).state).toBe('overdue');
  });
});

describe('certificates', () => {
  it('is expired the day after its expiry date and usable on it', () => {
    expect(certificateState({ expiresOn: '2026-12-31', reviewDueOn: null }, '2026-12-31')).toBe('expiring');
    expect(isCertificateUsable({ expiresOn: '2026-12-31', reviewDueOn: null }, '2026-12-31')).toBe(true);
    expect(certificateState({ expiresOn: '2026-12-31', reviewDueOn: null }, '2027-01-01')).toBe('expired');
  });

  it('reminds 90 and then 30 days ahead', () => {
    expect(certificateState({ expiresOn: '2027-04-01', reviewDueOn: null }, '2027-01-01')).toBe('expiring'); // 90 days
    expect(certificateState({ expiresOn: '2027-04-02', reviewDueOn: null }, '2027-01-01')).toBe('valid'); // 91 days
    expect(certificateReminderStep('2027-04-01', '2027-01-01')).toBe(90);
    expect(certificateReminderStep('2027-04-02', '2027-01-01')).toBeNull();
    expect(certificateReminderStep('2027-01-31', '2027-01-01')).toBe(30);
    expect(certificateReminderStep('2026-12-31', '2027-01-01')).toBe(0);
  });

  it('blocks work when the 复审 is overdue even though the certificate has not expired', () => {
    const cert = { expiresOn: '2030-01-01', reviewDueOn: '2027-01-01' };
    expect(certificateState(cert, '2026-12-01')).toBe('review_due');
    expect(isCertificateUsable(cert, '2027-01-02')).toBe(false);
  });
});

describe('personTrainingStatus', () => {
  const p = (state: 'met' | 'open' | 'overdue') => ({ requirementId: 'x', creditedHours: 0, requiredHours: 8, gapHours: 0, missingLevels: [], state });
  it('is red on anything overdue or an unusable certificate, amber on open items or reminders, else green', () => {
    expect(personTrainingStatus([p('met'), p('overdue')], [])).toBe('red');
    expect(personTrainingStatus([p('met')], ['expired'])).toBe('red');
    expect(personTrainingStatus([p('open')], ['valid'])).toBe('amber');
    expect(personTrainingStatus([p('met')], ['expiring'])).toBe('amber');
    expect(personTrainingStatus([p('met')], ['valid'])).toBe('green');
  });
});
