/* Recurring work in the server process (DESIGN.md: platform/scheduler). Started by main.ts only,
 * never in tests (tests call the jobs directly with a ManualClock). Every job must be idempotent:
 * several nodes behind a load balancer each run it, and unique keys make that harmless. */

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface SchedulerLogger {
  error(obj: unknown, msg?: string): void;
}

/** Runs each job every `everyMs` (first run at once); a run still going is not started again. Returns stop(). */
export function startScheduler(jobs: readonly ScheduledJob[], logger: SchedulerLogger): () => void {
  const timers = jobs.map((job) => {
    let isRunning = false;
    const tick = async () => {
      if (isRunning) return;
      isRunning = true;
      try {
        await job.run();
      } catch (error) {
        logger.error({ err: error, job: job.name }, `scheduled job ${job.name} failed`);
      } finally {
        isRunning = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach((t) => clearInterval(t));
}
