import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDbAvailable } from '../../test/test-app.js';
import { countRows, createInspectionFixture, type InspectionFixture } from './inspection-fixture.js';
import { materialiseTasks } from './inspection-tasks.service.js';

describe.skipIf(!isDbAvailable())('inspection lists and recurring tasks', () => {
  let f: InspectionFixture;
  beforeAll(async () => {
    f = await createInspectionFixture('itk');
    // 2026-11-23T02:00Z is Monday 10:00 in Shanghai: inside the A shift.
    const res = await f.t.request(f.manager, 'PUT', '/api/v1/shifts', {
      shifts: [
        { code: 'A', start: '08:00', end: '20:00' },
        { code: 'B', start: '20:00', end: '08:00' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => f.t.close());

  describe('shifts', () => {
    it('refuses shifts that leave a gap, naming the shift, and is for managers only', async () => {
      const gap = await f.t.request(f.manager, 'PUT', '/api/v1/shifts', { shifts: [{ code: 'A', start: '08:00', end: '19:00' }, { code: 'B', start: '20:00', end: '08:00' }] });
      expect(gap.statusCode).toBe(400);
      expect(gap.json().errors[0].path).toBe('shifts.0.end');
      const worker = await f.t.request(f.worker, 'PUT', '/api/v1/shifts', { shifts: [{ code: 'A', start: '08:00', end: '08:00' }] });
      expect(worker.statusCode).toBe(403);
      const read = await f.t.request(f.worker, 'GET', '/api/v1/shifts');
      expect(read.json()).toMatchObject({ isDefault: false, timeZone: 'Asia/Shanghai', shifts: [{ code: 'A' }, { code: 'B' }] });
    });
  });

  describe('inspection list (Art. 13)', () => {
    it('groups items by measure and is publishable when every measure has an item', async () => {
      const list = (await f.t.request(f.manager, 'GET', `/api/v1/posts/${f.postId}/inspection-list`)).json();
      expect(list.measures).toHaveLength(2);
      expect(list.uncoveredMeasures).toEqual([]);
      expect(list.isPublishable).toBe(true);
      // One item names 张三, the other is explicitly the post's holders on duty: no gap.
      expect(list.itemsWithoutResponsible).toEqual([]);
      expect(list.hasDraft).toBe(false);
      const pub = await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`);
      expect(pub.statusCode, pub.body).toBe(201);
      expect(pub.json().itemCount).toBe(2);
    });

    it('refuses to publish while a measure has no active item, naming it, until it is covered again', async () => {
      const list = (await f.t.request(f.manager, 'GET', `/api/v1/posts/${f.postId}/inspection-list`)).json();
      const goggles = list.measures.find((m: { text: string }) => m.text === '佩戴护目镜');
      const archived = await f.t.request(f.manager, 'POST', `/api/v1/inspection-items/${goggles.items[0].id}/archive`);
      expect(archived.statusCode).toBe(200);
      const refused = await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`, undefined, { 'accept-language': 'en-US' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('INSPECTION_LIST_INCOMPLETE');
      expect(refused.json().detail).toContain('佩戴护目镜');
      expect(refused.json().uncoveredMeasures.map((m: { measureId: string }) => m.measureId)).toEqual([goggles.measureId]);
      const again = await f.t.request(f.manager, 'POST', '/api/v1/inspection-items', {
        postId: f.postId, measureId: goggles.measureId, content: '检查护目镜佩戴', method: 'look', period: 'shift',
      });
      expect(again.statusCode, again.body).toBe(201);
      // Seed 001 第十三条: the new item names nobody — publishing is refused, naming the item.
      const noPerson = await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`, undefined, { 'accept-language': 'zh-CN' });
      expect(noPerson.statusCode).toBe(422);
      expect(noPerson.json().code).toBe('INSPECTION_LIST_NO_RESPONSIBLE');
      expect(noPerson.json().detail).toContain('检查护目镜佩戴');
      expect(noPerson.json().errors).toEqual([{ path: `items.${again.json().id}.responsiblePersonId`, message: '排查项“检查护目镜佩戴”没有责任人' }]);
      expect((await f.t.request(f.manager, 'GET', `/api/v1/posts/${f.postId}/inspection-list`)).json().itemsWithoutResponsible).toEqual([again.json().id]);
      const holders = await f.t.request(f.manager, 'PATCH', `/api/v1/inspection-items/${again.json().id}`, { responsibleIsPostHolders: true });
      expect(holders.json()).toMatchObject({ responsiblePersonId: null, responsibleIsPostHolders: true, publishedAt: null, hasUnpublishedChanges: true });
      expect((await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`)).statusCode).toBe(201);
    });

    it('adds an extra item and changes its person, period and supervising post (Art. 14)', async () => {
      const extra = await f.t.request(f.manager, 'POST', '/api/v1/inspection-items', {
        postId: f.postId, measureId: null, content: '新规：检查消防通道', method: 'look', period: 'week', responsiblePersonId: null,
      });
      expect(extra.statusCode, extra.body).toBe(201);
      const patched = await f.t.request(f.manager, 'PATCH', `/api/v1/inspection-items/${extra.json().id}`, {
        period: 'month', responsiblePersonId: f.personId, supervisorPostId: f.postId,
      });
      expect(patched.json()).toMatchObject({ period: 'month', responsiblePersonId: f.personId, supervisorPostId: f.postId, measureId: null });
      const bad = await f.t.request(f.manager, 'PATCH', `/api/v1/inspection-items/${extra.json().id}`, { period: 'hourly' });
      expect(bad.json().errors[0].path).toBe('period');
      const badPerson = await f.t.request(f.manager, 'POST', '/api/v1/inspection-items', {
        postId: f.postId, content: 'x', method: 'look', period: 'day', responsiblePersonId: '01a2070b-0000-7000-8000-000000000000',
      });
      expect(badPerson.json().errors[0].path).toBe('responsiblePersonId');
      expect((await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`)).statusCode).toBe(201);
    });
  });

  describe('materialiseTasks', () => {
    it('creates exactly one task per key when two creators run at once', async () => {
      const at = f.t.clock.now();
      await Promise.all([materialiseTasks(f.t.deps, f.enterpriseId, at), materialiseTasks(f.t.deps, f.enterpriseId, at)]);
      await Promise.all([
        f.t.request(f.worker, 'GET', '/api/v1/inspection-tasks?mine=true'),
        f.t.request(f.manager, 'GET', '/api/v1/inspection-tasks'),
        materialiseTasks(f.t.deps, f.enterpriseId, at),
      ]);
      const rows = await f.t.deps.db.selectFrom('inspection_task').selectAll().where('enterprise_id', '=', f.enterpriseId).execute();
      const keys = rows.map((r) => `${r.post_id}|${r.responsible_person_id}|${r.period}|${r.window_start}`);
      expect(new Set(keys).size).toBe(keys.length);
      // One shift task (both shift items fall to 张三: one named, one through the post) and one month task.
      expect(rows.map((r) => `${r.period}:${r.shift_code ?? ''}`).sort()).toEqual(['month:', 'shift:A']);
      const shift = rows.find((r) => r.period === 'shift');
      expect([shift?.window_start, shift?.window_end]).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-23T12:00:00.000Z']);
    });

    it('shows a worker their own tasks with their items, and the post QR opens them', async () => {
      const mine = (await f.t.request(f.worker, 'GET', '/api/v1/inspection-tasks')).json().items;
      const shiftTask = mine.find((x: { period: string }) => x.period === 'shift');
      expect(shiftTask).toMatchObject({ status: 'open', itemCount: 2, shiftCode: 'A', postName: '车床工' });
      const detail = (await f.t.request(f.worker, 'GET', `/api/v1/inspection-tasks/${shiftTask.id}`)).json();
      expect(detail.items.map((i: { content: string }) => i.content).sort()).toEqual(['检查护目镜佩戴', '检查防护罩']);
      const qr = (await f.t.request(f.worker, 'GET', `/api/v1/posts/${f.postId}/open-tasks`)).json();
      expect(qr.placeName).toBe('车床工');
      expect(qr.items.map((x: { id: string }) => x.id)).toContain(shiftTask.id);
      // Issue 8 §9: the task due soonest (this shift) comes first, the month's after it.
      expect(qr.items.map((x: { period: string }) => x.period)).toEqual(['shift', 'month']);
      const other = await f.t.request(f.otherManager, 'GET', `/api/v1/inspection-tasks/${shiftTask.id}`);
      expect(other.statusCode).toBe(404);
      expect((await f.t.request(f.otherManager, 'GET', '/api/v1/inspection-tasks')).json().items).toEqual([]);
    });

    it('runs the published version: an edit is a draft that leaves running tasks as they are until the list is published again', async () => {
      const list = (await f.t.request(f.manager, 'GET', `/api/v1/posts/${f.postId}/inspection-list`)).json();
      const guard = list.measures.flatMap((m: { items: { id: string; content: string }[] }) => m.items).find((i: { content: string }) => i.content === '检查防护罩');
      const edited = await f.t.request(f.manager, 'PATCH', `/api/v1/inspection-items/${guard.id}`, { content: '检查防护罩及联锁开关', period: 'day' });
      expect(edited.json()).toMatchObject({ content: '检查防护罩及联锁开关', hasUnpublishedChanges: true });
      expect((await f.t.request(f.manager, 'GET', `/api/v1/posts/${f.postId}/inspection-list`)).json().hasDraft).toBe(true);
      await materialiseTasks(f.t.deps, f.enterpriseId, f.t.clock.now());
      const shiftOf = async () => ((await f.t.request(f.worker, 'GET', '/api/v1/inspection-tasks')).json().items as { id: string; period: string }[]).filter((x) => x.period === 'shift');
      const [shift] = await shiftOf();
      const running = (await f.t.request(f.worker, 'GET', `/api/v1/inspection-tasks/${shift?.id}`)).json();
      expect(running.items.map((i: { content: string }) => i.content).sort()).toEqual(['检查护目镜佩戴', '检查防护罩']);
      expect(((await f.t.request(f.worker, 'GET', '/api/v1/inspection-tasks')).json().items as { period: string }[]).some((x) => x.period === 'day')).toBe(false);
      // Published: the shift task loses the item (it is daily now) and a day task runs the new text.
      expect((await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`)).statusCode).toBe(201);
      await materialiseTasks(f.t.deps, f.enterpriseId, f.t.clock.now());
      const after = (await f.t.request(f.worker, 'GET', '/api/v1/inspection-tasks')).json().items as { id: string; period: string }[];
      const day = after.find((x) => x.period === 'day');
      expect((await f.t.request(f.worker, 'GET', `/api/v1/inspection-tasks/${day?.id}`)).json().items.map((i: { content: string }) => i.content)).toEqual(['检查防护罩及联锁开关']);
      expect((await f.t.request(f.worker, 'GET', `/api/v1/inspection-tasks/${shift?.id}`)).json().items.map((i: { content: string }) => i.content)).toEqual(['检查护目镜佩戴']);
      // Back as it was, for the tests below.
      await f.t.request(f.manager, 'PATCH', `/api/v1/inspection-items/${guard.id}`, { content: '检查防护罩', period: 'shift' });
      expect((await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`)).statusCode).toBe(201);
    });

    it('marks a task missed once its window has passed, opens the next one, and counts it in the completion rate', async () => {
      const before = await countRows(f.t, 'inspection_task', f.enterpriseId);
      f.t.clock.set(new Date('2026-11-23T12:00:00.000Z')); // 20:00 Shanghai: the B shift starts
      await f.relogin();
      const tasks = (await f.t.request(f.manager, 'GET', '/api/v1/inspection-tasks')).json().items as { period: string; status: string; shiftCode: string }[];
      expect(tasks.find((x) => x.shiftCode === 'A')?.status).toBe('missed');
      expect(tasks.find((x) => x.shiftCode === 'B')?.status).toBe('open');
      expect(await countRows(f.t, 'inspection_task', f.enterpriseId)).toBe(before + 1);
      const stats = (await f.t.request(f.manager, 'GET', '/api/v1/inspection-stats?from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z')).json();
      expect(stats.tasks).toMatchObject({ done: 0, missed: 1 });
      expect(stats.completionRate).toBe(0);
      const bad = await f.t.request(f.manager, 'GET', '/api/v1/inspection-stats?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z');
      expect(bad.statusCode).toBe(400);
      f.t.clock.set(new Date('2026-11-23T02:00:00.000Z'));
      await f.relogin();
    });

    it("opens from an area's or equipment's QR code the tasks whose items' risks name that place", async () => {
      const area = (await f.t.request(f.manager, 'POST', '/api/v1/areas', { name: '机加车间' })).json().id;
      const otherArea = (await f.t.request(f.manager, 'POST', '/api/v1/areas', { name: '仓库' })).json().id;
      const lathe = (await f.t.request(f.manager, 'POST', '/api/v1/equipment', { name: '车床 C6140', areaId: area })).json().id;
      const risk = await f.t.request(f.manager, 'POST', '/api/v1/risks', {
        postId: f.postId, objectKind: 'equipment', objectName: '车床 C6140', objectId: lathe, areaId: area,
        hazardFactorCodes: ['2101'], accidentTypeCodes: ['03'], causes: '卡盘扳手未取下', evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
        measures: [{ type: 'administrative', phase: 'before', text: '开机前取下扳手', inspection: { content: '检查卡盘扳手', method: 'look', period: 'week', responsiblePersonId: f.personId } }],
      });
      expect(risk.statusCode, risk.body).toBe(201);
      expect((await f.t.request(f.manager, 'POST', `/api/v1/posts/${f.postId}/inspection-list/publish`)).statusCode).toBe(201);
      const byArea = (await f.t.request(f.worker, 'GET', `/api/v1/areas/${area}/open-tasks`)).json();
      expect(byArea.placeName).toBe('机加车间');
      expect(byArea.items.map((x: { period: string }) => x.period)).toEqual(['week']);
      const byLathe = (await f.t.request(f.worker, 'GET', `/api/v1/equipment/${lathe}/open-tasks`)).json();
      expect(byLathe.items.map((x: { id: string }) => x.id)).toEqual(byArea.items.map((x: { id: string }) => x.id));
      expect((await f.t.request(f.worker, 'GET', `/api/v1/areas/${otherArea}/open-tasks`)).json().items).toEqual([]);
      expect((await f.t.request(f.otherManager, 'GET', `/api/v1/areas/${area}/open-tasks`)).statusCode).toBe(404);
    });

    it('refuses a submission from someone who is not the responsible person', async () => {
      const task = (await f.t.request(f.manager, 'GET', '/api/v1/inspection-tasks?status=open')).json().items[0];
      const res = await f.t.request(f.manager, 'POST', `/api/v1/inspection-tasks/${task.id}/records`, {
        clientId: randomUUID(), capturedAt: f.t.clock.now().toISOString(), results: [{ itemId: randomUUID(), result: 'pass' }],
      });
      expect(res.statusCode).toBe(403);
    });
  });
});
