import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIndustryTemplate, findRiskSetTemplate } from '../../../reference/templates/index.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('applying a post template', () => {
  let t: TestApp;
  let cookie: string;
  let enterpriseId: string;
  const machinery = findIndustryTemplate('machinery');

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const e = await createEnterpriseWithUsers(t.deps, 'tpl', ['safety_manager', 'worker']);
    enterpriseId = e.enterpriseId;
    cookie = await t.login(e.usernames.safety_manager as string);
  });
  afterAll(() => t.close());

  const count = async (table: string) => {
    const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)} where enterprise_id = ${enterpriseId}`.execute(t.deps.db);
    return Number(r.rows[0]?.n);
  };

  it('creates posts, evaluated risks, measures and items whose counts match the machinery template', async () => {
    if (!machinery) throw new Error('machinery template missing');
    const confined = findRiskSetTemplate('confined-space');
    const posts = machinery.posts.map((p) => ({ key: p.key, riskSetKeys: p.key === machinery.posts[0]?.key && confined ? [confined.key] : [] }));
    const res = await t.request(cookie, 'POST', '/api/v1/template-applications', { industry: 'machinery', posts });
    expect(res.statusCode, res.body).toBe(201);

    const extraRisks = confined?.risks.length ?? 0;
    const extraMeasures = confined?.risks.reduce((n, r) => n + r.measures.length, 0) ?? 0;
    const risks = machinery.posts.reduce((n, p) => n + p.risks.length, 0) + extraRisks;
    const measures = machinery.posts.reduce((n, p) => n + p.risks.reduce((m, r) => m + r.measures.length, 0), 0) + extraMeasures;
    expect(res.json()).toMatchObject({ posts: machinery.posts.length, risks, measures, inspectionItems: measures });
    expect(await count('post')).toBe(machinery.posts.length);
    expect(await count('risk')).toBe(risks);
    expect(await count('risk_evaluation')).toBe(risks);
    expect(await count('control_measure')).toBe(measures);
    expect(await count('inspection_item')).toBe(measures);
    // DATA-MODEL invariant 2: every measure of an accepted risk has an active inspection item.
    const orphans = await sql<{ n: string | number }>`
      select count(*) as n from control_measure m
      where m.enterprise_id = ${enterpriseId}
        and not exists (select 1 from inspection_item i where i.measure_id = m.id and i.is_active = 1)`.execute(t.deps.db);
    expect(Number(orphans.rows[0]?.n)).toBe(0);
  });

  it('marks each post with its template and gives it the highest level of its risks', async () => {
    const list = (await t.request(cookie, 'GET', '/api/v1/posts?limit=100')).json().items as { name: string; level: string | null; templateRef: string | null }[];
    expect(list.every((p) => p.templateRef?.startsWith('machinery/'))).toBe(true);
    expect(list.every((p) => p.level !== null)).toBe(true);
    const summary = (await t.request(cookie, 'GET', '/api/v1/templates/machinery')).json();
    for (const p of summary.posts as { name: string; highestLevel: string; key: string }[]) {
      const post = list.find((x) => x.name === p.name);
      // The first post also got the confined-space set, which can only raise its level.
      if (p.key !== machinery?.posts[0]?.key) expect(post?.level, p.name).toBe(p.highestLevel);
    }
    expect(list.some((p) => p.level === 'significant')).toBe(true);
  });

  it('sets the org chart (operation posts report to the workshop head) and publishes every list, items to the post holders', async () => {
    const list = (await t.request(cookie, 'GET', '/api/v1/posts?limit=100')).json().items as { id: string; name: string; kind: string; reportsToPostId: string | null; templateRef: string }[];
    const head = list.find((p) => p.templateRef.includes('workshop-head'));
    const principal = list.find((p) => p.templateRef.includes('/principal'));
    expect(head).toBeDefined();
    expect(list.filter((p) => p.kind === 'operation').every((p) => p.reportsToPostId === head?.id)).toBe(true);
    expect(head?.reportsToPostId).toBe(principal?.id);
    expect(principal?.reportsToPostId).toBeNull();
    const lathe = list.find((p) => p.templateRef.includes('lathe-operator'));
    const l = (await t.request(cookie, 'GET', `/api/v1/posts/${lathe?.id}/inspection-list`)).json();
    expect([l.itemsWithoutResponsible, l.hasDraft, l.lastPublishedAt === null]).toEqual([[], false, false]);
    expect(l.superiorCheck).toMatchObject({ isNeeded: true, reportsToPostId: head?.id });
  });

  it('refuses an unknown post key or risk set, naming the entry, and writes nothing', async () => {
    const before = await count('post');
    const bad = await t.request(cookie, 'POST', '/api/v1/template-applications', {
      industry: 'textile',
      posts: [{ key: findIndustryTemplate('textile')?.posts[0]?.key }, { key: 'no-such-post' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('posts.1.key');
    const badSet = await t.request(cookie, 'POST', '/api/v1/template-applications', {
      industry: 'textile',
      posts: [{ key: findIndustryTemplate('textile')?.posts[0]?.key, riskSetKeys: ['nope'] }],
    });
    expect(badSet.json().errors[0].path).toBe('posts.0.riskSetKeys.0');
    expect(await count('post')).toBe(before);
  });

  it('is for managers only', async () => {
    const worker = await t.login('tpl_worker');
    const res = await t.request(worker, 'POST', '/api/v1/template-applications', { industry: 'machinery', posts: [{ key: 'x' }] });
    expect(res.statusCode).toBe(403);
  });

  it('places the posts where the wizard says, with the template’s 第七条 facts, and the risks inherit the area', async () => {
    const e = await createEnterpriseWithUsers(t.deps, 'tplp', ['safety_manager']);
    const c = await t.login(e.usernames.safety_manager as string);
    const summary = (await t.request(c, 'GET', '/api/v1/templates/machinery')).json();
    const painter = summary.posts.find((p: { key: string }) => p.key === 'spray-painter');
    expect(painter.places).toEqual([{ name: '喷漆房', hazardKinds: ['poisoning', 'fire'], peopleAtOnce: 2 }]);
    expect(painter.highestLevel).toBe('significant');

    const res = await t.request(c, 'POST', '/api/v1/template-applications', {
      industry: 'machinery',
      posts: [
        { key: 'spray-painter', areas: [{ name: '喷漆房', peopleAtOnce: 3 }] },
        // Same place name: one area, reused; a name the template does not know gets no facts.
        { key: 'warehouse-keeper', areas: [{ name: '喷漆房' }, { name: '成品库' }] },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [painterId, keeperId] = res.json().postIds as string[];
    const areas = (await t.request(c, 'GET', '/api/v1/areas')).json().items as { id: string; name: string; hazardKinds: string[]; maxPeopleAtOnce: number }[];
    expect(areas.map((a) => a.name).sort()).toEqual(['喷漆房', '成品库']);
    const booth = areas.find((a) => a.name === '喷漆房');
    expect(booth).toMatchObject({ hazardKinds: ['poisoning', 'fire'], maxPeopleAtOnce: 3 });
    const painterPost = (await t.request(c, 'GET', `/api/v1/posts/${painterId}`)).json();
    expect(painterPost).toMatchObject({ areaIds: [booth?.id], level: 'major' });
    expect((await t.request(c, 'GET', `/api/v1/posts/${keeperId}`)).json().areaIds).toHaveLength(2);
    const risks = (await t.request(c, 'GET', `/api/v1/risks?postId=${painterId}`)).json().items as { areaId: string; level: string }[];
    expect(risks.length).toBeGreaterThan(0);
    expect(risks.every((r) => r.areaId === booth?.id && r.level === 'major')).toBe(true);
  });
});
