/**
 * The hazard lifecycle (隐患排查治理闭环), seed 001 Art. 16–18 and 16号令:
 *
 *   reported ─confirm→ confirmed ─fix_on_spot→ fixed_on_spot ─accept→ closed ─publish→ (published)
 *            └reject→ rejected   └plan_rectification→ under_rectification ─submit→ submitted_for_acceptance
 *                                                     ↑                                 ├accept→ closed
 *                                                     └───────────── send_back ─────────┘
 *
 * Major hazards (重大事故隐患) add: stop work on confirmation (Art. 17), a remediation plan owned by
 * the principal (16号令 Art. 15) before the five in place, no fixing on the spot, and the stop is
 * lifted only by acceptance. Pure: the service gathers the actor's facts and asks here.
 */

export const hazardStatuses = [
  'reported',
  'confirmed',
  'rejected',
  'fixed_on_spot',
  'under_rectification',
  'submitted_for_acceptance',
  'closed',
] as const;
export type HazardStatus = (typeof hazardStatuses)[number];

export const hazardGrades = ['general', 'major'] as const;
export type HazardGrade = (typeof hazardGrades)[number];

export const hazardActions = [
  'confirm',
  'reject',
  'fix_on_spot',
  'plan_remediation',
  'plan_rectification',
  'submit',
  'accept',
  'send_back',
  'publish',
] as const;
export type HazardAction = (typeof hazardActions)[number];

export type HazardRole = 'principal' | 'safety_manager' | 'dept_head' | 'team_leader' | 'worker' | 'consultant' | 'regulator';

/** What the service knows about the actor and the hazard when an action is asked for. */
export interface ActorFacts {
  role: HazardRole;
  /** Grade the hazard has (after confirmation) or is being confirmed with. */
  grade: HazardGrade | null;
  /** The actor reported the hazard (same user, or the same person). */
  isReporter: boolean;
  /** The actor is the head (role dept_head) of the reporter's department or a unit above it. */
  isReporterDeptHead: boolean;
  /** The hazard has no known reporter (anonymous): the confirmer's side accepts instead. */
  hasNoReporter: boolean;
  /** The actor is the rectification plan's owner. */
  isOwner: boolean;
  /** The actor did the rectification (fixed it on the spot, or is the owner who submitted it). */
  isRectifier: boolean;
  hasRemediationPlan: boolean;
  isPublished: boolean;
}

export type RefusalReason =
  | 'WRONG_STATE'
  | 'ROLE_NOT_ALLOWED'
  | 'NOT_OWNER'
  | 'RECTIFIER_CANNOT_ACCEPT'
  | 'NOT_REPORTER_SIDE'
  | 'MAJOR_NOT_ON_SPOT'
  | 'NOT_MAJOR'
  | 'REMEDIATION_PLAN_REQUIRED'
  | 'ALREADY_PUBLISHED';

export type TransitionResult = { ok: true; to: HazardStatus } | { ok: false; reason: RefusalReason; message: { 'zh-CN': string; 'en-US': string } };

const confirmerRoles: readonly HazardRole[] = ['safety_manager', 'principal', 'dept_head'];
const managerRoles: readonly HazardRole[] = ['safety_manager', 'principal'];

interface Rule {
  from: readonly HazardStatus[];
  to: (from: HazardStatus) => HazardStatus;
  /** Who may; returns a refusal or null. */
  check: (f: ActorFacts) => RefusalReason | null;
}

const reporterSide = (f: ActorFacts): RefusalReason | null => {
  // Seed 001 Art. 18 / DATA-MODEL invariant 7: never the person who did the rectification.
  if (f.isRectifier) return 'RECTIFIER_CANNOT_ACCEPT';
  if (f.isReporter || (f.isReporterDeptHead && f.role === 'dept_head')) return null;
  // Anonymous reports have no 提出人: the safety manager or principal accepts in their place.
  if (f.hasNoReporter && managerRoles.includes(f.role)) return null;
  return 'NOT_REPORTER_SIDE';
};

const byRoles = (roles: readonly HazardRole[]) => (f: ActorFacts) => (roles.includes(f.role) ? null : 'ROLE_NOT_ALLOWED');

/** The table of allowed transitions and who may do each. */
export const transitionTable: Readonly<Record<HazardAction, Rule>> = {
  confirm: { from: ['reported'], to: () => 'confirmed', check: byRoles(confirmerRoles) },
  reject: { from: ['reported'], to: () => 'rejected', check: byRoles(confirmerRoles) },
  fix_on_spot: {
    from: ['confirmed'],
    to: () => 'fixed_on_spot',
    check: (f) => (f.grade === 'major' ? 'MAJOR_NOT_ON_SPOT' : byRoles([...confirmerRoles, 'team_leader'])(f)),
  },
  // 16号令 Art. 15 / seed 001 Art. 17: the principal organises the major hazard's remediation plan.
  plan_remediation: {
    from: ['confirmed', 'under_rectification'],
    to: (from) => from,
    check: (f) => (f.grade !== 'major' ? 'NOT_MAJOR' : byRoles(['principal'])(f)),
  },
  plan_rectification: {
    from: ['confirmed'],
    to: () => 'under_rectification',
    check: (f) => byRoles(confirmerRoles)(f) ?? (f.grade === 'major' && !f.hasRemediationPlan ? 'REMEDIATION_PLAN_REQUIRED' : null),
  },
  submit: { from: ['under_rectification'], to: () => 'submitted_for_acceptance', check: (f) => (f.isOwner ? null : 'NOT_OWNER') },
  accept: { from: ['submitted_for_acceptance', 'fixed_on_spot'], to: () => 'closed', check: reporterSide },
  send_back: {
    from: ['submitted_for_acceptance', 'fixed_on_spot'],
    // A sent-back on-the-spot fix needs the five in place now; a sent-back rectification goes on.
    to: (from) => (from === 'fixed_on_spot' ? 'confirmed' : 'under_rectification'),
    check: reporterSide,
  },
  // Seed 001 Art. 18: 隐患治理完成后应进行公示.
  publish: { from: ['closed'], to: () => 'closed', check: (f) => (f.isPublished ? 'ALREADY_PUBLISHED' : byRoles(managerRoles)(f)) },
};

const messages: Record<RefusalReason, { 'zh-CN': string; 'en-US': string }> = {
  WRONG_STATE: { 'zh-CN': '隐患当前状态不允许此操作', 'en-US': 'The hazard is not in a state that allows this' },
  ROLE_NOT_ALLOWED: { 'zh-CN': '您的角色不能进行此操作', 'en-US': 'Your role may not do this' },
  NOT_OWNER: { 'zh-CN': '只有整改责任人可以提交整改完成', 'en-US': 'Only the rectification owner may report it done' },
  RECTIFIER_CANNOT_ACCEPT: { 'zh-CN': '整改人不能验收自己的整改（第十八条）', 'en-US': 'The rectifier may not accept their own rectification (Art. 18)' },
  NOT_REPORTER_SIDE: {
    'zh-CN': '验收应由隐患提出人或其所在部门负责人进行（第十八条）',
    'en-US': "Acceptance is by the reporter or the reporter's department head (Art. 18)",
  },
  MAJOR_NOT_ON_SPOT: { 'zh-CN': '重大事故隐患不能现场整改，须制定治理方案', 'en-US': 'A major hazard cannot be fixed on the spot; it needs a remediation plan' },
  NOT_MAJOR: { 'zh-CN': '只有重大事故隐患需要治理方案', 'en-US': 'Only a major hazard has a remediation plan' },
  REMEDIATION_PLAN_REQUIRED: {
    'zh-CN': '重大事故隐患须先由主要负责人制定治理方案',
    'en-US': 'A major hazard first needs the remediation plan of the principal',
  },
  ALREADY_PUBLISHED: { 'zh-CN': '该隐患已公示', 'en-US': 'The hazard is already published' },
};

/** May this actor do this action on a hazard in this state? Pure, with the reason when not. */
export function canTransition(state: HazardStatus, action: HazardAction, facts: ActorFacts): TransitionResult {
  const rule = transitionTable[action];
  if (!rule.from.includes(state)) return { ok: false, reason: 'WRONG_STATE', message: messages.WRONG_STATE };
  // A regulator only reads (tenant matrix); a consultant advises but does not decide for the enterprise.
  if (facts.role === 'regulator') return { ok: false, reason: 'ROLE_NOT_ALLOWED', message: messages.ROLE_NOT_ALLOWED };
  const refusal = rule.check(facts);
  if (refusal) return { ok: false, reason: refusal, message: messages[refusal] };
  return { ok: true, to: rule.to(state) };
}

export function isHazardStatus(value: string): value is HazardStatus {
  return (hazardStatuses as readonly string[]).includes(value);
}

/** Statuses after which nothing is owed (overdue never applies). */
export function isFinished(status: HazardStatus): boolean {
  return status === 'closed' || status === 'rejected';
}
