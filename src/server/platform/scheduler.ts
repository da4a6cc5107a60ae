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

/**
 * Runs each job every `everyMs` (first run at once); a run still going is not started again.
 * Returns stop(): no new run starts, and the promise settles when the runs under way have finished
 * (graceful shutdown waits for it before closing the database).
 */
export function startScheduler(
  jobs: readonly ScheduledJob[],
  logger: SchedulerLogger,
  /** Wraps each run: several nodes take a job's round through a lease (job-lease.ts). */
  lease: (job: ScheduledJob, work: () => Promise<unknown>) => Promise<unknown> = (_job, work) => work(),
): () => Promise<void> {
  let isStopped = false;
  const running = new Set<Promise<void>>();
  const timers = jobs.map((job) => {
    let isRunning = false;
    const tick = async () => {
      if (isRunning || isStopped) return;
      isRunning = true;
      try {
        await lease(job, () => job.run());
      } catch (error) {
        logger.error({ err: error, job: job.name }, `scheduled job ${job.name} failed`);
      } finally {
        isRunning = false;
      }
    };
    const launch = () => {
      const run = tick();
      running.add(run);
      void run.finally(() => running.delete(run));
    };
    launch();
    const timer = setInterval(launch, job.everyMs);
    timer.unref();
    return timer;
  });
  return async () => {
    isStopped = true;
    timers.forEach((t) => clearInterval(t));
    await Promise.all([...running]);
  };
}
