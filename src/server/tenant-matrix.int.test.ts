/* The tenant matrix: for every route the product declares, a user of enterprise A never reaches
 * enterprise B's data, anonymous callers get 401, and read-only roles cannot write. Routes are
 * walked from the registry, so a new route is covered (or this test fails) the day it is added. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from './app.js';
import { createRecordOfEachCollection } from './test/factories/collection-records.factory.js';
import { createEnterpriseWithUsers } from './test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from './test/test-app.js';

describe.skipIf(!isDbAvailable())('tenant matrix', () => {
  let t: TestApp;
  let cookieA: string;
  let cookieB: string;
  let workerA: string;
  let regulatorA: string;
  let idsOfB: Map<string, string>;
  /** Ids of B reached only by actions (no GET by id): logins, remembered phones. */
  let actionIdsOfB: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const a = await createEnterpriseWithUsers(t.deps, 'mxa', ['safety_manager', 'worker', 'regulator']);
    const b = await createEnterpriseWithUsers(t.deps, 'mxb', ['safety_manager']);
    cookieA = await t.login(a.usernames.safety_manager as string);
    workerA = await t.login(a.usernames.worker as string);
    regulatorA = await t.login(a.usernames.regulator as string);
    cookieB = await t.login(b.usernames.safety_manager as string);
    ({ ids: idsOfB, actionIds: actionIdsOfB } = await createRecordOfEachCollection(t, cookieB));
  });
  afterAll(() => t.close());

  const routes = () => allRoutes(t.deps);
  /** B's id for `:id`; any other id in the path (`:gapId`, `:versionId`…) a well-formed id that names nothing. */
  const concrete = (url: string, id: string) =>
    url.replace(':id', id).replace(':set', 'accident-types').replace(/:[a-zA-Z]+Id\b/g, '01a2070b-0000-7000-8000-0000000000ff');
  const bodyFor = (method: string) => (method === 'PATCH' ? { name: '被篡改' } : method === 'POST' ? {} : undefined);

  it('answers 401 to an anonymous caller on every non-public route', async () => {
    for (const r of routes()) {
      if (r.access.kind === 'public') continue;
      const res = await t.request(null, r.method, concrete(r.url, '01a2070b-0000-7000-8000-000000000000'), bodyFor(r.method));
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it("never lets A read, change or archive B's records by id", async () => {
    let checked = 0;
    const reached: string[] = [];
    const byId = routes().filter((r) => r.access.kind === 'tenant' && r.url.includes(':id'));
    const collectionOf = (url: string) => url.split('/:id')[0] as string;
    const uncovered = [...new Set(byId.map((r) => collectionOf(r.url)).filter((c) => !idsOfB.has(c) && !actionIdsOfB.has(c)))];
    expect(uncovered, 'no record of B for these collections: extend the matrix set-up').toEqual([]);
    for (const r of byId) {
      const idOfB = idsOfB.get(collectionOf(r.url)) ?? actionIdsOfB.get(collectionOf(r.url));
      const res = await t.request(cookieA, r.method, concrete(r.url, idOfB as string), bodyFor(r.method));
      if (![403, 404].includes(res.statusCode)) reached.push(`${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      checked++;
    }
    expect(reached, "A's answers on B's records other than 403/404").toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(24);
    // B's records are untouched; B's remembered phone still works.
    expect((await t.request(cookieB, 'GET', '/api/v1/device-sessions')).json().items.map((d: { id: string }) => d.id)).toContain(
      actionIdsOfB.get('/api/v1/device-sessions'),
    );
    for (const [collection, id] of idsOfB) {
      const res = await t.request(cookieB, 'GET', `${collection}/${id}`);
      expect(res.statusCode).toBe(200);
      if (!String(res.headers['content-type']).includes('json') || !('archivedAt' in res.json())) continue; // photos, tasks: evidence, never renamed or archived
      expect(res.json().name).not.toBe('被篡改');
      expect(res.json().archivedAt).toBeNull();
    }
  });

  it("never shows B's records in A's lists", async () => {
    const bIds = [...idsOfB.values(), ...actionIdsOfB.values()];
    for (const r of routes()) {
      if (r.method !== 'GET' || r.url.includes(':') || r.access.kind === 'public' || r.produces) continue;
      const res = await t.request(cookieA, 'GET', `${r.url}${r.url.includes('?') ? '&' : '?'}`.replace(/\?$/, ''));
      expect(res.statusCode, `${r.url}: ${res.body}`).toBeLessThan(500);
      for (const id of bIds) expect(res.body, `${r.url} leaks ${id}`).not.toContain(id);
    }
    const search = await t.request(cookieA, 'GET', '/api/v1/posts?q=B%20%E8%BD%A6&includeArchived=true');
    expect(search.json().items).toEqual([]);
  });

  it('ignores no smuggled enterpriseId: a body naming another enterprise is refused', async () => {
    const res = await t.request(cookieA, 'POST', '/api/v1/posts', { name: 'x', kind: 'operation', enterpriseId: 'b' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('enterpriseId');
  });

  it("refuses to link A's records to B's (a reference across enterprises is 'not found')", async () => {
    const res = await t.request(cookieA, 'POST', '/api/v1/posts', { name: 'x', kind: 'operation', orgUnitId: idsOfB.get('/api/v1/org-units') });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('orgUnitId');
    const person = await t.request(cookieA, 'POST', '/api/v1/people', { name: 'y', postIds: [idsOfB.get('/api/v1/posts')] });
    expect(person.statusCode).toBe(400);
    expect(person.json().errors[0].path).toBe('postIds');
  });

  it('lets workers and regulators read but not write', async () => {
    const writable: string[] = [];
    for (const r of routes()) {
      if (r.access.kind !== 'tenant' || r.method === 'GET') continue;
      for (const cookie of [workerA, regulatorA]) {
        if (cookie === workerA && r.access.roles.includes('worker')) continue; // frontline writes (inspection records, photos) are a worker's own
        const res = await t.request(cookie, r.method, concrete(r.url, '01a2070b-0000-7000-8000-000000000000'), bodyFor(r.method));
        if (res.statusCode !== 403) writable.push(`${cookie === workerA ? 'worker' : 'regulator'} ${r.method} ${r.url} → ${res.statusCode}`);
      }
    }
    expect(writable, 'read-only roles reached these writes').toEqual([]);
    expect((await t.request(workerA, 'GET', '/api/v1/posts')).statusCode).toBe(200);
    expect((await t.request(regulatorA, 'GET', '/api/v1/posts')).statusCode).toBe(200);
  });

  it('refuses switching into an enterprise the user is not a member of', async () => {
    const other = idsOfB.get('/api/v1/posts') as string;
    const res = await t.request(cookieA, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: other });
    expect(res.statusCode).toBe(404);
  });
});
