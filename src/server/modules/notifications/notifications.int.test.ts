import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { deliverOutbox, type FetchLike } from '../../platform/outbox/outbox.service.js';
import { listOutbox } from '../../platform/outbox/outbox.repository.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { clientId, hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { deliverNotifications } from './notification-fanout.service.js';
import { notifyInTransaction } from './notifications.service.js';

describe.skipIf(!isDbAvailable())('notifications and the webhook outbox', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'nt');
  });
  afterAll(() => t.close());

  /** A fake robot: records calls, fails while `failing` is set. */
  const robot = () => {
    const calls: { url: string; body: unknown }[] = [];
    const state = { failing: false };
    const fetchImpl: FetchLike = async (url, init) => {
      calls.push({ url, body: JSON.parse(init.body) });
      await new Promise((r) => setTimeout(r, 5));
      return state.failing
        ? { ok: true, status: 200, text: async () => JSON.stringify({ errcode: 93000, errmsg: 'invalid webhook url' }) }
        : { ok: true, status: 200, text: async () => JSON.stringify({ errcode: 0, errmsg: 'ok' }) };
    };
    return { calls, state, fetchImpl };
  };

  it('tells safety managers and the principal of a new hazard in-app, and marks it read', async () => {
    const res = await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { description: '楼梯扶手松动', clientId: clientId() });
    const inbox = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/notifications', undefined, { 'accept-language': 'en-US' })).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'hazard_to_confirm', title: 'New hazard to confirm', link: `/hazards/${res.json().id}`, readAt: null });
    expect((await t.request(w.cookies.principal, 'GET', '/api/v1/notifications')).json().items[0].title).toBe('新隐患待确认');
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/notifications')).json().items).toEqual([]);
    const marked = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/notifications/read', { ids: [inbox.items[0].id] });
    expect(marked.json()).toEqual({ marked: 1 });
    expect((await t.request(w.cookies.safety_manager, 'GET', '/api/v1/notifications')).json().unread).toBe(0);
    // Another user cannot mark mine.
    expect((await t.request(w.cookies.principal, 'POST', '/api/v1/notifications/read', { ids: [inbox.items[0].id] })).json()).toEqual({ marked: 0 });
  });

  it('the write only enqueues one outbox row; the fan-out after the commit makes the in-app rows once, within a second, without anyone reading', async () => {
    const input = (key: string) => ({
      enterpriseId: w.enterpriseId,
      roles: ['principal', 'safety_manager'],
      kind: 'test_fanout',
      title: { 'zh-CN': '扇出', 'en-US': 'Fan-out' },
      body: { 'zh-CN': '正文', 'en-US': 'Body' },
      link: '/f',
      dedupeKey: key,
      at: t.clock.now(),
    });
    const count = async (table: 'notification' | 'outbox', column: 'kind' | 'dedupe_key', value: string) =>
      Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', w.enterpriseId).where(column, '=', value).executeTakeFirstOrThrow()).n);
    // Inside the write: one outbox row, no notification yet.
    await withTransaction(t.deps.db, async (trx) => {
      await notifyInTransaction(trx, input('test:fanout:1'));
      expect(Number((await trx.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'test_fanout').executeTakeFirstOrThrow()).n)).toBe(0);
    });
    expect(await count('outbox', 'dedupe_key', 'notify:test:fanout:1')).toBe(1);
    // After the commit the kick fans it out on its own (no list read, no scheduler in tests).
    for (let i = 0; i < 50 && (await count('notification', 'kind', 'test_fanout')) < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await count('notification', 'kind', 'test_fanout')).toBe(2);
    // A rolled-back write leaves nothing to deliver.
    await expect(
      withTransaction(t.deps.db, async (trx) => {
        await notifyInTransaction(trx, input('test:fanout:rolled-back'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await count('outbox', 'dedupe_key', 'notify:test:fanout:rolled-back')).toBe(0);
    // Several runners at once (kick, list reads, the scheduler's round) fan each event out once.
    await withTransaction(t.deps.db, (trx) => notifyInTransaction(trx, { ...input('test:fanout:2'), kind: 'test_fanout_2' }));
    const made = await Promise.all([deliverNotifications(t.deps.db, t.clock.now()), deliverNotifications(t.deps.db, t.clock.now(), { enterpriseId: w.enterpriseId }), deliverNotifications(t.deps.db, t.clock.now())]);
    await new Promise((r) => setTimeout(r, 100)); // the kick, too, has had its turn
    expect(made.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2);
    expect(await count('notification', 'kind', 'test_fanout_2')).toBe(2);
    // The same event again (a replay, a retried job) is not a new notification.
    expect(await withTransaction(t.deps.db, (trx) => notifyInTransaction(trx, { ...input('test:fanout:2'), kind: 'test_fanout_2' }))).toBe(0);
  });

  it('fans out every pending notification in one claiming statement and one transaction; a row that cannot be fanned out holds back none of the others', async () => {
    const input = (key: string) => ({
      enterpriseId: w.enterpriseId,
      roles: ['principal', 'safety_manager'],
      kind: 'test_batch',
      title: { 'zh-CN': '批量', 'en-US': 'Batch' },
      body: { 'zh-CN': '正文', 'en-US': 'Body' },
      link: '/b',
      dedupeKey: key,
      at: t.clock.now(),
    });
    const made = () => t.deps.db.selectFrom('notification').select(['dedupe_key', 'user_id']).where('enterprise_id', '=', w.enterpriseId).where('kind', '=', 'test_batch').execute();
    // Five writes whose kick is lost (a transaction not opened by withTransaction): five pending rows.
    for (let i = 0; i < 5; i++) await t.deps.db.transaction().execute((trx) => notifyInTransaction(trx, input(`test:batch:${i}`)));
    const claims: string[] = [];
    const counting = t.deps.db.withPlugin({
      transformQuery: ({ node }) => {
        if (node.kind === 'UpdateQueryNode') claims.push(node.kind);
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    // Three runners at once: each event reaches each of the two recipients once, in one claim by one of them.
    const counts = await Promise.all([deliverNotifications(counting, t.clock.now()), deliverNotifications(counting, t.clock.now()), deliverNotifications(t.deps.db, t.clock.now())]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    const rows = await made();
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(10);
    expect(claims.length).toBeLessThanOrEqual(2); // one UPDATE per run, not one per row
    // A broken row among good ones: the batch rolls back, each row is then tried alone; the good ones are delivered once.
    await t.deps.db.transaction().execute(async (trx) => {
      await notifyInTransaction(trx, input('test:batch:after-1'));
      await trx.insertInto('outbox').values({ id: `broken-${clientId()}`, enterprise_id: w.enterpriseId, kind: 'notify', payload: '{not json', dedupe_key: `notify:broken:${clientId()}`, attempts: 0, next_attempt_at: t.clock.now().toISOString(), claimed_until: null, sent_at: null, last_error: null, created_at: t.clock.now().toISOString() }).execute();
      await notifyInTransaction(trx, input('test:batch:after-2'));
    });
    expect(await deliverNotifications(t.deps.db, t.clock.now())).toBe(4);
    expect(await made()).toHaveLength(14);
    const broken = await t.deps.db.selectFrom('outbox').select(['sent_at', 'last_error']).where('enterprise_id', '=', w.enterpriseId).where('payload', '=', '{not json').executeTakeFirstOrThrow();
    expect(broken.sent_at).toBeNull();
    expect(broken.last_error).toBeTruthy();
    // Still pending, it is retried by every run, and never duplicates what was delivered.
    expect(await deliverNotifications(t.deps.db, t.clock.now())).toBe(0);
    expect(await made()).toHaveLength(14);
    await t.deps.db.deleteFrom('outbox').where('payload', '=', '{not json').execute();
  });

  it('delivers a webhook once, in the WeCom shape, even with two deliverers at once', async () => {
    const set = await t.request(w.cookies.principal, 'PUT', '/api/v1/notification-settings', { webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', webhookFormat: 'wecom', isWebhookEnabled: true });
    expect(set.statusCode, set.body).toBe(200);
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/notification-settings')).statusCode).toBe(403);
    await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { description: '叉车倒车报警失效', clientId: clientId() });
    const r = robot();
    const [a, b] = await Promise.all([deliverOutbox(t.deps, r.fetchImpl, t.clock.now()), deliverOutbox(t.deps, r.fetchImpl, t.clock.now())]);
    expect(a.sent + b.sent).toBe(1);
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]?.body).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('新隐患待确认') } });
    expect(await deliverOutbox(t.deps, r.fetchImpl, t.clock.now())).toEqual({ sent: 0, failed: 0 });
    expect(r.calls).toHaveLength(1);
  });

  it('keeps a failed message and retries it with backoff until it is sent (DingTalk shape)', async () => {
    await t.request(w.cookies.safety_manager, 'PUT', '/api/v1/notification-settings', { webhookFormat: 'dingtalk' });
    const r = robot();
    r.state.failing = true;
    await withTransaction(t.deps.db, (trx) =>
      notifyInTransaction(trx, {
        enterpriseId: w.enterpriseId,
        roles: ['principal'],
        kind: 'test',
        title: { 'zh-CN': '测试', 'en-US': 'Test' },
        body: { 'zh-CN': '正文', 'en-US': 'Body' },
        link: '/x',
        dedupeKey: 'test:retry',
        at: t.clock.now(),
      }),
    );
    // Replaying the same event adds nothing.
    await withTransaction(t.deps.db, (trx) =>
      notifyInTransaction(trx, { enterpriseId: w.enterpriseId, roles: ['principal'], kind: 'test', title: { 'zh-CN': '测试', 'en-US': 'Test' }, body: { 'zh-CN': '正文', 'en-US': 'Body' }, link: '/x', dedupeKey: 'test:retry', at: t.clock.now() }),
    );
    expect(await deliverOutbox(t.deps, r.fetchImpl, t.clock.now())).toEqual({ sent: 0, failed: 1 });
    let row = (await listOutbox(t.deps.db, w.enterpriseId)).find((o) => o.dedupe_key === 'webhook:test:retry');
    expect(row).toMatchObject({ sent_at: null, attempts: 1, last_error: expect.stringContaining('93000') });
    // Not due yet: nothing is tried.
    expect(await deliverOutbox(t.deps, r.fetchImpl, t.clock.now())).toEqual({ sent: 0, failed: 0 });
    t.clock.advanceMinutes(1);
    expect(await deliverOutbox(t.deps, r.fetchImpl, t.clock.now())).toEqual({ sent: 0, failed: 1 });
    r.state.failing = false;
    t.clock.advanceMinutes(2);
    expect(await deliverOutbox(t.deps, r.fetchImpl, t.clock.now())).toEqual({ sent: 1, failed: 0 });
    row = (await listOutbox(t.deps.db, w.enterpriseId)).find((o) => o.dedupe_key === 'webhook:test:retry');
    expect(row).toMatchObject({ sent_at: t.clock.now().toISOString(), attempts: 3 });
    expect(r.calls).toHaveLength(3);
    expect(r.calls[2]?.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '测试', text: expect.stringContaining('正文') } });
    expect((await t.request(w.cookies.principal, 'GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'test')).toHaveLength(1);
  });

  it('survives a thrown network error as a failure, not a loss', async () => {
    await withTransaction(t.deps.db, (trx) =>
      notifyInTransaction(trx, { enterpriseId: w.enterpriseId, roles: ['principal'], kind: 'test', title: { 'zh-CN': 'n', 'en-US': 'n' }, body: { 'zh-CN': 'n', 'en-US': 'n' }, link: '/y', dedupeKey: 'test:net', at: t.clock.now() }),
    );
    const boom: FetchLike = async () => {
      throw new Error('ECONNRESET');
    };
    expect(await deliverOutbox(t.deps, boom, t.clock.now())).toEqual({ sent: 0, failed: 1 });
    const row = (await listOutbox(t.deps.db, w.enterpriseId)).find((o) => o.dedupe_key === 'webhook:test:net');
    expect(row).toMatchObject({ sent_at: null, last_error: 'ECONNRESET' });
  });

  it('refuses a webhook URL that reaches the server itself or a private network, unless the operator allows it (issue 10 §5)', async () => {
    for (const url of ['http://127.0.0.1:5432/', 'http://localhost:3000/api/v1/setup', 'http://[::1]/', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data', 'http://192.168.1.10/', 'http://[::ffff:127.0.0.1]/']) {
      const res = await t.request(w.cookies.principal, 'PUT', '/api/v1/notification-settings', { webhookUrl: url, isWebhookEnabled: true });
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'webhookUrl', message: expect.stringContaining('内网') }]);
    }
    expect((await t.request(w.cookies.principal, 'GET', '/api/v1/notification-settings')).json().webhookUrl).not.toContain('127.0.0.1');
    // A URL saved earlier (or by a name that now resolves privately) is not delivered to either.
    await t.deps.db.updateTable('enterprise_notification_setting').set({ webhook_url: 'http://127.0.0.1:9/x', is_webhook_enabled: 1 }).where('enterprise_id', '=', w.enterpriseId).execute();
    await withTransaction(t.deps.db, (trx) =>
      notifyInTransaction(trx, { enterpriseId: w.enterpriseId, roles: ['principal'], kind: 'test', title: { 'zh-CN': 'p', 'en-US': 'p' }, body: { 'zh-CN': 'p', 'en-US': 'p' }, link: '/p', dedupeKey: 'test:private', at: t.clock.now() }),
    );
    const r = robot();
    await deliverOutbox(t.deps, r.fetchImpl, t.clock.now());
    expect(r.calls.filter((c) => c.url.includes('127.0.0.1'))).toEqual([]);
    const row = (await listOutbox(t.deps.db, w.enterpriseId)).find((o) => o.dedupe_key === 'webhook:test:private');
    expect(row?.last_error).toContain('private');
    // WEBHOOK_ALLOW_PRIVATE=true: an intranet robot.
    const intranet = await createTestApp({ isWebhookPrivateAllowed: true });
    try {
      const world = await hazardWorld(intranet, 'ntp');
      const res = await intranet.request(world.cookies.principal, 'PUT', '/api/v1/notification-settings', { webhookUrl: 'http://10.1.2.3/hook', isWebhookEnabled: true });
      expect(res.statusCode, res.body).toBe(200);
    } finally {
      await intranet.close();
    }
  });
});
