/* Art. 14: the superior post checks that the operation post carries out its measures. Holders of an
 * item's supervising post get that item on their own task of the same post and period window. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { isDbAvailable, testPassword } from '../../test/test-app.js';
import { addMembership, createUser } from '../auth/auth.service.js';
import { countRows, createInspectionFixture, type InspectionFixture } from './inspection-fixture.js';
import { materialiseTasks } from './inspection-tasks.service.js';

interface TaskView { id: string; postId: string; responsiblePersonId: string; period: string; windowStart: string; windowEnd: string; status: string; itemCount: number }

describe.skipIf(!isDbAvailable())('supervision tasks (Art. 14)', () => {
  let f: InspectionFixture;
  let supervisor: string;
  let supervisorPersonId: string;
  let guardItemId: string;
  let gogglesItemId: string;
  let supPostId: string;
  const mine = async (cookie: string) => (await f.t.request(cookie, 'GET', '/api/v1/inspection-tasks?mine=true')).json().items as TaskView[];

  beforeAll(async () => {
    f = await createInspectionFixture('isv', 'day');
    const supPost = await f.t.request(f.manager, 'POST', '/api/v1/posts', { name: '车间主任', kind: 'management' });
    expect(supPost.statusCode, supPost.body).toBe(201);
    supPostId = supPost.json().id;
    // Seed 001 第十四条: publishing an operation post's list with no superior check warns, naming the superior.
    expect((await f.t.request(f.manager, 'PATCH', `/api/v1/posts/${f.postId}`, { reportsToPostId: supPostId })).json().reportsToPostId).toBe(supPostId);
    const warned = await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`, undefined, { 'accept-language': 'zh-CN' });
    expect(warned.statusCode).toBe(201);
    expect(warned.json().warnings).toEqual([{ code: 'noSuperiorCheck', reportsToPostId: supPostId, message: expect.stringContaining('车间主任') }]);
    expect((await f.t.request(f.manager, 'GET', `/api/v1/posts/${f.postId}/inspection-list`)).json().superiorCheck).toEqual({ isNeeded: true, hasCheck: false, reportsToPostId: supPostId, reportsToPostName: '车间主任' });
    const person = await f.t.request(f.manager, 'POST', '/api/v1/people', { name: '李四', postIds: [supPost.json().id] });
    expect(person.statusCode, person.body).toBe(201);
    supervisorPersonId = person.json().id;
    await withTransaction(f.t.deps.db, async (trx) => {
      const userId = await createUser(f.t.deps, trx, { username: 'isv_supervisor', displayName: '李四', password: testPassword });
      await addMembership(f.t.deps, trx, { userId, enterpriseId: f.enterpriseId, role: 'worker', personId: supervisorPersonId });
    });
    supervisor = await f.t.login('isv_supervisor');
    const list = (await f.t.request(f.manager, 'GET', `/api/v1/posts/${f.postId}/inspection-list`)).json();
    const itemOf = (content: string) =>
      (list.measures as { items: { id: string; content: string }[] }[]).flatMap((m) => m.items).find((i) => i.content === content)?.id as string;
    guardItemId = itemOf('检查防护罩');
    gogglesItemId = itemOf('检查护目镜佩戴');
    const patched = await f.t.request(f.manager, 'PATCH', `/api/v1/inspection-items/${guardItemId}`, { supervisorPostId: supPost.json().id });
    expect(patched.statusCode, patched.body).toBe(200);
    // The edit is a draft until the list is published again (seed 001 第十三条); now the superior checks: no warning.
    const published = await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`);
    expect(published.statusCode).toBe(201);
    expect(published.json().warnings).toEqual([]);
  });

  it('keeps the org chart a tree: a post cannot report to itself, to a post below it, or to another enterprise’s post', async () => {
    const self = await f.t.request(f.manager, 'PATCH', `/api/v1/posts/${supPostId}`, { reportsToPostId: supPostId });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].path).toBe('reportsToPostId');
    const loop = await f.t.request(f.manager, 'PATCH', `/api/v1/posts/${supPostId}`, { reportsToPostId: f.postId });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().errors[0].path).toBe('reportsToPostId');
    const foreign = (await f.t.request(f.otherManager, 'POST', '/api/v1/posts', { name: '外企岗位', kind: 'management' })).json().id;
    const across = await f.t.request(f.manager, 'PATCH', `/api/v1/posts/${f.postId}`, { reportsToPostId: foreign });
    expect(across.statusCode).toBe(400);
    expect(across.json().errors[0].path).toBe('reportsToPostId');
  });
  afterAll(() => f.t.close());

  it("gives the supervising post's holder a task of the same post and window with only the supervised item; idempotently", async () => {
    await materialiseTasks(f.t.deps, f.enterpriseId, f.t.clock.now());
    const count = await countRows(f.t, 'inspection_task', f.enterpriseId);
    expect(count).toBe(2);
    const [own] = await mine(f.worker);
    const [sup, ...more] = await mine(supervisor);
    expect(more).toEqual([]);
    expect(sup).toMatchObject({ postId: f.postId, responsiblePersonId: supervisorPersonId, period: 'day', status: 'open', itemCount: 1 });
    expect([sup?.windowStart, sup?.windowEnd]).toEqual([own?.windowStart, own?.windowEnd]);
    const detail = (await f.t.request(supervisor, 'GET', `/api/v1/inspection-tasks/${sup?.id}`)).json();
    expect(detail.items.map((i: { id: string }) => i.id)).toEqual([guardItemId]);
    // The worker's own task is unaffected: both items of the post, and the supervisor cannot open it.
    expect(own).toMatchObject({ responsiblePersonId: f.personId, itemCount: 2 });
    expect((await f.t.request(supervisor, 'GET', `/api/v1/inspection-tasks/${own?.id}`)).statusCode).toBe(404);
    expect(await materialiseTasks(f.t.deps, f.enterpriseId, f.t.clock.now())).toMatchObject({ created: 0 });
    expect(await countRows(f.t, 'inspection_task', f.enterpriseId)).toBe(count);
  });

  it('lets the supervisor submit the supervised item (a fail raises a hazard and completes the task), and nothing else', async () => {
    const [sup] = await mine(supervisor);
    const submit = (results: object[]) =>
      f.t.request(supervisor, 'POST', `/api/v1/inspection-tasks/${sup?.id}/records`, { clientId: randomUUID(), capturedAt: f.t.clock.now().toISOString(), results });
    const notMine = await submit([{ itemId: gogglesItemId, result: 'pass' }]);
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().errors[0].path).toBe('results.0.itemId');
    const res = await submit([{ itemId: guardItemId, result: 'fail', note: '防护罩松动' }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', records: [{ itemId: guardItemId, result: 'fail', personId: supervisorPersonId }] });
    expect(res.json().records[0].hazardId).toEqual(expect.any(String));
    const [own] = await mine(f.worker);
    expect(own).toMatchObject({ status: 'open', itemCount: 2 });
    const ownDetail = (await f.t.request(f.worker, 'GET', `/api/v1/inspection-tasks/${own?.id}`)).json();
    expect(ownDetail.items.every((i: { latestRecord: unknown }) => i.latestRecord === null)).toBe(true);
  });
});
