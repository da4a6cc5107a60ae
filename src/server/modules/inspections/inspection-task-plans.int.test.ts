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
import { analyzeAsProduction, capturing, explain } from '../../test/query-plans.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { listOpenTasksOfPlace, listRecordsOfTask, listTasks } from './inspection-tasks.repository.js';

const dialect = testDialect();

describe.runIf(isDbAvailable())(`inspection task list plans (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;
  let personIds: string[];
  let postId: string;
  let areaId: string;

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect, clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    const demo = await seedDemo(deps, 'task-plan-123');
    enterpriseId = demo.enterpriseId;
    // A post and period with published items, so that each task's item count has items to count.
    const published = await kysely
      .selectFrom('inspection_item')
      .select(['post_id', 'published_period'])
      .where('enterprise_id', '=', enterpriseId)
      .where('published_at', 'is not', null)
      .where('published_responsible_person_id', 'is', null)
      .executeTakeFirstOrThrow();
    postId = published.post_id;
    const period = published.published_period as string;
    // Holders of the post: its unassigned items are theirs.
    const people = await kysely.selectFrom('person_post').select('person_id as id').where('post_id', '=', postId).limit(3).execute();
    personIds = people.map((p) => p.id);
    const day = 86_400_000;
    const start = Date.parse('2020-01-01T00:00:00.000Z');
    const tasks: InspectionTaskTable[] = Array.from({ length: 3000 }, (_, i) => {
      const windowStart = new Date(start + Math.floor(i / personIds.length) * day).toISOString();
      const isOther = i % 10 === 9;
      return {
        id: newId(),
        enterprise_id: isOther ? demo.secondEnterpriseId : enterpriseId,
        post_id: postId,
        responsible_person_id: personIds[i % personIds.length] as string,
        period,
        shift_code: null,
        window_start: windowStart,
        window_end: new Date(Date.parse(windowStart) + day).toISOString(),
        status: i % 20 === 0 ? 'missed' : 'done',
        created_at: windowStart,
        completed_at: null,
      };
    });
    // A few open tasks (windows of 2030) of the first person, among the thousands done or missed.
    for (let i = 0; i < 4; i++) {
      const windowStart = new Date(Date.parse('2030-01-01T00:00:00.000Z') + i * day).toISOString();
      tasks.push({ ...(tasks[0] as InspectionTaskTable), id: newId(), enterprise_id: enterpriseId, responsible_person_id: personIds[0] as string, window_start: windowStart, window_end: new Date(Date.parse(windowStart) + day).toISOString(), status: 'open', created_at: windowStart });
    }
    for (let i = 0; i < tasks.length; i += 500) await kysely.insertInto('inspection_task').values(tasks.slice(i, i + 500)).execute();
    // The area of a risk one of the post's published items controls (the QR code of that area lists the task).
    const placed = await kysely
      .selectFrom('inspection_item')
      .innerJoin('control_measure', 'control_measure.id', 'inspection_item.measure_id')
      .select('control_measure.risk_id')
      .where('inspection_item.post_id', '=', postId)
      .where('inspection_item.published_period', '=', period)
      .where('inspection_item.published_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const area = await kysely.selectFrom('area').select('id').where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
    await kysely.updateTable('risk').set({ area_id: area.id }).where('id', '=', placed.risk_id).execute();
    areaId = area.id;
    await analyzeAsProduction(kysely);
  });
  afterAll(async () => close?.());

  // The row after which a deep page starts: 400 rows into the list it pages.
  const cursorAt = async (filter: Parameters<typeof listTasks>[2]) => {
    const rows = await listTasks(kysely, enterpriseId, { ...filter, limit: 400 });
    const last = rows[rows.length - 1];
    return last ? { at: last.window_end, id: last.id } : undefined;
  };
  const cases: [string, string, () => Parameters<typeof listTasks>[2]][] = [
    ["a worker's own tasks", 'inspection_task_person_page_idx', () => ({ personId: personIds[0], limit: 50 })],
    ["all the enterprise's tasks", 'inspection_task_page_idx', () => ({ limit: 50 })],
    ['tasks of one status', 'inspection_task_status_page_idx', () => ({ status: 'done', limit: 50 })],
    ["a worker's own tasks of one status", 'inspection_task_person_status_page_idx', () => ({ personId: personIds[0], status: 'done', limit: 50 })],
    ["one post's tasks", 'inspection_task_post_page_idx', () => ({ postIds: [postId], limit: 50 })],
  ];
  for (const [name, index, filter] of cases) {
    for (const depth of ['page 1', 'a deep page']) {
      it(`${name}, ${depth}: one index range in page order, the cursor its bound; no scan or sort; item counts by index`, async () => {
        const after = depth === 'page 1' ? undefined : await cursorAt({ ...filter(), limit: 400 });
        if (depth !== 'page 1') expect(after).toBeDefined();
        const c = capturing(kysely);
        const rows = await listTasks(c.db, enterpriseId, { ...filter(), after });
        expect(rows.length).toBeGreaterThan(0);
        const keys = rows.map((r) => `${r.window_end}|${r.id}`);
        expect(keys).toEqual([...keys].sort().reverse());
        if (after) expect(keys.every((k) => k < `${after.at}|${after.id}`)).toBe(true);
        // Each task counts the published items of its post it covers (the demo post has some).
        expect(rows.every((r) => Number(r.item_count) > 0)).toBe(true);
        const plan = await explain(kysely, dialect, c.sent[0] as CompiledQuery, 'inspection_task');
        expect(plan.fullScans, plan.text).toEqual([]);
        expect(plan.sorts, plan.text).toBe(0);
        if (dialect === 'sqlite') {
          expect(plan.access, plan.text).toContain(index);
          if (after) expect(plan.access, plan.text).toContain('(window_end,id)<(?,?)');
          // The correlated item count looks items up by (post, period), never scans them.
          expect(plan.text).toMatch(/SEARCH inspection_item USING INDEX inspection_item_task_idx/);
        } else {
          // The planner of a small PostgreSQL table may take another page index that serves the order.
          expect(plan.access, plan.text).toMatch(/inspection_task_\w*page_idx/);
          if (after) expect(plan.access, plan.text).toMatch(/\(window_end,id\) < /);
          expect(plan.text).toContain('inspection_item_task_idx');
        }
      });
    }
  }
  it("a task's records: read by the task's index, never a walk of the enterprise's records; in received order", async () => {
    // One of this file's tasks (2020 windows), not the demo's.
    const task = await kysely.selectFrom('inspection_task').select('id').where('enterprise_id', '=', enterpriseId).where('window_start', '<', '2021-01-01').limit(1).executeTakeFirstOrThrow();
    const items = (await kysely.selectFrom('inspection_item').select('id').where('enterprise_id', '=', enterpriseId).limit(20).execute()).map((r) => r.id);
    const at = (i: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + i * 60_000).toISOString();
    // 600 records of other tasks of the enterprise, 3 of this one, received out of id order.
    const other = await kysely.selectFrom('inspection_task').select('id').where('enterprise_id', '=', enterpriseId).where('window_start', '<', '2021-01-01').where('id', '!=', task.id).limit(30).execute();
    const record = (taskId: string, i: number, receivedAt: string) => ({
      id: newId(), enterprise_id: enterpriseId, task_id: taskId, item_id: items[i % items.length] as string, result: 'pass', note: '', person_id: personIds[0] as string, user_id: null,
      captured_at: receivedAt, received_at: receivedAt, is_late: 0, submission_id: `s-${taskId}-${i}`, client_id: newId(), supersedes_id: null, photo_ids: '[]',
    });
    const mine = [record(task.id, 0, at(3)), record(task.id, 1, at(1)), record(task.id, 2, at(2))];
    const rows = [...mine, ...Array.from({ length: 600 }, (_, i) => record((other[i % other.length] as { id: string }).id, i, at(i)))];
    for (let i = 0; i < rows.length; i += 100) await kysely.insertInto('inspection_record').values(rows.slice(i, i + 100)).execute();
    await analyzeAsProduction(kysely);
    const c = capturing(kysely);
    const found = await listRecordsOfTask(c.db, enterpriseId, task.id);
    expect(found.map((r) => r.received_at)).toEqual([at(1), at(2), at(3)]);
    const plan = await explain(kysely, dialect, c.sent[0] as CompiledQuery, 'inspection_record');
    expect(plan.fullScans, plan.text).toEqual([]);
    expect(plan.text).toContain('inspection_record_task_idx');
  });
  it('the status filter returns only, and all of, the tasks of that status', async () => {
    for (const status of ['done', 'missed']) {
      const rows = await listTasks(kysely, enterpriseId, { status, postIds: [postId], limit: 200 });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.status === status)).toBe(true);
    }
    const all = await listTasks(kysely, enterpriseId, { personId: personIds[0], limit: 5000 });
    const done = await listTasks(kysely, enterpriseId, { personId: personIds[0], status: 'done', limit: 5000 });
    expect(done.map((r) => r.id)).toEqual(all.filter((r) => r.status === 'done').map((r) => r.id));
  });

  // A QR code's page: the caller's open tasks of a post or an area, filtered in SQL (it read 200 tasks and filtered them in JS).
  for (const kind of ['post', 'area'] as const) {
    it(`a place's open tasks of one person (${kind}): the person's open tasks by index in due order, the place checked in SQL; no scan or sort`, async () => {
      const placeId = kind === 'post' ? postId : areaId;
      const person = personIds[0] as string;
      // The same answer the slow way: every open task of the person, the place checked in JS.
      const places = await kysely
        .selectFrom('inspection_item')
        .innerJoin('control_measure', 'control_measure.id', 'inspection_item.measure_id')
        .innerJoin('risk', 'risk.id', 'control_measure.risk_id')
        .select(['inspection_item.post_id', 'inspection_item.published_period'])
        .where('inspection_item.enterprise_id', '=', enterpriseId)
        .where('inspection_item.published_at', 'is not', null)
        .where('risk.area_id', '=', areaId)
        .execute();
      const isThere = (t: { post_id: string; period: string }) => (kind === 'post' ? t.post_id === postId : places.some((p) => p.post_id === t.post_id && p.published_period === t.period));
      const open = await listTasks(kysely, enterpriseId, { personId: person, status: 'open', limit: 5000 });
      const expected = open.filter(isThere).map((t) => `${t.window_end}|${t.id}`).sort();
      const c = capturing(kysely);
      const rows = await listOpenTasksOfPlace(c.db, enterpriseId, person, { kind, id: placeId });
      expect(rows.map((r) => `${r.window_end}|${r.id}`)).toEqual(expected);
      // Among them the four open tasks of 2030, due last.
      expect(rows.slice(-4).map((r) => r.window_end)).toEqual(['2030-01-02', '2030-01-03', '2030-01-04', '2030-01-05'].map((d) => `${d}T00:00:00.000Z`));
      expect(rows.every((r) => r.status === 'open' && Number(r.item_count) > 0)).toBe(true);
      expect(await listOpenTasksOfPlace(kysely, enterpriseId, person, { kind, id: newId() })).toEqual([]);
      const plan = await explain(kysely, dialect, c.sent[0] as CompiledQuery, 'inspection_task');
      expect(plan.fullScans, plan.text).toEqual([]);
      expect(plan.sorts, plan.text).toBe(0);
      if (dialect === 'sqlite') expect(plan.access, plan.text).toContain('inspection_task_person_status_page_idx (enterprise_id=? AND responsible_person_id=? AND status=?)');
      // The planner of a small PostgreSQL table may take the enterprise's open tasks (status page index), also in due order.
      else expect(plan.access, plan.text).toMatch(/inspection_task_(person_)?status_page_idx .*status = 'open'/);
    });
  }
});
