/* One node per scheduled job and period (issue 10 §10): several server processes on one PostgreSQL
 * each run the scheduler; a round of a job runs on the node that takes the job's lease, and only if
 * no node started it within the last 0.9 of its period (table scheduler_lease). The lease is
 * PostgreSQL's own transaction-level advisory lock (pg_try_advisory_xact_lock), held by one pooled
 * connection while the job runs and released by the database when that transaction ends — also when
 * the node dies, so no lease is ever left behind; a failed run records nothing, so the next round
 * (on any node) tries again. On SQLite (one process's file) the period check alone applies. Jobs stay
 * idempotent by unique keys whatever the lease. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

/** A stable 32-bit key per job name (the advisory lock space is shared: the prefix names ours). */
export function leaseKeyOf(jobName: string): number {
  let h = 0x811c9dc5;
  for (const ch of `shuangkong:${jobName}`) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export interface LeaseOptions {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** Names this process in scheduler_lease (host:pid). */
  node: string;
  now: () => Date;
}

type Executor = Kysely<Database>;

async function claimRound(db: Executor, job: { name: string; everyMs: number }, options: LeaseOptions): Promise<Date | null> {
  const now = options.now();
  const row = await db.selectFrom('scheduler_lease').select(['started_at', 'runs']).where('job', '=', job.name).executeTakeFirst();
  if (row && Date.parse(row.started_at) > now.getTime() - job.everyMs * 0.9) return null;
  return now;
}

async function recordRound(db: Executor, job: { name: string }, options: LeaseOptions, startedAt: Date): Promise<void> {
  const finishedAt = options.now().toISOString();
  await db
    .insertInto('scheduler_lease')
    .values({ job: job.name, node: options.node, started_at: startedAt.toISOString(), finished_at: finishedAt, runs: 1 })
    .onConflict((oc) =>
      oc.column('job').doUpdateSet((eb) => ({ node: options.node, started_at: startedAt.toISOString(), finished_at: finishedAt, runs: eb('scheduler_lease.runs', '+', 1) })),
    )
    .execute();
}

/** Runs `work` when this node takes the job's round; `{ ran: false }` when another node holds or has done it. */
export async function runWithLease<T>(
  job: { name: string; everyMs: number },
  options: LeaseOptions,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  if (options.dialect !== 'postgres') {
    const startedAt = await claimRound(options.db, job, options);
    if (!startedAt) return { ran: false };
    const result = await work();
    await recordRound(options.db, job, options, startedAt);
    return { ran: true, result };
  }
  return options.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ taken: boolean }>`select pg_try_advisory_xact_lock(${leaseKeyOf(job.name)}) as taken`.execute(trx);
    if (!rows[0]?.taken) return { ran: false as const };
    const startedAt = await claimRound(trx, job, options);
    if (!startedAt) return { ran: false as const };
    const result = await work();
    await recordRound(trx, job, options, startedAt);
    return { ran: true as const, result };
  });
}
