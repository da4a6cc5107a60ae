import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('organisation model', () => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const e = await createEnterpriseWithUsers(t.deps, 'org', ['safety_manager', 'principal']);
    cookie = await t.login(e.usernames.safety_manager as string);
  });
  afterAll(() => t.close());

  const audit = async (entityId: string) =>
    (await t.request(cookie, 'GET', `/api/v1/audit-log?entityId=${entityId}`)).json().items as {
      action: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      actorName: string;
    }[];

  it('creates, updates and archives a post, writing one audit entry per change with before and after', async () => {
    const created = await t.request(cookie, 'POST', '/api/v1/posts', { name: '冲压工', kind: 'operation', headcount: 3, mainEquipment: 'J23-40' });
    expect(created.statusCode).toBe(201);
    const post = created.json();
    expect(post).toMatchObject({ name: '冲压工', kind: 'operation', headcount: 3, level: null, archivedAt: null });

    t.clock.advanceMinutes(1);
    const updated = await t.request(cookie, 'PATCH', `/api/v1/posts/${post.id}`, { headcount: 5 });
    expect(updated.json().headcount).toBe(5);
    t.clock.advanceMinutes(1);
    const archived = await t.request(cookie, 'POST', `/api/v1/posts/${post.id}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();

    const entries = await audit(post.id);
    expect(entries.map((e) => e.action)).toEqual(['archive', 'update', 'create']);
    const [archive, update, create] = entries;
    expect(create?.before).toBeNull();
    expect(create?.after?.name).toBe('冲压工');
    expect(update?.before?.headcount).toBe(3);
    expect(update?.after?.headcount).toBe(5);
    expect(archive?.before?.archivedAt).toBeNull();
    expect(archive?.after?.archivedAt).not.toBeNull();
    expect(create?.actorName).toBe('org_safety_manager');

    // Archived: hidden from lists, refused for edits, still readable for the record.
    const list = await t.request(cookie, 'GET', '/api/v1/posts');
    expect(list.json().items.map((p: { id: string }) => p.id)).not.toContain(post.id);
    const edit = await t.request(cookie, 'PATCH', `/api/v1/posts/${post.id}`, { headcount: 1 });
    expect(edit.statusCode).toBe(409);
    expect((await t.request(cookie, 'GET', `/api/v1/posts?includeArchived=true`)).json().items.map((p: { id: string }) => p.id)).toContain(post.id);
  });

  it('names every failing field, in Chinese by default and in English on request', async () => {
    const zh = await t.request(cookie, 'POST', '/api/v1/posts', { name: '', kind: 'boss', headcount: -1 });
    expect(zh.statusCode).toBe(400);
    const body = zh.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['headcount', 'kind', 'name']);
    expect(body.detail).toContain('提交的内容有误');
    expect(body.detail).toContain('请从列表中选择类型。');
    const en = await t.request(cookie, 'POST', '/api/v1/people', { name: '李四', phone: '123' }, { 'accept-language': 'en' });
    // A sentence saying what to type, never the regular expression (issue 8 §9).
    expect(en.json().errors).toEqual([{ path: 'phone', message: 'The mobile number must be 11 digits starting with 1.' }]);
  });

  it('answers 4xx, never 5xx, to malformed bodies, ids, queries and cursors — and writes nothing', async () => {
    const before = (await t.request(cookie, 'GET', '/api/v1/audit-log?limit=200')).json().items.length;
    const cases: [string, string, unknown, Record<string, string>?][] = [
      ['POST', '/api/v1/posts', '{"name": "x",', { 'content-type': 'application/json' }],
      ['POST', '/api/v1/posts', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['POST', '/api/v1/posts', [1, 2, 3]],
      ['POST', '/api/v1/posts', 'null', { 'content-type': 'application/json' }],
      ['GET', '/api/v1/posts/not-an-id', undefined],
      ['GET', '/api/v1/posts/%E0%A4%A', undefined],
      ['PATCH', '/api/v1/posts/01a2070b-0000-7000-8000-000000000000', { name: 'x' }],
      ['GET', '/api/v1/posts?limit=abc', undefined],
      ['GET', '/api/v1/posts?limit=100000', undefined],
      ['GET', '/api/v1/posts?cursor=%%%%', undefined],
      ['GET', '/api/v1/posts?cursor=bm90LWEtY3Vyc29y', undefined],
      ['GET', '/api/v1/posts?kind=ceo', undefined],
      ['GET', '/api/v1/audit-log?from=yesterday', undefined],
      ['POST', '/api/v1/org-units', { name: 'x'.repeat(5000), kind: 'team' }],
      ['POST', '/api/v1/people', { name: '王五', hireDate: '2024-02-30' }],
      ['POST', '/api/v1/equipment', { name: '行车', isSpecial: 'yes' }],
      ['POST', '/api/v1/materials', { name: '油漆', dangerousClass: '10' }],
      ['GET', '/api/v1/no-such-thing', undefined],
    ];
    for (const [method, url, body, headers] of cases) {
      const res = await t.request(cookie, method as 'GET', url, body, headers);
      expect(res.statusCode, `${method} ${url} → ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${url} → ${res.body}`).toBeLessThan(500);
      expect(res.headers["content-type"], `${method} ${url}`).toMatch(/problem\+json/);
    }
    const after = (await t.request(cookie, 'GET', '/api/v1/audit-log?limit=200')).json().items.length;
    expect(after).toBe(before);
  });

  it('keeps the org tree acyclic', async () => {
    const dept = (await t.request(cookie, 'POST', '/api/v1/org-units', { name: '生产部', kind: 'department' })).json();
    const shop = (await t.request(cookie, 'POST', '/api/v1/org-units', { name: '一车间', kind: 'workshop', parentId: dept.id })).json();
    const team = (await t.request(cookie, 'POST', '/api/v1/org-units', { name: '一班', kind: 'team', parentId: shop.id })).json();
    const loop = await t.request(cookie, 'PATCH', `/api/v1/org-units/${dept.id}`, { parentId: team.id });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().errors[0].path).toBe('parentId');
    const self = await t.request(cookie, 'PATCH', `/api/v1/org-units/${dept.id}`, { parentId: dept.id });
    expect(self.statusCode).toBe(422);
    const children = await t.request(cookie, 'GET', `/api/v1/org-units?parentId=${dept.id}`);
    expect(children.json().items.map((u: { name: string }) => u.name)).toEqual(['一车间']);
  });

  it('assigns people to posts and filters, searches and pages lists', async () => {
    const post = (await t.request(cookie, 'POST', '/api/v1/posts', { name: '电焊工', kind: 'operation' })).json();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advanceMinutes(1);
      const res = await t.request(cookie, 'POST', '/api/v1/people', { name: `焊工${i}`, phone: `1380000000${i}`, postIds: i < 3 ? [post.id] : [], isContractor: i === 4 });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const holders = (await t.request(cookie, 'GET', `/api/v1/people?postId=${post.id}`)).json().items;
    expect(holders.map((p: { name: string }) => p.name)).toEqual(['焊工0', '焊工1', '焊工2']);
    expect(holders[0].postIds).toEqual([post.id]);
    const contractors = (await t.request(cookie, 'GET', '/api/v1/people?isContractor=true')).json().items;
    expect(contractors.map((p: { name: string }) => p.name)).toEqual(['焊工4']);
    const searched = (await t.request(cookie, 'GET', `/api/v1/people?q=${encodeURIComponent('焊工3')}`)).json().items;
    expect(searched.map((p: { id: string }) => p.id)).toEqual([ids[3]]);
    const byPhone = (await t.request(cookie, 'GET', '/api/v1/people?q=13800000001')).json().items;
    expect(byPhone.map((p: { name: string }) => p.name)).toEqual(['焊工1']);
    // Keyset pages: 2 + 2 + 1, no repeats, no gaps.
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await t.request(cookie, 'GET', `/api/v1/people?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
    // Changing posts replaces the set.
    const moved = await t.request(cookie, 'PATCH', `/api/v1/people/${ids[0]}`, { postIds: [] });
    expect(moved.json().postIds).toEqual([]);
    // A search string with LIKE wildcards matches literally.
    expect((await t.request(cookie, 'GET', '/api/v1/people?q=%25')).json().items).toEqual([]);
  });

  it('keeps areas, equipment and materials with their flags and classes', async () => {
    const area = (await t.request(cookie, 'POST', '/api/v1/areas', { name: '油漆库', description: '易燃液体' })).json();
    const crane = await t.request(cookie, 'POST', '/api/v1/equipment', { name: '桥式起重机', model: 'QD10t', areaId: area.id, isSpecial: true });
    expect(crane.json()).toMatchObject({ isSpecial: true, areaId: area.id });
    await t.request(cookie, 'POST', '/api/v1/equipment', { name: '台钻', areaId: area.id });
    expect((await t.request(cookie, 'GET', '/api/v1/equipment?isSpecial=true')).json().items.map((e: { name: string }) => e.name)).toEqual(['桥式起重机']);
    const paint = await t.request(cookie, 'POST', '/api/v1/materials', { name: '稀释剂', dangerousClass: '3', casNo: '108-88-3', areaId: area.id });
    expect(paint.json()).toMatchObject({ dangerousClass: '3', casNo: '108-88-3' });
    expect((await t.request(cookie, 'GET', '/api/v1/materials?dangerousClass=3')).json().items).toHaveLength(1);
  });

  it('refuses a second live area of the same name with 409 naming the field, also when two arrive at once (issue 8 §9)', async () => {
    const first = await t.request(cookie, 'POST', '/api/v1/areas', { name: '喷涂车间' });
    expect(first.statusCode).toBe(201);
    const twin = await t.request(cookie, 'POST', '/api/v1/areas', { name: '喷涂车间' });
    expect([twin.statusCode, twin.json().errors[0].path]).toEqual([409, 'name']);
    expect(twin.json().errors[0].message).toContain('喷涂车间');
    const other = (await t.request(cookie, 'POST', '/api/v1/areas', { name: '装配车间' })).json();
    const renamed = await t.request(cookie, 'PATCH', `/api/v1/areas/${other.id}`, { name: '喷涂车间' });
    expect([renamed.statusCode, renamed.json().errors[0].path]).toEqual([409, 'name']);
    const race = await Promise.all([1, 2, 3].map(() => t.request(cookie, 'POST', '/api/v1/areas', { name: '包装区' })));
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const names = (await t.request(cookie, 'GET', '/api/v1/areas?limit=100')).json().items.map((a: { name: string }) => a.name);
    expect(names.filter((n: string) => n === '包装区')).toHaveLength(1);
    // An archived area frees its name.
    expect((await t.request(cookie, 'POST', `/api/v1/areas/${first.json().id}/archive`)).statusCode).toBeLessThan(300);
    expect((await t.request(cookie, 'POST', '/api/v1/areas', { name: '喷涂车间' })).statusCode).toBe(201);
  });
});
