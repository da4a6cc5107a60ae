import { describe, expect, it } from 'vitest';
import {
  type ActorFacts,
  canTransition,
  type HazardAction,
  hazardActions,
  type HazardRole,
  type HazardStatus,
  hazardStatuses,
} from './hazard-lifecycle';

const roles: HazardRole[] = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker', 'consultant', 'regulator'];

const facts = (over: Partial<ActorFacts> = {}): ActorFacts => ({
  role: 'worker',
  grade: 'general',
  isReporter: false,
  isReporterDeptHead: false,
  hasNoReporter: false,
  isOwner: false,
  isRectifier: false,
  hasRemediationPlan: false,
  isPublished: false,
  ...over,
});

/** The specification, written out independently of the table: [from, action, to, roles allowed, extra facts]. */
const allowed: Array<[HazardStatus, HazardAction, HazardStatus, HazardRole[], Partial<ActorFacts>]> = [
  ['reported', 'confirm', 'confirmed', ['safety_manager', 'principal', 'dept_head'], {}],
  ['reported', 'reject', 'rejected', ['safety_manager', 'principal', 'dept_head'], {}],
  ['confirmed', 'fix_on_spot', 'fixed_on_spot', ['safety_manager', 'principal', 'dept_head', 'team_leader'], { grade: 'general' }],
  ['confirmed', 'plan_rectification', 'under_rectification', ['safety_manager', 'principal', 'dept_head'], { grade: 'general' }],
  ['confirmed', 'plan_rectification', 'under_rectification', ['safety_manager', 'principal', 'dept_head'], { grade: 'major', hasRemediationPlan: true }],
  ['confirmed', 'plan_remediation', 'confirmed', ['principal'], { grade: 'major' }],
  ['under_rectification', 'plan_remediation', 'under_rectification', ['principal'], { grade: 'major' }],
  ['under_rectification', 'submit', 'submitted_for_acceptance', roles.filter((r) => r !== 'regulator'), { isOwner: true }],
  ['submitted_for_acceptance', 'accept', 'closed', roles.filter((r) => r !== 'regulator'), { isReporter: true }],
  ['submitted_for_acceptance', 'accept', 'closed', ['dept_head'], { isReporterDeptHead: true }],
  ['submitted_for_acceptance', 'accept', 'closed', ['safety_manager', 'principal'], { hasNoReporter: true }],
  ['fixed_on_spot', 'accept', 'closed', roles.filter((r) => r !== 'regulator'), { isReporter: true }],
  ['submitted_for_acceptance', 'send_back', 'under_rectification', roles.filter((r) => r !== 'regulator'), { isReporter: true }],
  ['fixed_on_spot', 'send_back', 'confirmed', ['dept_head'], { isReporterDeptHead: true }],
  ['closed', 'publish', 'closed', ['safety_manager', 'principal'], {}],
];

describe('canTransition: every allowed transition, by role', () => {
  for (const [from, action, to, okRoles, extra] of allowed) {
    for (const role of roles) {
      const expected = okRoles.includes(role);
      it(`${expected ? 'lets' : 'refuses'} ${role} ${action} a ${extra.grade ?? 'general'} hazard in ${from} ${JSON.stringify(extra)}`, () => {
        const result = canTransition(from, action, facts({ role, ...extra }));
        if (expected) expect(result).toEqual({ ok: true, to });
        else expect(result.ok).toBe(false);
      });
    }
  }
});

describe('canTransition: every action from every state it does not start from', () => {
  const startsFrom = new Map<HazardAction, Set<HazardStatus>>();
  for (const [from, action] of allowed) startsFrom.set(action, (startsFrom.get(action) ?? new Set()).add(from));
  for (const action of hazardActions) {
    for (const state of hazardStatuses) {
      if (startsFrom.get(action)?.has(state)) continue;
      it(`refuses ${action} from ${state} for every role (WRONG_STATE)`, () => {
        for (const role of roles) {
          // The most favourable facts: still refused because of the state.
          const all = facts({ role, isReporter: true, isOwner: true, isReporterDeptHead: true, hasRemediationPlan: true, grade: 'major' });
          const r = canTransition(state, action, all);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.reason).toBe('WRONG_STATE');
        }
      });
    }
  }
});

describe('canTransition: the rules of Art. 17–18', () => {
  it('never lets the rectifier accept, even as the reporter or the department head', () => {
    for (const role of roles) {
      const r = canTransition('submitted_for_acceptance', 'accept', facts({ role, isReporter: true, isReporterDeptHead: true, isRectifier: true }));
      expect(r).toMatchObject({ ok: false, reason: role === 'regulator' ? 'ROLE_NOT_ALLOWED' : 'RECTIFIER_CANNOT_ACCEPT' });
    }
    expect(canTransition('fixed_on_spot', 'accept', facts({ role: 'safety_manager', hasNoReporter: true, isRectifier: true }))).toMatchObject({
      reason: 'RECTIFIER_CANNOT_ACCEPT',
    });
  });

  it('refuses acceptance by anyone outside the reporter side', () => {
    for (const role of roles) {
      const r = canTransition('submitted_for_acceptance', 'accept', facts({ role }));
      expect(r.ok).toBe(false);
    }
    expect(canTransition('submitted_for_acceptance', 'accept', facts({ role: 'principal' }))).toMatchObject({ reason: 'NOT_REPORTER_SIDE' });
  });

  it('refuses fixing a major hazard on the spot', () => {
    expect(canTransition('confirmed', 'fix_on_spot', facts({ role: 'principal', grade: 'major' }))).toMatchObject({ ok: false, reason: 'MAJOR_NOT_ON_SPOT' });
  });

  it('requires the remediation plan before a major hazard is put under rectification', () => {
    expect(canTransition('confirmed', 'plan_rectification', facts({ role: 'principal', grade: 'major' }))).toMatchObject({
      ok: false,
      reason: 'REMEDIATION_PLAN_REQUIRED',
    });
  });

  it('has no remediation plan for a general hazard', () => {
    expect(canTransition('confirmed', 'plan_remediation', facts({ role: 'principal', grade: 'general' }))).toMatchObject({ reason: 'NOT_MAJOR' });
  });

  it('lets only the owner report the rectification done', () => {
    expect(canTransition('under_rectification', 'submit', facts({ role: 'principal' }))).toMatchObject({ reason: 'NOT_OWNER' });
  });

  it('publishes once', () => {
    expect(canTransition('closed', 'publish', facts({ role: 'principal', isPublished: true }))).toMatchObject({ reason: 'ALREADY_PUBLISHED' });
  });

  it('gives every refusal a message in both languages', () => {
    const r = canTransition('reported', 'confirm', facts({ role: 'worker' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message['zh-CN']).toMatch(/角色/);
      expect(r.message['en-US']).toMatch(/role/);
    }
  });
});
