import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDbAvailable } from '../../test/test-app.js';
import { countRows, createInspectionFixture, type InspectionFixture } from './inspection-fixture.js';

describe.skipIf(!isDbAvailable())('submitting inspection records', () => {
  let f: InspectionFixture;
  let taskId: string;
  let itemIds: string[];
  const submit = (body: object, cookie = f.worker, id = taskId) => f.t.request(cookie, 'POST', `/api/v1/inspection-tasks/${id}/records`, body);
  const body = (clientId: string, results: object[], capturedAt = f.t.clock.now().toISOString()) => ({ clientId, capturedAt, results });

  beforeAll(async () => {
    // Day items: the window is Monday 2026-11-23 in Shanghai, [2026-11-22T16:00Z, 2026-11-23T16:00Z).
    f = await createInspectionFixture('irc', 'day');
    const tasks = (await f.t.request(f.worker, 'GET', '/api/v1/inspection-tasks?mine=true&status=open')).json().items;
    taskId = tasks[0].id;
    itemIds = (await f.t.request(f.worker, 'GET', `/api/v1/inspection-tasks/${taskId}`)).json().items.map((i: { id: string }) => i.id);
    expect(itemIds).toHaveLength(2);
  });
  afterAll(() => f.t.close());
  const submitAudits = async (clientId: string) =>
    (await f.t.deps.db.selectFrom('audit_log').select('after').where('enterprise_id', '=', f.enterpriseId).where('entity_id', '=', taskId).where('action', '=', 'submit').execute())
      .map((r) => JSON.parse(r.after as string) as { clientId: string })
      .filter((a) => a.clientId === clientId);

  it('refuses an unknown item or result, naming the field, and writes nothing', async () => {
    const before = await countRows(f.t, 'inspection_record', f.enterpriseId);
    const unknown = await submit(body(randomUUID(), [{ itemId: itemIds[0], result: 'pass' }, { itemId: randomUUID(), result: 'pass' }]));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('results.1.itemId');
    const badResult = await submit(body(randomUUID(), [{ itemId: itemIds[0], result: 'ok' }]));
    expect(badResult.statusCode).toBe(400);
    expect(badResult.json().errors[0].path).toBe('results.0.result');
    const noClientId = await submit({ capturedAt: f.t.clock.now().toISOString(), results: [{ itemId: itemIds[0], result: 'pass' }] });
    expect(noClientId.json().errors[0].path).toBe('clientId');
    const badPhoto = await submit(body(randomUUID(), [{ itemId: itemIds[0], result: 'pass', photoIds: [randomUUID()] }]));
    expect(badPhoto.json().errors[0].path).toBe('results.0.photoIds.0');
    expect(await countRows(f.t, 'inspection_record', f.enterpriseId)).toBe(before);
  });

  it('applies a submission once: a retry answers the first result with 200 and adds no rows', async () => {
    const clientId = randomUUID();
    const payload = body(clientId, [{ itemId: itemIds[0], result: 'pass', note: '完好' }]);
    const first = await submit(payload);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ isReplay: false, status: 'open', records: [{ result: 'pass', isLate: false }] });
    const count = await countRows(f.t, 'inspection_record', f.enterpriseId);
    const retry = await submit(payload);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().isReplay).toBe(true);
    expect(retry.json().records.map((r: { id: string }) => r.id)).toEqual(first.json().records.map((r: { id: string }) => r.id));
    expect(await countRows(f.t, 'inspection_record', f.enterpriseId)).toBe(count);
    // One audit row, written with the records (in their statement on PostgreSQL), none for the retry.
    expect(await submitAudits(clientId)).toEqual([{ clientId, isLate: false, results: [{ itemId: itemIds[0], result: 'pass' }], hazardIds: [] }]);
  });

  it('applies a submission once when two copies arrive at the same time', async () => {
    const payload = body(randomUUID(), [{ itemId: itemIds[1], result: 'na' }]);
    const before = await countRows(f.t, 'inspection_record', f.enterpriseId);
    const answers = await Promise.all([submit(payload), submit(payload), submit(payload)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => !a.json().isReplay)).toHaveLength(1);
    expect(await countRows(f.t, 'inspection_record', f.enterpriseId)).toBe(before + 1);
    expect(await submitAudits(payload.clientId)).toHaveLength(1);
    // Every item now has a result: the task is done.
    expect((await f.t.request(f.worker, 'GET', `/api/v1/inspection-tasks/${taskId}`)).json().status).toBe('done');
  });

  it('corrects a record with a new one that supersedes it, keeping the old one', async () => {
    const detail = (await f.t.request(f.worker, 'GET', `/api/v1/inspection-tasks/${taskId}`)).json();
    const old = detail.items.find((i: { id: string }) => i.id === itemIds[0]).latestRecord;
    const res = await submit(body(randomUUID(), [{ itemId: itemIds[0], result: 'na', note: '更正：设备停用', supersedesId: old.id }]));
    expect(res.statusCode, res.body).toBe(200);
    const after = (await f.t.request(f.worker, 'GET', `/api/v1/inspection-tasks/${taskId}`)).json();
    expect(after.items.find((i: { id: string }) => i.id === itemIds[0]).latestRecord).toMatchObject({ result: 'na', supersedesId: old.id });
    const stillThere = await f.t.deps.db.selectFrom('inspection_record').select('result').where('id', '=', old.id).executeTakeFirst();
    expect(stillThere?.result).toBe('pass');
    const wrong = await submit(body(randomUUID(), [{ itemId: itemIds[1], result: 'pass', supersedesId: old.id }]));
    expect(wrong.json().errors[0].path).toBe('results.0.supersedesId');
  });

  it('marks records late when captured more than 2 h before receipt, or received after the window closed', async () => {
    const now = f.t.clock.now();
    const gap = await submit(body(randomUUID(), [{ itemId: itemIds[1], result: 'pass' }], new Date(now.getTime() - 2 * 3600_000 - 60_000).toISOString()));
    expect(gap.json().records[0].isLate).toBe(true);
    const within = await submit(body(randomUUID(), [{ itemId: itemIds[1], result: 'pass' }], new Date(now.getTime() - 3600_000).toISOString()));
    expect(within.json().records[0].isLate).toBe(false);
    f.t.clock.set(new Date('2026-11-23T16:00:00.000Z')); // Tuesday 00:00 Shanghai: Monday's window has closed
    await f.relogin();
    const late = await submit(body(randomUUID(), [{ itemId: itemIds[1], result: 'pass' }], '2026-11-23T15:59:00.000Z'));
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().records[0]).toMatchObject({ isLate: true, capturedAt: '2026-11-23T15:59:00.000Z', receivedAt: '2026-11-23T16:00:00.000Z' });
    const stats = (await f.t.request(f.manager, 'GET', '/api/v1/inspection-stats?from=2026-11-22T16:00:00Z&to=2026-11-23T16:00:00.001Z')).json();
    expect(stats.records).toEqual({ total: 6, late: 2 });
    expect(stats.tasks.done).toBe(1);
    expect(stats.completionRate).toBe(1);
  });

  it('turns a failed item into one hazard pre-filled from the item, even when the submission is replayed', async () => {
    const payload = body(randomUUID(), [{ itemId: itemIds[0], result: 'fail', note: '防护罩松动' }]);
    const first = await submit(payload);
    expect(first.statusCode, first.body).toBe(200);
    const record = first.json().records[0];
    expect(record.hazardId).toEqual(expect.any(String));
    // The replay (a lost answer, a second tab) answers the same, the hazard it raised included (issue 10 §5).
    const replay = await submit(payload);
    expect(replay.json()).toMatchObject({ isReplay: true, records: [{ id: record.id, hazardId: record.hazardId }] });
    const hazards = await f.t.deps.db.selectFrom('hazard').selectAll().where('enterprise_id', '=', f.enterpriseId).execute();
    expect(hazards).toHaveLength(1);
    expect(hazards[0]).toMatchObject({ source: 'inspection', record_id: record.id, item_id: itemIds[0], post_id: f.postId, status: 'reported' });
    expect(hazards[0]?.description).toContain('防护罩松动');
  });

  it("keeps tasks and records to their enterprise: another enterprise's manager gets 404", async () => {
    const res = await submit(body(randomUUID(), [{ itemId: itemIds[0], result: 'pass' }]), f.otherManager);
    expect(res.statusCode).toBe(404);
    expect((await f.t.request(f.otherManager, 'GET', `/api/v1/inspection-tasks/${taskId}`)).statusCode).toBe(404);
  });

  describe('photos', () => {
    it('resizes to 1600 px, re-encodes as JPEG, stamps it, and serves it only to its enterprise', async () => {
      const png = await sharp({ create: { width: 2400, height: 1000, channels: 3, background: '#3a6' } }).png().toBuffer();
      const res = await f.t.request(f.worker, 'POST', `/api/v1/attachments?postId=${f.postId}`, png, { 'content-type': 'image/png' });
      expect(res.statusCode, res.body).toBe(201);
      const dto = res.json();
      expect(dto).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 667 });
      expect(dto.stampedText).toContain('车床工');
      expect(dto.stampedText).toContain('张三');
      const got = await f.t.request(f.worker, 'GET', `/api/v1/attachments/${dto.id}`);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/jpeg');
      expect((await sharp(got.rawPayload).metadata()).format).toBe('jpeg');
      expect((await f.t.request(f.otherManager, 'GET', `/api/v1/attachments/${dto.id}`)).statusCode).toBe(404);
      const withPhoto = await submit(body(randomUUID(), [{ itemId: itemIds[0], result: 'pass', photoIds: [dto.id] }]));
      expect(withPhoto.json().records[0].photoIds).toEqual([dto.id]);
      const foreign = await submit(body(randomUUID(), [{ itemId: itemIds[0], result: 'pass', photoIds: [dto.id] }]), f.otherManager);
      expect(foreign.statusCode).toBe(404);
    });

    it('stores a photo once when the phone uploads it twice under one client key (发送 tapped before the upload ended)', async () => {
      const before = await countRows(f.t, 'attachment', f.enterpriseId);
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a33' } }).png().toBuffer();
      const key = randomUUID();
      const url = `/api/v1/attachments?postId=${f.postId}&clientKey=${key}`;
      // The page's upload and the outbox's at the same time, then the outbox's retry.
      const [a, b] = await Promise.all([f.t.request(f.worker, 'POST', url, png, { 'content-type': 'image/png' }), f.t.request(f.worker, 'POST', url, png, { 'content-type': 'image/png' })]);
      const c = await f.t.request(f.worker, 'POST', url, png, { 'content-type': 'image/png' });
      expect([a.statusCode, b.statusCode, c.statusCode], a.body + b.body).toEqual([201, 201, 201]);
      expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1);
      expect(await countRows(f.t, 'attachment', f.enterpriseId)).toBe(before + 1);
      // Another member cannot claim that key (nor learn the photo through it).
      const other = await f.t.request(f.manager, 'POST', url, png, { 'content-type': 'image/png' });
      expect([other.statusCode, other.json().errors?.[0]?.path]).toEqual([409, 'clientKey']);
    });

    it('refuses a body whose bytes are not the declared image type, another type, or more than 8 MB', async () => {
      const before = await countRows(f.t, 'attachment', f.enterpriseId);
      const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer();
      const lying = await f.t.request(f.worker, 'POST', '/api/v1/attachments', png, { 'content-type': 'image/jpeg' });
      expect([lying.statusCode, lying.json().code]).toEqual([400, 'NOT_AN_IMAGE']);
      const text = await f.t.request(f.worker, 'POST', '/api/v1/attachments', Buffer.from('hello'), { 'content-type': 'application/octet-stream' });
      expect(text.statusCode).toBe(415);
      const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(8 * 1024 * 1024)]);
      const big = await f.t.request(f.worker, 'POST', '/api/v1/attachments', huge, { 'content-type': 'image/jpeg' });
      expect(big.statusCode).toBe(413);
      const broken = await f.t.request(f.worker, 'POST', '/api/v1/attachments', Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2]), { 'content-type': 'image/jpeg' });
      expect(broken.json().code).toBe('NOT_AN_IMAGE');
      expect(await countRows(f.t, 'attachment', f.enterpriseId)).toBe(before);
    });
  });
});
