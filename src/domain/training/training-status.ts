/* How far a person is with each requirement (issue 12 §3, §4): hours credited, levels attended,
 * certificates valid — and the red / amber / green status the enterprise view shows. Pure. */
import { addDays, differenceInCalendarDays, parseISO } from 'date-fns';
import { certificateReminderDays, type ThreeLevel } from '../../reference/training-rules.js';
import type { TrainingKind, TrainingRequirement } from './training-requirements.js';

export interface AttendedSession {
  kind: TrainingKind;
  /** ISO date the session was held. */
  heldOn: string;
  hours: number;
}

export interface CertificateFacts {
  /** Special-operation category code; null for 主要负责人/安全管理人员 certificates. */
  operationCode: string | null;
  expiresOn: string | null;
  reviewDueOn: string | null;
}

export type CertificateState = 'valid' | 'expiring' | 'review_due' | 'review_overdue' | 'expired';

/** Expired the day after its expiry date; 复审 overdue the day after its review date; within 90 days: a reminder. */
export function certificateState(cert: Pick<CertificateFacts, 'expiresOn' | 'reviewDueOn'>, today: string): CertificateState {
  if (cert.expiresOn && today > cert.expiresOn) return 'expired';
  if (cert.reviewDueOn && today > cert.reviewDueOn) return 'review_overdue';
  const horizon = Math.max(...certificateReminderDays);
  const days = (date: string | null) => (date ? differenceInCalendarDays(parseISO(date), parseISO(today)) : Number.POSITIVE_INFINITY);
  if (days(cert.expiresOn) <= horizon) return 'expiring';
  if (days(cert.reviewDueOn) <= horizon) return 'review_due';
  return 'valid';
}

/**
 * The days over which the certificate keeps the state it has on `today`: [from, until), null where
 * unbounded. certificateState turns only on the day after the expiry or 复审 date and on the day the
 * reminder horizon reaches either date, so between two of those days it is one state (the register's
 * stored copy is recomputed once `until` is reached).
 */
export function certificateStateSpan(cert: Pick<CertificateFacts, 'expiresOn' | 'reviewDueOn'>, today: string): { state: CertificateState; from: string | null; until: string | null } {
  const horizon = Math.max(...certificateReminderDays);
  const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const turns = [cert.expiresOn, cert.reviewDueOn].flatMap((d) => (d ? [shift(d, -horizon), shift(d, 1)] : [])).sort();
  const from = turns.filter((d) => d <= today).pop() ?? null;
  const until = turns.find((d) => d > today) ?? null;
  return { state: certificateState(cert, today), from, until };
}

/** A certificate that lets its holder work today: not expired and its 复审 not overdue. */
export function isCertificateUsable(cert: Pick<CertificateFacts, 'expiresOn' | 'reviewDueOn'>, today: string): boolean {
  const state = certificateState(cert, today);
  return state !== 'expired' && state !== 'review_overdue';
}

/** The reminder step a certificate has reached (90, then 30 days ahead), or null. */
export function certificateReminderStep(dueOn: string | null, today: string): number | null {
  if (!dueOn) return null;
  const days = differenceInCalendarDays(parseISO(dueOn), parseISO(today));
  if (days < 0) return 0;
  const steps = [...certificateReminderDays].sort((a, b) => a - b);
  return steps.find((s) => days <= s) ?? null;
}

export type RequirementState = 'met' | 'open' | 'overdue';

export interface RequirementProgress {
  requirementId: string;
  creditedHours: number;
  requiredHours: number | null;
  gapHours: number;
  missingLevels: ThreeLevel[];
  state: RequirementState;
}

const levelOfKind: Partial<Record<TrainingKind, ThreeLevel[]>> = {
  three_level_company: ['company'],
  three_level_workshop: ['workshop'],
  three_level_team: ['team'],
  reassignment: ['workshop', 'team'],
};

export function requirementProgress(
  req: TrainingRequirement,
  attended: readonly AttendedSession[],
  certificates: readonly CertificateFacts[],
  today: string,
  year: number,
): RequirementProgress {
  const isDue = (met: boolean): RequirementState => (met ? 'met' : req.dueBy && today > req.dueBy ? 'overdue' : 'open');
  if (req.certificateCode) {
    const ok = certificates.some((c) => c.operationCode === req.certificateCode && isCertificateUsable(c, today));
    return { requirementId: req.id, creditedHours: 0, requiredHours: null, gapHours: 0, missingLevels: [], state: ok ? 'met' : 'overdue' };
  }
  const isYearly = req.id === 'yearly' || req.id === 'management_yearly';
  const since = req.id.startsWith('reassignment:') ? (req.dueBy ?? '') : '';
  const counted = attended.filter(
    (s) => req.countedKinds.includes(s.kind) && (!isYearly || s.heldOn.startsWith(String(year))) && (!since || s.heldOn >= addDaysIso(since, -30)),
  );
  const creditedHours = round1(counted.reduce((sum, s) => sum + s.hours, 0));
  const covered = new Set(counted.flatMap((s) => levelOfKind[s.kind] ?? []));
  const missingLevels = (req.levels ?? []).filter((l) => !covered.has(l));
  const gapHours = req.hours === null ? 0 : Math.max(0, round1(req.hours - creditedHours));
  return { requirementId: req.id, creditedHours, requiredHours: req.hours, gapHours, missingLevels, state: isDue(gapHours === 0 && missingLevels.length === 0) };
}

export type PersonTrainingStatus = 'red' | 'amber' | 'green';

/** Red: something overdue or a certificate unusable; amber: open, or a certificate within its reminder; green: all met. */
export function personTrainingStatus(progress: readonly RequirementProgress[], certificateStates: readonly CertificateState[]): PersonTrainingStatus {
  if (progress.some((p) => p.state === 'overdue') || certificateStates.some((s) => s === 'expired' || s === 'review_overdue')) return 'red';
  if (progress.some((p) => p.state === 'open') || certificateStates.some((s) => s === 'expiring' || s === 'review_due')) return 'amber';
  return 'green';
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Induction held up to 30 days before the move (prepared ahead) still counts for it. Not from a rule. */
function addDaysIso(date: string, days: number): string {
  return addDays(parseISO(date), days).toISOString().slice(0, 10);
}
