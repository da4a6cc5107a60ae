/* Issue 18: a task-list read materialises the enterprise's tasks only when something may have
 * changed since this process last did (task-plan-memo.ts) — and whatever changes what tasks should
 * exist shows at the very next read, as does a window's end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturing } from '../../test/query-plans.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createInspectionFixture, type InspectionFixture } from './inspection-fixture.js';
import { listTasks } from './inspection-tasks.service.js';

interface Task {
  id: string;
  period: string;
  status: string;
  windowStart: string;
  windowEnd: string;
  responsiblePersonId: string;
  itemCount: number;
}

describe.runIf(isDbAvailable())('inspection task list: pages by cursor, materialised once per window, changes seen at once', () => {
  let f: InspectionFixture;
  beforeAll(async () => {
    f = await createInspectionFixture('itm');
  });
  afterAll(() => f.t.close());

  const tasksOf = async (cookie: string, query = '') => {
    const res = await f.t.request(cookie, 'GET', `/api/v1/inspection-tasks${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Task[];
  };

  it('a second read within the window runs only the page query', async () => {
    const c = capturing(f.t.deps.db);
    const deps = { ...f.t.deps, db: c.db };
    const viewer = { userId: 'u', enterpriseId: f.enterpriseId, role: 'worker' as const, personId: f.personId };
    const first = await listTasks(deps, viewer, { mine: true, limit: 50 });
    expect(c.sent.length).toBeGreaterThan(3); // calendar, assignments, existing keys, due checks, page
    c.sent.length = 0;
    const second = await listTasks(deps, viewer, { mine: true, limit: 50 });
    expect(second).toEqual(first);
    expect(c.sent).toHaveLength(1);
    expect(c.sent[0]?.sql).toMatch(/from "inspection_task"/);
  });

  it('publishing a list shows its new task at the next read', async () => {
    expect((await tasksOf(f.worker)).some((x) => x.period === 'day')).toBe(false);
    const extra = await f.t.request(f.manager, 'POST', '/api/v1/inspection-items', {
      postId: f.postId, measureId: null, content: '检查消防通道', method: 'look', period: 'day', responsiblePersonId: f.personId,
    });
    expect(extra.statusCode, extra.body).toBe(201);
    // A draft runs nothing (seed 001 第十三条) …
    expect((await tasksOf(f.worker)).some((x) => x.period === 'day')).toBe(false);
    // … its publication does, at once.
    expect((await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`)).statusCode).toBe(201);
    expect((await tasksOf(f.worker)).find((x) => x.period === 'day')).toMatchObject({ status: 'open', itemCount: 1 });
  });

  it("a person newly assigned to the post gets the post holders' task at the next read", async () => {
    expect((await tasksOf(f.manager)).length).toBeGreaterThan(0);
    const person = await f.t.request(f.manager, 'POST', '/api/v1/people', { name: '李四', postIds: [f.postId] });
    expect(person.statusCode, person.body).toBe(201);
    const theirs = await tasksOf(f.manager, `?personId=${person.json().id}`);
    // The goggles item falls to every holder of the post; the guard item names 张三 only.
    expect(theirs.map((x) => [x.period, x.status, x.itemCount])).toEqual([['shift', 'open', 1]]);
  });

  it('a new shift roster opens the new shift window at the next read; its end opens the next and marks it missed', async () => {
    const before = (await tasksOf(f.worker)).filter((x) => x.period === 'shift');
    // 2026-11-23T02:00Z is 10:00 in Shanghai: inside A (06:00–18:00), which began at 22:00Z the day before.
    const res = await f.t.request(f.manager, 'PUT', '/api/v1/shifts', {
      shifts: [
        { code: 'A', start: '06:00', end: '18:00' },
        { code: 'B', start: '18:00', end: '06:00' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const shiftA = (await tasksOf(f.worker)).find((x) => x.period === 'shift' && x.windowStart === '2026-11-22T22:00:00.000Z');
    expect(shiftA).toMatchObject({ status: 'open', windowEnd: '2026-11-23T10:00:00.000Z' });
    expect(before.some((x) => x.id === shiftA?.id)).toBe(false);
    // The window rolls over with no write at all: the next read sees it.
    f.t.clock.set(new Date('2026-11-23T10:00:00.000Z'));
    await f.relogin();
    const after = await tasksOf(f.worker);
    expect(after.find((x) => x.id === shiftA?.id)?.status).toBe('missed');
    expect(after.find((x) => x.period === 'shift' && x.windowStart === '2026-11-23T10:00:00.000Z')).toMatchObject({ status: 'open' });
    f.t.clock.set(new Date('2026-11-23T02:00:00.000Z'));
    await f.relogin();
  });

  it('pages newest window first by cursor, each task once, and refuses a bad cursor naming it', async () => {
    const all = await tasksOf(f.manager, '?limit=200');
    expect(all.length).toBeGreaterThan(1);
    const seen: Task[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res = await f.t.request(f.manager, 'GET', `/api/v1/inspection-tasks?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json() as { items: Task[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen.map((x) => x.id)).toEqual(all.map((x) => x.id));
    expect(all.map((x) => x.windowEnd)).toEqual(all.map((x) => x.windowEnd).sort().reverse());
    const bad = await f.t.request(f.manager, 'GET', '/api/v1/inspection-tasks?cursor=bm9wZQ', undefined, { 'accept-language': 'en-US' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('cursor');
  });
});
