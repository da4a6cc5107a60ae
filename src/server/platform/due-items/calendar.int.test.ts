import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { clientId, fivePlan, hazardWorld, type World } from '../../modules/hazards/hazard-test-setup.js';

interface Item { kind: string; title: string; dueAt: string; status: string; ownerPersonId: string | null }

/** Every event of an .ics text as ical.js reads it (the test's check that the feed parses). */
function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, start: e.startDate.toString(), isDate: e.startDate.isDate, description: e.description };
  });
}

describe.skipIf(!isDbAvailable())('one calendar of what is due (issue 15 §6)', () => {
  let t: TestApp;
  let w: World;
  let b: World;
  const day = 86_400_000;
  const month = (from: string, to: string) => `/api/v1/due-items?from=${from}T00:00:00%2B08:00&to=${to}T23:59:59.999%2B08:00`;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    w = await hazardWorld(t, 'cal');
    b = await hazardWorld(t, 'calb');
    const sm = w.cookies.safety_manager;
    const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 201) => {
      const r = await res;
      expect(r.statusCode, r.body).toBe(status);
    };
    // hazard: a rectification deadline on 2026-12-10 (local) owned by the worker
    const hazardId = (await t.request(w.cookies.worker, 'POST', '/api/v1/hazards', { description: '配电箱门锁损坏', postId: w.postId, clientId: clientId() })).json().id;
    await ok(t.request(sm, 'POST', `/api/v1/hazards/${hazardId}/confirm`, { grade: 'general' }), 200);
    await ok(t.request(sm, 'POST', `/api/v1/hazards/${hazardId}/rectification-plan`, fivePlan(w.people.worker, '2026-12-10T15:59:59.999Z')), 200);
    // inspection: a weekly item of the team leader, published
    await ok(t.request(sm, 'POST', '/api/v1/inspection-items', { postId: w.postId, content: '消防通道畅通', method: 'look', period: 'week', responsiblePersonId: w.people.team_leader }));
    await ok(t.request(sm, 'POST', `/api/v1/posts/${w.postId}/inspection-list/publish`));
    await t.request(sm, 'GET', '/api/v1/inspection-tasks');
    // risk: a post identified today is due for re-identification on 2027-12-01
    await ok(t.request(sm, 'POST', '/api/v1/risks', {
      postId: w.postId, objectKind: 'equipment', objectName: '车床', hazardFactorCodes: ['2101'], accidentTypeCodes: ['03'], causes: '卷入',
      evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
      measures: [{ type: 'engineering', phase: 'during', text: '防护罩', inspection: { content: '检查防护罩', method: 'look', period: 'month', responsibleIsPostHolders: true } }],
    }));
    // emergency: a supply expiring 2026-12-20; training: a session planned 2026-12-15
    await ok(t.request(sm, 'POST', '/api/v1/emergency-supplies', { name: '正压式空气呼吸器', quantity: 2, expiresOn: '2026-12-20' }));
    await ok(t.request(sm, 'POST', '/api/v1/training-sessions', { title: '冬季消防培训', kind: 'yearly', heldOn: '2026-12-15', hours: 2 }));
  });
  afterAll(() => t.close());

  it('lists the due items of at least six modules in a month, each on its own date', async () => {
    const res = await t.request(w.cookies.safety_manager, 'GET', month('2026-12-01', '2026-12-31'));
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Item[];
    const on = (kind: string, title: string) => items.find((i) => i.kind === kind && i.title.includes(title));
    const localDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(localDay(on('hazard.rectification', '配电箱门锁损坏')!.dueAt)).toBe('2026-12-10');
    expect(on('hazard.rectification', '配电箱门锁损坏')!.ownerPersonId).toBe(w.people.worker);
    expect(localDay(on('emergency.supplyExpiry', '正压式空气呼吸器')!.dueAt)).toBe('2026-12-20');
    expect(localDay(on('training.session', '冬季消防培训')!.dueAt)).toBe('2026-12-15');
    expect(items.filter((i) => i.kind === 'inspection.task').every((i) => i.ownerPersonId === w.people.team_leader)).toBe(true);
    const reid = (await t.request(w.cookies.safety_manager, 'GET', month('2027-12-01', '2027-12-31') + '&kind=risk')).json().items as Item[];
    expect(reid.map((i) => [i.kind, localDay(i.dueAt)])).toEqual([['risk.reidentification', '2027-12-01']]);
    const modules = new Set([...items, ...reid].map((i) => i.kind.split('.')[0]));
    for (const m of ['hazard', 'inspection', 'risk', 'emergency', 'training', 'audit']) expect(modules).toContain(m);
    expect(modules.size).toBeGreaterThanOrEqual(6);
    // Tenancy: another enterprise's month has none of these.
    const other = (await t.request(b.cookies.safety_manager, 'GET', month('2026-12-01', '2026-12-31'))).json().items as Item[];
    expect(other.some((i) => /配电箱门锁损坏|正压式空气呼吸器|冬季消防培训/.test(i.title))).toBe(false);
  });

  it('serves each person a secret .ics feed that parses: their own items, and the unowned ones for the safety manager', async () => {
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/calendar-feed')).json()).toEqual({ isActive: false, createdAt: null });
    const made = await t.request(w.cookies.worker, 'POST', '/api/v1/calendar-feed');
    expect(made.statusCode, made.body).toBe(201);
    const workerPath = made.json().path as string;
    expect(workerPath).toMatch(/^\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await t.request(null, 'GET', workerPath);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const mine = events(feed.body);
    const rect = mine.find((e) => e.summary.includes('配电箱门锁损坏'));
    expect(rect).toMatchObject({ start: '2026-12-10', isDate: true });
    expect(mine.some((e) => e.summary.includes('冬季消防培训'))).toBe(false); // unowned: not the worker's

    const smPath = (await t.request(w.cookies.safety_manager, 'POST', '/api/v1/calendar-feed')).json().path as string;
    const managers = events((await t.request(null, 'GET', smPath)).body);
    expect(managers.find((e) => e.summary.includes('冬季消防培训'))).toMatchObject({ start: '2026-12-15', isDate: true });
    expect(managers.find((e) => e.summary.includes('正压式空气呼吸器'))?.start).toBe('2026-12-20');
    expect(managers.some((e) => e.summary.includes('配电箱门锁损坏'))).toBe(false); // the worker's own
    expect(new Set(managers.map((e) => e.uid)).size).toBe(managers.length);

    // Overdue later: the summary says so.
    t.clock.set(new Date(t.clock.now().getTime() + 12 * day));
    expect(events((await t.request(null, 'GET', workerPath)).body).find((e) => e.summary.includes('配电箱门锁损坏'))?.summary).toMatch(/^【已逾期】/);
  });

  it('is revocable: a new URL stops the old one, revoking stops it, a made-up token is 404', async () => {
    const first = (await t.request(w.cookies.principal, 'POST', '/api/v1/calendar-feed')).json().path as string;
    const second = (await t.request(w.cookies.principal, 'POST', '/api/v1/calendar-feed')).json().path as string;
    expect((await t.request(null, 'GET', first)).statusCode).toBe(404);
    expect((await t.request(null, 'GET', second)).statusCode).toBe(200);
    expect((await t.request(w.cookies.principal, 'DELETE', '/api/v1/calendar-feed')).statusCode).toBe(204);
    expect((await t.request(null, 'GET', second)).statusCode).toBe(404);
    expect((await t.request(w.cookies.principal, 'GET', '/api/v1/calendar-feed')).json().isActive).toBe(false);
    expect((await t.request(null, 'GET', `/api/v1/calendar-feeds/${'x'.repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await t.request(null, 'GET', '/api/v1/calendar-feeds/nonsense')).statusCode).toBe(404);
  });
});
