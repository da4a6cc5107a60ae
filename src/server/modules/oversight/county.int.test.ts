import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { readWorkbook, cellText } from '../../platform/exports/xlsx-reader.js';
import { createUser } from '../auth/auth.service.js';
import { createEnterprise } from '../enterprise/enterprise.service.js';
import { makeCreditCode } from '../../test/factories/enterprise.factory.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, testPassword, type TestApp } from '../../test/test-app.js';
import { clientId, hazardWorld, type World } from '../hazards/hazard-test-setup.js';

type Item = { enterpriseId: string; name: string; openMajorHazards: number; supervisionGrade: string; gradeReasons: { rule: string; grade: string; text: Record<string, string> }[] };

/** Issue 17: the county view — the jurisdiction's enterprises from precomputed figures, towns, the inbox by jurisdiction, the grade. */
describe.skipIf(!isDbAvailable())('county view', () => {
  let t: TestApp;
  let a: World;
  let bId: string;
  let cId: string;
  const c = {} as Record<'admin' | 'county' | 'town' | 'other', string>;

  beforeAll(async () => {
    t = await createTestApp();
    a = await hazardWorld(t, 'cva');
    bId = (await createEnterpriseWithUsers(t.deps, 'cvb', ['principal'])).enterpriseId;
    const admin = { sessionId: 's', userId: 'factory', username: 'factory', displayName: 'factory', isAdmin: true, locale: null, enterpriseId: null, role: null };
    const other = await createEnterprise(t.deps, admin, {
      name: 'cvc 历城机械厂',
      creditCode: makeCreditCode(),
      industry: 'machinery',
      regionCode: '370112',
      address: '济南',
      headcount: 30,
      revenueCny: 5_000_000,
      principalName: '负责人',
      timeZone: 'Asia/Shanghai',
    });
    cId = other.id;
    await withTransaction(t.deps.db, async (trx) => {
      await createUser(t.deps, trx, { username: 'cv_admin', displayName: '管理员', password: testPassword, isAdmin: true });
      for (const u of ['cv_county', 'cv_town', 'cv_other']) await createUser(t.deps, trx, { username: u, displayName: u, password: testPassword });
    });
    c.admin = await t.login('cv_admin');
    c.county = await t.login('cv_county');
    c.town = await t.login('cv_town');
    c.other = await t.login('cv_other');
  });

  afterAll(async () => {
    await t?.close();
  });

  const list = async (cookie: string, query = '') => {
    const res = await t.request(cookie, 'GET', `/api/v1/oversight/county${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; nextCursor: string | null };
  };

  it('scopes the list to the county, and a town user to its town', async () => {
    // Jurisdictions are set by the administrator only.
    expect((await t.request(c.county, 'PUT', '/api/v1/oversight/jurisdictions', { username: 'cv_county', countyCode: '370102' })).statusCode).toBe(403);
    expect((await t.request(c.admin, 'PUT', '/api/v1/oversight/jurisdictions', { username: 'cv_county', countyCode: '370102' })).statusCode).toBe(200);
    expect((await t.request(c.admin, 'PUT', '/api/v1/oversight/jurisdictions', { username: 'cv_other', countyCode: '370112' })).statusCode).toBe(200);
    // The county defines its towns; a code of another county is refused, naming the field.
    const foreignTown = await t.request(c.county, 'POST', '/api/v1/oversight/towns', { code: '370112001', name: '外县镇' });
    expect(foreignTown.statusCode).toBe(400);
    expect(foreignTown.json().errors[0].path).toBe('code');
    for (const [code, name] of [['370102001', '解放路街道'], ['370102002', '千佛山街道']]) {
      expect((await t.request(c.county, 'POST', '/api/v1/oversight/towns', { code, name })).statusCode).toBe(201);
    }
    expect((await t.request(c.county, 'POST', '/api/v1/oversight/towns', { code: '370102001', name: '重复' })).statusCode).toBe(409);
    expect((await t.request(c.admin, 'PUT', '/api/v1/oversight/jurisdictions', { username: 'cv_town', countyCode: '370102', townCode: '370102001' })).statusCode).toBe(200);

    // A major hazard in enterprise A (reported, then confirmed major).
    const reported = await t.request(a.cookies.worker, 'POST', '/api/v1/hazards', { description: '行车制动器失效', postId: a.postId, photoIds: [], clientId: clientId('cv') });
    expect(reported.statusCode, reported.body).toBe(201);
    const confirmed = await t.request(a.cookies.safety_manager, 'POST', `/api/v1/hazards/${reported.json().id}/confirm`, {
      grade: 'major',
      criterionOtherReason: '起重机械制动失效',
      peopleWithdrawn: '2 人',
      withdrawnBy: '车间主任',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);

    // The refresh of a jurisdiction touches only its own county's enterprises.
    expect((await t.request(c.county, 'POST', '/api/v1/oversight/county/refresh')).json()).toEqual({ refreshed: 2 });
    expect((await t.request(c.other, 'POST', '/api/v1/oversight/county/refresh')).json()).toEqual({ refreshed: 1 });
    expect((await t.request(c.county, 'PUT', `/api/v1/oversight/county/enterprises/${a.enterpriseId}/town`, { townCode: '370102001' })).statusCode).toBe(200);
    expect((await t.request(c.county, 'PUT', `/api/v1/oversight/county/enterprises/${bId}/town`, { townCode: '370102002' })).statusCode).toBe(200);
    expect((await t.request(c.county, 'PUT', `/api/v1/oversight/county/enterprises/${cId}/town`, { townCode: '370102002' })).statusCode).toBe(404);

    const all = await list(c.county);
    expect(all.items.map((i) => i.enterpriseId).sort()).toEqual([a.enterpriseId, bId].sort());
    const major = await list(c.county, '?hasOpenMajorHazard=true');
    expect(major.items.map((i) => i.enterpriseId)).toEqual([a.enterpriseId]);
    expect(major.items[0]?.openMajorHazards).toBe(1);
    // Sorted and paged by the index bound: one row a page.
    const first = await list(c.county, '?sort=openHazards&order=desc&limit=1');
    expect(first.items.map((i) => i.enterpriseId)).toEqual([a.enterpriseId]);
    const second = await list(c.county, `?sort=openHazards&order=desc&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.enterpriseId)).toEqual([bId]);
    expect(second.nextCursor).toBeNull();

    expect((await list(c.town)).items.map((i) => i.enterpriseId)).toEqual([a.enterpriseId]);
    expect((await list(c.town, '?townCode=370102002')).items).toEqual([]);
    expect((await t.request(c.town, 'GET', `/api/v1/oversight/county/enterprises/${bId}`)).statusCode).toBe(404);
    expect((await t.request(c.town, 'POST', '/api/v1/oversight/towns', { code: '370102003', name: '趵突泉街道' })).statusCode).toBe(403);
    expect((await t.request(c.town, 'GET', '/api/v1/oversight/towns')).json().items).toEqual([{ code: '370102001', name: '解放路街道' }]);

    expect((await list(c.other)).items.map((i) => i.enterpriseId)).toEqual([cId]);
    expect((await t.request(c.other, 'GET', `/api/v1/oversight/county/enterprises/${a.enterpriseId}`)).statusCode).toBe(404);
    // A regulator linked by membership but without a jurisdiction has no county view.
    expect((await t.request(a.cookies.regulator, 'GET', '/api/v1/oversight/county')).statusCode).toBe(403);

    const detail = await t.request(c.county, 'GET', `/api/v1/oversight/county/enterprises/${a.enterpriseId}`);
    expect(detail.json()).toMatchObject({ townName: '解放路街道', openMajorHazards: 1, stopWorkInForce: expect.any(Number) });

    // The export carries the same filter.
    const xlsx = await t.request(c.county, 'GET', '/api/v1/oversight/county.xlsx?hasOpenMajorHazard=true');
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await readWorkbook(xlsx.rawPayload)).worksheets[0];
    const names: string[] = [];
    sheet?.eachRow((row) => names.push(cellText(row.getCell(1).value)));
    expect(names).toContain('cva 机械厂');
    expect(names).not.toContain('cvb 机械厂');
  });

  it('offers a regulator only enterprises of its county in the switcher, a town user only its town\'s, and refuses switching elsewhere', async () => {
    // The administrator links both regulators to all three enterprises, enterprise by enterprise.
    for (const username of ['cv_county', 'cv_town']) {
      for (const id of [a.enterpriseId, bId, cId]) expect((await t.request(c.admin, 'POST', `/api/v1/enterprises/${id}/members`, { username, role: 'regulator' })).statusCode).toBe(201);
    }
    const offered = async (cookie: string) => ((await t.request(cookie, 'GET', '/api/v1/auth/me')).json().memberships as { enterpriseId: string }[]).map((m) => m.enterpriseId).sort();
    // C lies in 370112, outside the county 370102; B is under the other town.
    expect(await offered(c.county)).toEqual([a.enterpriseId, bId].sort());
    expect(await offered(c.town)).toEqual([a.enterpriseId]);
    const switchTo = (cookie: string, id: string) => t.request(cookie, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: id });
    expect((await switchTo(c.county, bId)).json()).toMatchObject({ activeEnterpriseId: bId, role: 'regulator' });
    expect((await switchTo(c.county, cId)).statusCode).toBe(404);
    expect((await switchTo(c.town, bId)).statusCode).toBe(404);
    expect((await switchTo(c.town, a.enterpriseId)).statusCode).toBe(200);
    // A new login starts inside the jurisdiction.
    const fresh = await t.login('cv_town');
    expect((await t.request(fresh, 'GET', '/api/v1/auth/me')).json().activeEnterpriseId).toBe(a.enterpriseId);
  });

  it('delivers the major-hazard report to the regulators of the county and the town, not another county', async () => {
    const inbox = async (cookie: string) => (await t.request(cookie, 'GET', '/api/v1/bureau-reports')).json().items as { id: string; enterpriseId: string }[];
    const town = await inbox(c.town);
    expect(town.map((r) => r.enterpriseId)).toEqual([a.enterpriseId]);
    expect((await inbox(c.county)).map((r) => r.enterpriseId)).toEqual([a.enterpriseId]);
    expect(await inbox(c.other)).toEqual([]);
    const id = town[0]?.id as string;
    expect((await t.request(c.other, 'POST', `/api/v1/bureau-reports/${id}/acknowledge`, {})).statusCode).toBe(404);
    const ack = await t.request(c.town, 'POST', `/api/v1/bureau-reports/${id}/acknowledge`, { note: '已收悉' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().isAcknowledgedByMe).toBe(true);
  });

  it('grades each enterprise with its reasons, and regrades when the county tunes its rules', async () => {
    const rows = (await list(c.county)).items;
    const gradeOf = (id: string) => rows.find((r) => r.enterpriseId === id) as Item;
    // A: an open major hazard → D, that reason first.
    expect(gradeOf(a.enterpriseId).supervisionGrade).toBe('D');
    expect(gradeOf(a.enterpriseId).gradeReasons[0]).toMatchObject({ rule: 'open-major-hazard', grade: 'D' });
    expect(gradeOf(a.enterpriseId).gradeReasons[0]?.text['zh-CN']).toContain('未闭环重大事故隐患：1');
    // B: nothing on record but no self-assessment yet → B for that one reason.
    expect(gradeOf(bId)).toMatchObject({ supervisionGrade: 'B', gradeReasons: [expect.objectContaining({ rule: 'score', grade: 'B' })] });
    expect(gradeOf(bId).gradeReasons).toHaveLength(1);

    const rules = (await t.request(c.county, 'GET', '/api/v1/oversight/supervision-rules')).json();
    expect(rules.isDefault).toBe(true);
    const tuned = { rules: rules.rules.filter((r: { id: string }) => r.id !== 'score'), inspectEveryMonths: rules.inspectEveryMonths, demonstrationSkipsRoutine: true };
    expect((await t.request(c.town, 'PUT', '/api/v1/oversight/supervision-rules', tuned)).statusCode).toBe(403);
    const put = await t.request(c.county, 'PUT', '/api/v1/oversight/supervision-rules', tuned);
    expect(put.statusCode, put.body).toBe(200);
    const after = (await list(c.county, '?supervisionGrade=A')).items;
    expect(after.map((r) => r.enterpriseId)).toEqual([bId]);
    expect(after[0]?.gradeReasons).toEqual([]);

    // The month's priority list: D every month; A (every 12 months) in one month of the year only.
    const months = await Promise.all(Array.from({ length: 12 }, (_, i) => t.request(c.county, 'GET', `/api/v1/oversight/county/priority?month=${i + 1}`)));
    const lists = months.map((m) => (m.json().items as Item[]).map((i) => i.enterpriseId));
    expect(lists.every((l) => l.includes(a.enterpriseId))).toBe(true);
    expect(lists.filter((l) => l.includes(bId))).toHaveLength(1);
    // 示范: an A enterprise marked as demonstration is left off the routine list.
    expect((await t.request(c.county, 'PUT', `/api/v1/oversight/county/enterprises/${bId}/demonstration`, { isDemonstration: true })).json().isDemonstration).toBe(true);
    const again = await Promise.all(Array.from({ length: 12 }, (_, i) => t.request(c.county, 'GET', `/api/v1/oversight/county/priority?month=${i + 1}`)));
    expect(again.some((m) => (m.json().items as Item[]).some((i) => i.enterpriseId === bId))).toBe(false);
  });
  it('delivers the submitted 16号令 statistics to the inbox and lists who is late', async () => {
    // Q3 2026 ends on 1 October; the enterprise submits on 10 October, before the 15th.
    t.clock.set(new Date('2026-10-10T02:00:00.000Z'));
    const due = async (e: World | string) => ((await t.request(typeof e === 'string' ? e : e.cookies.safety_manager, 'GET', '/api/v1/due-items?kind=oversight.statistics')).json().items as { sourceRef: string; status: string }[]).map((d) => [d.sourceRef, d.status]);
    expect((await due(a)).sort()).toEqual([['statistics:2025', 'overdue'], ['statistics:2026-Q3', 'due']]);
    const open = await t.request(a.cookies.safety_manager, 'POST', '/api/v1/statistics-submissions', { year: 2026, quarter: 4 });
    expect(open.statusCode).toBe(400);
    expect(open.json().errors[0].path).toBe('quarter');
    expect((await t.request(a.cookies.worker, 'POST', '/api/v1/statistics-submissions', { year: 2026, quarter: 3 })).statusCode).toBe(403);
    const sent = await t.request(a.cookies.safety_manager, 'POST', '/api/v1/statistics-submissions', { year: 2026, quarter: 3 });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ periodKey: '2026-Q3', dueOn: '2026-10-15', isLate: false, figures: expect.objectContaining({ found: expect.any(Number) }) });
    expect((await t.request(a.cookies.safety_manager, 'POST', '/api/v1/statistics-submissions', { year: 2026, quarter: 3 })).statusCode).toBe(409);
    t.clock.set(new Date('2026-11-23T02:00:00.000Z'));

    const inbox = async (cookie: string) => (await t.request(cookie, 'GET', '/api/v1/oversight/statistics')).json().items as { id: string; enterpriseId: string; periodKey: string }[];
    expect((await inbox(c.county)).map((s) => [s.enterpriseId, s.periodKey])).toEqual([[a.enterpriseId, '2026-Q3']]);
    expect((await inbox(c.town)).map((s) => s.enterpriseId)).toEqual([a.enterpriseId]);
    expect(await inbox(c.other)).toEqual([]);
    const id = sent.json().id as string;
    expect((await t.request(c.other, 'POST', `/api/v1/oversight/statistics/${id}/acknowledge`)).statusCode).toBe(404);
    const ack = await t.request(c.county, 'POST', `/api/v1/oversight/statistics/${id}/acknowledge`);
    expect(ack.json()).toMatchObject({ isAcknowledgedByMe: true, acknowledgedCount: 1 });

    // Late: Q3 2026 (due 15 October) — B did not submit; the year 2025 (due 31 January) — nobody did.
    const late = (await t.request(c.county, 'GET', '/api/v1/oversight/statistics/late')).json().periods as { periodKey: string; items: { enterpriseId: string }[] }[];
    expect(late.map((p) => [p.periodKey, p.items.map((i) => i.enterpriseId).sort()])).toEqual([
      ['2026-Q3', [bId]],
      ['2025', [a.enterpriseId, bId].sort()],
    ]);
    // The enterprise's side: the owed year is an overdue due item; the submitted quarter is owed no more.
    expect(await due(a)).toEqual([['statistics:2025', 'overdue']]);
  });
});
