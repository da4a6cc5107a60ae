/*
 * Nonconformities and corrective/preventive actions (不符合、纠正和预防措施, seed 000 五(一)): one kind
 * of record for every source (audit findings, management reviews, monitoring, drill reviews,
 * accidents and near misses, self-assessment deductions, inspections). Pure rules, no I/O.
 *
 *   raised ──analysis + action──▶ planned ──risk check──▶ implementing ──all actions done──▶ verifying
 *      ▲                             ▲                                                          │
 *      │                             └──── new action (next round) ◀── ineffective ◀──check─────┤
 *      └ (analysis can be revised until the record is effective)          effective ◀──check───┘
 *
 * The seed's two demands the machine keeps: the actions' own risks are judged before they are
 * implemented ("通过实施前的风险评价，判定措施实施带来的各种风险"), and their effect is checked
 * afterwards ("对纠正、预防措施的有效性进行跟踪检查") — after a set number of days, by a person who
 * neither owns the record nor any of its actions (product rule: no one checks their own work).
 */

export const capaSourceKinds = ['audit_finding', 'management_review', 'monitoring', 'drill_review', 'accident', 'self_assessment', 'inspection', 'compliance_evaluation', 'initial_review', 'other'] as const;
export type CapaSourceKind = (typeof capaSourceKinds)[number];

export const capaStatuses = ['raised', 'planned', 'implementing', 'verifying', 'ineffective', 'effective'] as const;
export type CapaStatus = (typeof capaStatuses)[number];

export const rootCauseMethods = ['five_whys', 'fishbone'] as const;
export type RootCauseMethod = (typeof rootCauseMethods)[number];

/** 人、机、料、法、环 (the fishbone's five categories). */
export const fishboneCategories = ['people', 'machine', 'material', 'method', 'environment'] as const;
export type FishboneCategory = (typeof fishboneCategories)[number];

export interface CapaAnalysis {
  method: RootCauseMethod | null;
  whys: readonly string[];
  fishbone: Partial<Record<FishboneCategory, string>>;
  rootCause: string;
}

export interface CapaActionState {
  round: number;
  ownerPersonId: string;
  /** YYYY-MM-DD, the enterprise's calendar day. */
  deadline: string;
  doneAt: string | null;
}

export interface CapaState {
  status: CapaStatus;
  round: number;
  ownerPersonId: string | null;
  analysis: CapaAnalysis;
  actions: readonly CapaActionState[];
  /** YYYY-MM-DD from which the effectiveness check may be made. */
  checkDueOn: string | null;
}

export type CapaRefusal =
  | 'analysis_incomplete'
  | 'no_action'
  | 'not_planned'
  | 'not_implementing'
  | 'not_verifying'
  | 'check_too_early'
  | 'checker_is_owner'
  | 'closed';

export class CapaRuleError extends Error {
  constructor(readonly refusal: CapaRefusal) {
    super(refusal);
  }
}

/** A root cause plus its working: at least one "why" (5 whys) or one fishbone category filled. */
export function isAnalysisComplete(a: CapaAnalysis): boolean {
  if (!a.method || !a.rootCause.trim()) return false;
  if (a.method === 'five_whys') return a.whys.some((w) => w.trim().length > 0);
  return fishboneCategories.some((c) => (a.fishbone[c] ?? '').trim().length > 0);
}

export const actionsOfRound = (s: Pick<CapaState, 'actions' | 'round'>) => s.actions.filter((a) => a.round === s.round);

/** Status after the analysis was saved or an action added (raised → planned when both are there). */
export function afterPlanning(s: CapaState): CapaStatus {
  if (s.status === 'effective') throw new CapaRuleError('closed');
  if (s.status === 'raised' && isAnalysisComplete(s.analysis) && actionsOfRound(s).length > 0) return 'planned';
  return s.status;
}

/** Adding an action: an ineffective record starts its next round (its new actions need a new risk check). */
export function roundForNewAction(s: CapaState): { round: number; status: CapaStatus } {
  if (s.status === 'effective') throw new CapaRuleError('closed');
  if (s.status === 'ineffective') return { round: s.round + 1, status: 'planned' };
  // Implementing / verifying records take no silent additions: the added action must pass a risk check too.
  if (s.status === 'implementing' || s.status === 'verifying') return { round: s.round, status: 'planned' };
  return { round: s.round, status: s.status };
}

/** The risk check before implementing (seed 000 五(一)): only a planned record with a complete analysis and an open action. */
export function checkRiskCheck(s: CapaState): void {
  if (s.status === 'effective') throw new CapaRuleError('closed');
  if (!isAnalysisComplete(s.analysis)) throw new CapaRuleError('analysis_incomplete');
  if (actionsOfRound(s).length === 0) throw new CapaRuleError('no_action');
  if (s.status !== 'planned') throw new CapaRuleError('not_planned');
}

/** After an action of the round is done: verifying (check due `verifyAfterDays` later) once all are done. */
export function afterActionDone(s: CapaState, today: string, verifyAfterDays: number): { status: CapaStatus; checkDueOn: string | null } {
  if (s.status !== 'implementing') throw new CapaRuleError('not_implementing');
  const open = actionsOfRound(s).filter((a) => !a.doneAt);
  if (open.length > 0) return { status: 'implementing', checkDueOn: null };
  return { status: 'verifying', checkDueOn: addDays(today, verifyAfterDays) };
}

/** People who may not check the record: its owner and the owners of the round's actions. */
export function ownersOf(s: CapaState): Set<string> {
  const owners = new Set(actionsOfRound(s).map((a) => a.ownerPersonId));
  if (s.ownerPersonId) owners.add(s.ownerPersonId);
  return owners;
}

/** The effectiveness check: only when verifying, not before its day, and never by an owner. */
export function checkEffectivenessCheck(s: CapaState, checkerPersonId: string | null, today: string): void {
  if (s.status === 'effective') throw new CapaRuleError('closed');
  if (s.status !== 'verifying') throw new CapaRuleError('not_verifying');
  if (s.checkDueOn && today < s.checkDueOn) throw new CapaRuleError('check_too_early');
  if (checkerPersonId && ownersOf(s).has(checkerPersonId)) throw new CapaRuleError('checker_is_owner');
}

export const statusAfterCheck = (isEffective: boolean): CapaStatus => (isEffective ? 'effective' : 'ineffective');

export const isOpen = (status: CapaStatus) => status !== 'effective';

/** An action past its deadline (the deadline day itself still counts as on time). */
export function isActionOverdue(a: Pick<CapaActionState, 'deadline' | 'doneAt'>, today: string): boolean {
  return !a.doneAt && a.deadline < today;
}

export interface CapaEscalation {
  overdueActions: number;
  isCheckOverdue: boolean;
  isIneffective: boolean;
  /** Anything here goes up to the company's managers (like an overdue hazard). */
  escalates: boolean;
}

/** What escalates on `today`: overdue actions of the round, a check left undone past its day, an ineffective verdict. */
export function capaEscalation(s: CapaState, today: string): CapaEscalation {
  const open = isOpen(s.status);
  const overdueActions = open ? actionsOfRound(s).filter((a) => isActionOverdue(a, today)).length : 0;
  const isCheckOverdue = s.status === 'verifying' && !!s.checkDueOn && s.checkDueOn < today;
  const isIneffective = s.status === 'ineffective';
  return { overdueActions, isCheckOverdue, isIneffective, escalates: overdueActions > 0 || isCheckOverdue || isIneffective };
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
