import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../test/test-app.js';
import { demoUsers } from './demo-data.js';
import { isDatabaseEmpty, seedDemo } from './seed-demo.js';

describe.skipIf(!isDbAvailable())('demo data', () => {
  let t: TestApp;
  let secondEnterpriseId: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    expect(await isDatabaseEmpty(t.deps)).toBe(true);
    secondEnterpriseId = (await seedDemo(t.deps, 'demo-pass-123')).secondEnterpriseId;
  });
  afterAll(() => t.close());

  it('creates a 40-person machinery workshop with posts of both kinds, risks and places', async () => {
    expect(await isDatabaseEmpty(t.deps)).toBe(false);
    const cookie = await t.login('safety', 'demo-pass-123');
    const enterprise = (await t.request(cookie, 'GET', '/api/v1/enterprises/current')).json();
    expect(enterprise).toMatchObject({ industry: 'machinery', headcount: 40, sizeClass: 'small' });
    const posts = (await t.request(cookie, 'GET', '/api/v1/posts?limit=100')).json().items as { kind: string; level: string | null; orgUnitId: string | null }[];
    expect(posts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(posts.map((p) => p.kind))).toEqual(new Set(['operation', 'management']));
    expect(posts.every((p) => p.level !== null && p.orgUnitId !== null)).toBe(true);
    const people = (await t.request(cookie, 'GET', '/api/v1/people?limit=100&isContractor=false')).json().items;
    expect(people).toHaveLength(40);
    for (const path of ['/api/v1/areas', '/api/v1/equipment', '/api/v1/materials', '/api/v1/org-units']) {
      expect((await t.request(cookie, 'GET', path)).json().items.length, path).toBeGreaterThan(3);
    }
  });

  it('places the posts\' risks in areas and draws the areas, so the four-colour map is coloured', async () => {
    const cookie = await t.login('safety', 'demo-pass-123');
    const map = (await t.request(cookie, 'GET', '/api/v1/risk-map')).json();
    const coloured = (map.areas as { name: string; level: string | null; points: unknown[] | null }[]).filter((a) => a.level && a.points);
    expect(coloured.length).toBeGreaterThanOrEqual(5);
    expect(coloured.map((a) => a.level)).toContain('significant');
  });

  it('grades the paint booth and the paint store by seed 001 第七条 (fire + poisoning, 2 painters at once → 较大), on the card and in 附件1', async () => {
    const cookie = await t.login('safety', 'demo-pass-123');
    const posts = (await t.request(cookie, 'GET', '/api/v1/posts?limit=100')).json().items as { id: string; name: string; level: string; areaIds: string[] }[];
    const painter = posts.find((p) => p.name === '喷漆工');
    const keeper = posts.find((p) => p.name === '仓管员');
    expect(painter).toMatchObject({ level: 'significant' });
    expect(painter?.areaIds).toHaveLength(1);
    expect(keeper?.level).toBe('significant');
    const risks = (await t.request(cookie, 'GET', `/api/v1/risks?postId=${painter?.id}`)).json().items as { id: string }[];
    const detail = (await t.request(cookie, 'GET', `/api/v1/risks/${risks[0]?.id}`)).json();
    expect(detail.inherentEvaluation.firedRules.map((r: { clause: string }) => r.clause)).toContain('第七条（二）2');

    const card = (await t.request(cookie, 'GET', `/api/v1/posts/${painter?.id}/risk-card`)).json();
    expect(card.level).toBe('significant');
    expect(card.levelBasis).toMatch(/^第七条（二）2：具有中毒、爆炸、火灾等危险因素的场所/);

    const res = await t.request(cookie, 'GET', `/api/v1/posts/${painter?.id}/risk-list.xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const op = book.getWorksheet('操作岗位') as ExcelJS.Worksheet;
    // 附件1 column 7 is 风险等级: the level with the rule under it.
    expect(String(op.getCell(3, 7).value)).toBe('较大\n（第七条（二）2）');
  });

  it('has the safety signs of its 较大 areas (GB 2894), each area checked monthly on a published list', async () => {
    const cookie = await t.login('safety', 'demo-pass-123');
    const overview = (await t.request(cookie, 'GET', '/api/v1/safety-sign-overview')).json();
    expect(overview.gaps).toEqual([]);
    const paintBooth = (overview.checks as { areaName: string; itemContent: string; isPublished: boolean; hasUnpublishedChanges: boolean }[]).find((c) => c.areaName === '喷漆房');
    expect(paintBooth?.itemContent).toContain('当心火灾');
    expect(overview.checks.every((c: { isPublished: boolean; hasUnpublishedChanges: boolean }) => c.isPublished && !c.hasUnpublishedChanges)).toBe(true);
  });

  it("lists each of the principal's duties once (the register's duty items name clauses already written)", async () => {
    const cookie = await t.login('principal', 'demo-pass-123');
    const lists = (await t.request(cookie, 'GET', '/api/v1/post-duty-lists')).json().items as { postName: string; items: { text: string }[] }[];
    for (const name of ['主要负责人', '安全管理员']) {
      const texts = lists.find((l) => l.postName === name)?.items.map((i) => i.text.replace(/[\s。，；]/g, '')) ?? [];
      expect(texts.length, name).toBeGreaterThan(5);
      for (const [i, a] of texts.entries()) for (const [j, b] of texts.entries()) if (i !== j) expect(a.includes(b), `${name}: ${b} repeats ${a}`).toBe(false);
    }
  });

  it('gives one working login per role; the consultant works in both engaged enterprises, the regulator only in its county', async () => {
    for (const u of demoUsers) {
      const cookie = await t.login(u.username, 'demo-pass-123');
      const me = (await t.request(cookie, 'GET', '/api/v1/auth/me')).json();
      expect(me.user.isAdmin).toBe(u.isAdmin);
      if (u.role === 'regulator') {
        // Linked to both, but the second enterprise (历城区) lies outside its county (历下区).
        expect(me.memberships.map((m: { enterpriseName: string }) => m.enterpriseName)).toEqual(['鲁安精密机械加工有限公司']);
        expect(me.activeEnterpriseId).toBe(me.memberships[0].enterpriseId);
        const outside = await t.request(cookie, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: secondEnterpriseId });
        expect(outside.statusCode).toBe(404);
      } else if (u.role === 'consultant') {
        expect(me.memberships).toHaveLength(2);
        // They start in one of them and can switch to the other.
        expect(me.activeEnterpriseId).toBe(me.memberships[0].enterpriseId);
        const other = me.memberships[1].enterpriseId;
        const switched = await t.request(cookie, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: other });
        expect(switched.json()).toMatchObject({ activeEnterpriseId: other, role: u.role });
      } else if (u.role) {
        expect(me.role).toBe(u.role);
        // Logins of the enterprise's own people know their person and posts (the phone shows "my" posts).
        if (u.person) {
          expect(me.personId).toBeTruthy();
          expect(me.postIds.length).toBeGreaterThan(0);
        }
      }
    }
  });
});
