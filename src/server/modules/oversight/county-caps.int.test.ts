/* Issue 18: the lists read in one statement with a cap — the county export, the month's priority list
 * (both listAllInScope) and the late list of 16号令 statistics — say so when they were cut, in the
 * response, in the sheet (zh-CN and en-US), instead of stopping silently. The caps are lowered here. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { cellText, readWorkbook } from '../../platform/exports/xlsx-reader.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp, testPassword } from '../../test/test-app.js';
import { createUser } from '../auth/auth.service.js';
import { scopeRowCap } from './county.service.js';
import { lateListCap } from './statistics.service.js';

describe.skipIf(!isDbAvailable())('county lists with a cap say when they were cut', () => {
  let t: TestApp;
  let county: string;
  const ids: string[] = [];
  const saved = { rows: scopeRowCap.rows, late: lateListCap.rows };

  beforeAll(async () => {
    t = await createTestApp();
    for (const prefix of ['cpa', 'cpb', 'cpc']) ids.push((await createEnterpriseWithUsers(t.deps, prefix, ['principal'])).enterpriseId);
    await withTransaction(t.deps.db, async (trx) => {
      await createUser(t.deps, trx, { username: 'cp_admin', displayName: '管理员', password: testPassword, isAdmin: true });
      await createUser(t.deps, trx, { username: 'cp_county', displayName: 'cp_county', password: testPassword });
    });
    const admin = await t.login('cp_admin');
    county = await t.login('cp_county');
    expect((await t.request(admin, 'PUT', '/api/v1/oversight/jurisdictions', { username: 'cp_county', countyCode: '370102' })).statusCode).toBe(200);
    expect((await t.request(county, 'POST', '/api/v1/oversight/county/refresh')).json()).toEqual({ refreshed: 3 });
  });
  afterEach(() => {
    scopeRowCap.rows = saved.rows;
    lateListCap.rows = saved.late;
  });
  afterAll(async () => {
    await t?.close();
  });

  const sheetRows = async (query: string, locale: string) => {
    const res = await t.request(county, 'GET', `/api/v1/oversight/county.xlsx${query}`, undefined, { 'accept-language': locale });
    expect(res.statusCode, res.body).toBe(200);
    const rows: string[] = [];
    (await readWorkbook(res.rawPayload)).worksheets[0]?.eachRow((row) => rows.push(cellText(row.getCell(1).value)));
    return { rows, header: res.headers['x-truncated-at'] };
  };

  it('the export names the cap in its title and under its last row, in the reader\'s language, and says how to narrow it', async () => {
    const whole = await sheetRows('?sort=name', 'zh-CN');
    expect(whole.rows[0]).toBe('辖区企业一览');
    expect(whole.rows.filter((r) => r.includes('机械厂'))).toHaveLength(3);
    expect(whole.rows.join('\n')).not.toContain('前 ');
    expect(whole.header).toBeUndefined();

    scopeRowCap.rows = 2;
    const zh = await sheetRows('?sort=name', 'zh-CN');
    expect(zh.rows[0]).toBe('辖区企业一览（前 2 家）');
    expect(zh.rows.filter((r) => r.includes('机械厂'))).toHaveLength(2);
    expect(zh.rows.at(-1)).toContain('只导出了按当前排序的前 2 家企业');
    expect(zh.rows.at(-1)).toContain('按乡镇（街道）、行业、规模或监管等级筛选');
    expect(zh.header).toBe('2');
    const en = await sheetRows('?sort=name', 'en-US');
    expect(en.rows[0]).toBe('Enterprises of the jurisdiction (first 2)');
    expect(en.rows.at(-1)).toMatch(/^Only the first 2 enterprises in this sort are exported; more match\. Narrow the list by town/);
    // Exactly at the cap nothing was cut.
    scopeRowCap.rows = 3;
    expect((await sheetRows('?sort=name', 'zh-CN')).rows[0]).toBe('辖区企业一览');
  });

  it('the priority list says how many enterprises it considered when there were more', async () => {
    const priority = async () => (await t.request(county, 'GET', '/api/v1/oversight/county/priority?month=1')).json() as { items: unknown[]; truncatedAt: number | null };
    expect((await priority()).truncatedAt).toBeNull();
    scopeRowCap.rows = 2;
    expect((await priority()).truncatedAt).toBe(2);
  });

  it('the late list names the first enterprises by name and says it was cut', async () => {
    t.clock.set(new Date('2026-11-23T02:00:00.000Z'));
    type Late = { periods: { periodKey: string; items: { name: string }[]; truncatedAt: number | null }[] };
    const late = async () => (await t.request(county, 'GET', '/api/v1/oversight/statistics/late')).json() as Late;
    const full = await late();
    expect(full.periods.length).toBeGreaterThan(0);
    for (const p of full.periods) {
      expect(p.items.map((i) => i.name)).toHaveLength(3);
      expect(p.truncatedAt).toBeNull();
    }
    lateListCap.rows = 2;
    const cut = await late();
    for (const [k, p] of cut.periods.entries()) {
      expect(p.truncatedAt).toBe(2);
      expect(p.items).toEqual(full.periods[k]?.items.slice(0, 2));
    }
  });
});
