/* Seed 002: an engagement's progress through the five phases — which deliverables are open and
 * overdue, and whether the phase may move on. Pure. */
import { consultancyPhases, phaseOf, type Deliverable } from '../../reference/consultancy-phases.js';

const dayMs = 86_400_000;

export interface DeliverableState {
  code: string;
  phase: number;
  isDone: boolean;
  dueAt: string | null;
  isOverdue: boolean;
}

/**
 * Every deliverable up to the current phase: done or not; a deliverable of the current phase is due
 * `dueDays` after the phase started, one left open in an earlier phase is overdue already.
 */
export function deliverableStates(input: { phase: number; phaseStartedAt: string; done: ReadonlySet<string>; now: Date }): DeliverableState[] {
  const out: DeliverableState[] = [];
  for (const p of consultancyPhases) {
    if (p.phase > input.phase) break;
    for (const d of p.deliverables) {
      const isDone = input.done.has(d.code);
      const due = p.phase === input.phase ? new Date(Date.parse(input.phaseStartedAt) + d.dueDays * dayMs) : null;
      out.push({ code: d.code, phase: p.phase, isDone, dueAt: due?.toISOString() ?? null, isOverdue: !isDone && (due === null || due.getTime() < input.now.getTime()) });
    }
  }
  return out;
}

/** The phase moves on once its closing visit report is produced (seed 002: "首次现场咨询工作结束时…填写《工作进展成效评估报告书》"). */
export function missingToAdvance(phase: number, done: ReadonlySet<string>): Deliverable[] {
  const p = phaseOf(phase);
  if (!p) return [];
  return p.deliverables.filter((d) => d.closesPhase && !done.has(d.code));
}
