/* Issue 18 item 1: the inspection task list (a worker's own tasks, or all of the enterprise's) reads
 * one index range in page order (window_end desc, id) — no scan of the tasks and no sort. Before the
 * page indexes, 1M inspection records (50,000 daily tasks) cost 1.2–1.9 s per page on SQLite. */
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.js';
import type { Database, InspectionTaskTable } from '../../db/database.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { ManualClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { newId } from '../../platform/ids.js';
import { capturing, explain } from '../../test/query-plans.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { listTasks } from './inspection-tasks.repository.js';

const dialect = testDialect();

describe.runIf(isDbAvailable())(`inspection task list plans (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;
  let personIds: string[];

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect, clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    const demo = await seedDemo(deps, 'task-plan-123');
    enterpriseId = demo.enterpriseId;
    const postId = (await kysely.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow()).id;
    const people = await kysely.selectFrom('person').select('id').where('enterprise_id', '=', enterpriseId).limit(3).execute();
    personIds = people.map((p) => p.id);
    const day = 86_400_000;
    const start = Date.parse('2020-01-01T00:00:00.000Z');
    const tasks: InspectionTaskTable[] = Array.from({ length: 600 }, (_, i) => {
      const windowStart = new Date(start + Math.floor(i / personIds.length) * day).toISOString();
      const isOther = i % 10 === 9;
      return {
        id: newId(),
        enterprise_id: isOther ? demo.secondEnterpriseId : enterpriseId,
        post_id: postId,
        responsible_person_id: personIds[i % personIds.length] as string,
        period: 'day',
        shift_code: null,
        window_start: windowStart,
        window_end: new Date(Date.parse(windowStart) + day).toISOString(),
        status: i % 20 === 0 ? 'missed' : 'done',
        created_at: windowStart,
        completed_at: null,
      };
    });
    await kysely.insertInto('inspection_task').values(tasks).execute();
    await kysely.executeQuery(CompiledQuery.raw('analyze'));
  });
  afterAll(async () => close?.());

  const cases: [string, string, () => Parameters<typeof listTasks>[2]][] = [
    ["a worker's own tasks", 'inspection_task_person_page_idx', () => ({ personId: personIds[0], limit: 50 })],
    ["all the enterprise's tasks", 'inspection_task_page_idx', () => ({ limit: 50 })],
  ];
  for (const [name, index, filter] of cases) {
    it(`${name}: page 1 reads one index range in page order, no scan or sort of the tasks`, async () => {
      const c = capturing(kysely);
      const rows = await listTasks(c.db, enterpriseId, filter());
      expect(rows).toHaveLength(50);
      expect(rows.map((r) => r.window_end)).toEqual([...rows.map((r) => r.window_end)].sort().reverse());
      const plan = await explain(kysely, dialect, c.sent[0] as CompiledQuery, 'inspection_task');
      expect(plan.fullScans.filter((t) => t === 'inspection_task' || t.startsWith('SCAN inspection_task')), plan.text).toEqual([]);
      expect(plan.sorts, plan.text).toBe(0);
      // The planner of a small PostgreSQL table may take either page index; both serve the order.
      expect(plan.access, plan.text).toContain(dialect === 'sqlite' ? index : 'inspection_task_');
      expect(plan.access, plan.text).toMatch(/page_idx/);
    });
  }
});
