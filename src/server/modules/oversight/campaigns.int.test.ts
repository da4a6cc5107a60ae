import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { createUser } from '../auth/auth.service.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, testPassword, type TestApp } from '../../test/test-app.js';

type Progress = {
  towns: { townCode: string | null; enterprises: number; notStarted: number; inProgress: number; completed: number; completedOnTime: number }[];
  enterprises: { enterpriseId: string; name: string; townCode: string | null; status: string; score: number | null; isOnTime: boolean | null; findingsOpen: number | null }[];
  nextCursor: string | null;
};

/** Issue 17 §5 (seed 003 要求(三)): the county's self-assessment campaign, its progress by town and enterprise. */
describe.skipIf(!isDbAvailable())('self-assessment campaigns', () => {
  let t: TestApp;
  let aId: string;
  let bId: string;
  let safetyA: string;
  let safetyB: string;
  let campaignId: string;
  const c = {} as Record<'admin' | 'county' | 'town' | 'other', string>;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    t.clock.set(new Date('2026-11-05T02:00:00.000Z'));
    const a = await createEnterpriseWithUsers(t.deps, 'cpa', ['safety_manager']);
    const b = await createEnterpriseWithUsers(t.deps, 'cpb', ['safety_manager']);
    aId = a.enterpriseId;
    bId = b.enterpriseId;
    safetyA = await t.login(a.usernames.safety_manager as string);
    safetyB = await t.login(b.usernames.safety_manager as string);
    await withTransaction(t.deps.db, async (trx) => {
      await createUser(t.deps, trx, { username: 'cp_admin', displayName: '管理员', password: testPassword, isAdmin: true });
      for (const u of ['cp_county', 'cp_town', 'cp_other']) await createUser(t.deps, trx, { username: u, displayName: u, password: testPassword });
    });
    for (const k of ['admin', 'county', 'town', 'other'] as const) c[k] = await t.login(`cp_${k}`);
    const ok = async (cookie: string, method: 'PUT' | 'POST', url: string, body: object) => {
      const res = await t.request(cookie, method, url, body);
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    await ok(c.admin, 'PUT', '/api/v1/oversight/jurisdictions', { username: 'cp_county', countyCode: '370102' });
    await ok(c.admin, 'PUT', '/api/v1/oversight/jurisdictions', { username: 'cp_other', countyCode: '370112' });
    await ok(c.county, 'POST', '/api/v1/oversight/towns', { code: '370102011', name: '甲街道' });
    await ok(c.county, 'POST', '/api/v1/oversight/towns', { code: '370102012', name: '乙街道' });
    await ok(c.admin, 'PUT', '/api/v1/oversight/jurisdictions', { username: 'cp_town', countyCode: '370102', townCode: '370102011' });
    await ok(c.county, 'PUT', `/api/v1/oversight/county/enterprises/${aId}/town`, { townCode: '370102011' });
    await ok(c.county, 'PUT', `/api/v1/oversight/county/enterprises/${bId}/town`, { townCode: '370102012' });
  });
  afterAll(() => t?.close());

  const progress = async (cookie: string, query = '') => {
    const res = await t.request(cookie, 'GET', `/api/v1/oversight/campaigns/${campaignId}/progress${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Progress;
  };
  const mine = (p: Progress, id: string) => p.enterprises.find((e) => e.enterpriseId === id);

  it('refuses a bad campaign naming the field, and only the county creates one', async () => {
    const body = { title: '2026 年小微企业自评估', sheetRef: 'gbt33000-starter', deadline: '2026-11-30', townCodes: [] as string[] };
    const past = await t.request(c.county, 'POST', '/api/v1/oversight/campaigns', { ...body, deadline: '2026-10-01' }, { 'accept-language': 'zh-CN' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0]).toMatchObject({ path: 'deadline', message: expect.stringContaining('截止日期') });
    const foreign = await t.request(c.county, 'POST', '/api/v1/oversight/campaigns', { ...body, townCodes: ['370112001'] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('townCodes.0');
    const noTitle = await t.request(c.county, 'POST', '/api/v1/oversight/campaigns', { ...body, title: ' ' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors[0].path).toBe('title');
    expect((await t.request(c.town, 'POST', '/api/v1/oversight/campaigns', body)).statusCode).toBe(403);
    expect((await t.request(safetyA, 'POST', '/api/v1/oversight/campaigns', body)).statusCode).toBe(403);
    const created = await t.request(c.county, 'POST', '/api/v1/oversight/campaigns', body);
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json().id;
  });

  it('shows progress by town and enterprise; the town sees only its town; another county never sees it', async () => {
    const all = await progress(c.county);
    expect(all.enterprises.map((e) => e.status)).toEqual(['not_started', 'not_started']);
    expect(all.towns.map((x) => [x.townCode, x.enterprises, x.notStarted])).toEqual([['370102011', 1, 1], ['370102012', 1, 1]]);
    const town = await progress(c.town);
    expect(town.enterprises.map((e) => e.enterpriseId)).toEqual([aId]);
    expect(town.towns.map((x) => x.townCode)).toEqual(['370102011']);
    expect((await t.request(c.town, 'GET', '/api/v1/oversight/campaigns')).json().items.map((x: { id: string }) => x.id)).toEqual([campaignId]);
    expect((await t.request(c.other, 'GET', '/api/v1/oversight/campaigns')).json().items).toEqual([]);
    expect((await t.request(c.other, 'GET', `/api/v1/oversight/campaigns/${campaignId}/progress`)).statusCode).toBe(404);
    expect((await t.request(safetyB, 'GET', `/api/v1/oversight/campaigns/${campaignId}/progress`)).statusCode).toBe(403);
  });

  it('moves an enterprise to completed when it concludes a self-assessment on the sheet, and clears its due item', async () => {
    const campaigns = async (cookie: string) => (await t.request(cookie, 'GET', '/api/v1/standardization/campaigns')).json().items as { id: string; status: string; deadline: string }[];
    expect(await campaigns(safetyA)).toMatchObject([{ id: campaignId, status: 'not_started', deadline: '2026-11-30' }]);
    const due = async () => ((await t.request(safetyA, 'GET', '/api/v1/due-items?kind=oversight')).json().items as { kind: string; status: string }[]).filter((i) => i.kind === 'oversight.campaign');
    expect(await due()).toMatchObject([{ status: 'due' }]);

    const person = await t.request(safetyA, 'POST', '/api/v1/people', { name: 'cpa 负责人' });
    expect(person.statusCode, person.body).toBe(201);
    const plan = { title: '自评', sheetRef: 'gbt33000-starter', profileCode: 'seed004-1000', plannedStart: '2026-11-05', plannedEnd: '2026-11-20', team: [{ personId: person.json().id, role: 'leader' }] };
    const created = await t.request(safetyA, 'POST', '/api/v1/standardization/assessments', plan);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(mine(await progress(c.county), aId)?.status).toBe('in_progress');
    expect((await t.request(safetyA, 'POST', `/api/v1/standardization/assessments/${id}/confirm-remaining`)).statusCode).toBe(200);
    const concluded = await t.request(safetyA, 'POST', `/api/v1/standardization/assessments/${id}/conclude`);
    expect(concluded.statusCode, concluded.body).toBe(200);

    const after = await progress(c.county);
    expect(mine(after, aId)).toMatchObject({ status: 'completed', score: concluded.json().score1000, isOnTime: true });
    expect(mine(after, bId)?.status).toBe('not_started');
    expect(after.towns.find((x) => x.townCode === '370102011')).toMatchObject({ completed: 1, completedOnTime: 1 });
    expect((await campaigns(safetyA))[0]?.status).toBe('completed');
    expect(await due()).toMatchObject([{ status: 'done' }]);
    // B's enterprise sees the campaign, still not started.
    expect((await campaigns(safetyB))[0]).toMatchObject({ id: campaignId, status: 'not_started' });
  });

  it('pages the enterprise list by name with a cursor, and the town totals equal the counts from every page', async () => {
    const pages: Progress[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Progress = await progress(c.county, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.enterprises.length).toBeLessThanOrEqual(1);
      pages.push(page);
      cursor = page.nextCursor;
    }
    const listed = pages.flatMap((p) => p.enterprises);
    expect(listed.map((e) => e.enterpriseId).sort()).toEqual([aId, bId].sort());
    expect(listed.map((e) => e.name)).toEqual(listed.map((e) => e.name).sort());
    for (const town of (pages[0] as Progress).towns) {
      const mineOf = listed.filter((e) => e.townCode === town.townCode);
      expect([town.enterprises, town.notStarted, town.inProgress, town.completed]).toEqual([
        mineOf.length,
        mineOf.filter((e) => e.status === 'not_started').length,
        mineOf.filter((e) => e.status === 'in_progress').length,
        mineOf.filter((e) => e.status === 'completed').length,
      ]);
    }
    // Filters narrow the list only; the towns stay whole.
    const completed = await progress(c.county, '?status=completed');
    expect(completed.enterprises.map((e) => e.enterpriseId)).toEqual([aId]);
    expect(completed.towns).toEqual((pages[0] as Progress).towns);
    expect((await progress(c.county, '?townCode=370102012')).enterprises.map((e) => e.enterpriseId)).toEqual([bId]);
    // A town user asking for another town sees no enterprise of it.
    expect((await progress(c.town, '?townCode=370102012')).enterprises).toEqual([]);
    const bad = await t.request(c.county, 'GET', `/api/v1/oversight/campaigns/${campaignId}/progress?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('cursor');
  });
});
