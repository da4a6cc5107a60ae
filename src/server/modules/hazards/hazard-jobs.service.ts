import type { AppDeps } from '../../app-deps.js';
import { deliverOutbox, type FetchLike } from '../../platform/outbox/outbox.service.js';
import type { ScheduledJob } from '../../platform/scheduler.js';
import { listEnterprisesWithDeadlinesBefore } from './hazard-list.repository.js';
import { runOverdueEscalation } from './hazard-overdue.service.js';

/** Overdue escalation for every enterprise with a deadline due within a day. Idempotent. */
export async function runOverdueEscalationForAll(deps: AppDeps, at: Date): Promise<{ escalated: number; warned: number }> {
  const ids = await listEnterprisesWithDeadlinesBefore(deps.db, new Date(at.getTime() + 24 * 3_600_000).toISOString());
  const total = { escalated: 0, warned: 0 };
  for (const id of ids) {
    const r = await runOverdueEscalation(deps, id, at);
    total.escalated += r.escalated;
    total.warned += r.warned;
  }
  return total;
}

/** The scheduler jobs of hazards and notifications; main.ts adds them to startScheduler. */
export function hazardScheduledJobs(deps: AppDeps, fetchImpl: FetchLike = fetch): ScheduledJob[] {
  return [
    { name: 'hazard-overdue', everyMs: 5 * 60_000, run: () => runOverdueEscalationForAll(deps, deps.clock.now()) },
    { name: 'outbox-delivery', everyMs: 15_000, run: () => deliverOutbox(deps, fetchImpl, deps.clock.now()) },
  ];
}
