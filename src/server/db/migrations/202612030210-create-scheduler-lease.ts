import type { Kysely } from 'kysely';

// Issue 10 §10: several nodes on one PostgreSQL run a scheduled job once per period — the node that
// takes the job's advisory lock records when it started and finished (job-lease.ts); the others skip.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scheduler_lease')
    .addColumn('job', 'text', (c) => c.primaryKey())
    .addColumn('node', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scheduler_lease').execute();
}
