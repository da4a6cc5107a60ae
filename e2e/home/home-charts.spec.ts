import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { logIn } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import type { TestServer } from '../support/server.js';

type Series = { name: string; data: number[] }[];
const levels = ['major', 'significant', 'general', 'low'] as const;

/** Issue 15 §6–7: the principal's home page draws the indicators' figures, and the calendar's .ics feed parses. */
describe.skipIf(shouldSkipBrowser())('home page charts and the .ics feed', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await openJourney());
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 1000 } });
    page = await context.newPage();
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  const series = async (testId: string): Promise<Series> => {
    const chart = page.getByTestId(testId);
    await chart.and(page.locator('[data-ready="true"]')).waitFor();
    expect(await chart.locator('svg').count()).toBeGreaterThan(0);
    return JSON.parse((await chart.getAttribute('data-series')) ?? '[]') as Series;
  };
  const cells = async (tableId: string, rowAttr: string, figure: string) =>
    page.getByTestId(tableId).locator('tbody tr').evaluateAll(
      (rows, [attr, fig]) => rows.map((r) => [r.getAttribute(attr as string), Number(r.querySelector(`[data-figure="${fig}"]`)?.textContent ?? 'NaN')] as [string, number]),
      [rowAttr, figure],
    );

  it('lands the principal on the home page, whose charts show the indicators’ figures, each linking to its list', async () => {
    await logIn(page, server.url, 'principal');
    await page.waitForURL('**/home');
    const api = context.request;
    // A hazard found today, so this month's bar is not empty.
    const posts = (await (await api.get(`${server.url}/api/v1/posts?limit=200`)).json()).items as { id: string; name: string }[];
    const created = await api.post(`${server.url}/api/v1/hazards`, { data: { description: '砂轮机防护罩缺失', postId: posts[0]?.id, photoIds: [], clientId: 'e2e-home-charts-0001' } });
    expect(created.status(), await created.text()).toBe(201);
    await page.reload();
    await page.getByTestId('home-page').waitFor();

    // Risk levels by post: the chart's series, the table beside it and the risk register's own counts agree.
    const risk = await series('echart-risk');
    const riskRows = await page.getByTestId('table-risk-by-post').locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ post: r.getAttribute('data-post') ?? '', counts: Object.fromEntries([...r.querySelectorAll('[data-level]')].map((c) => [c.getAttribute('data-level'), Number(c.textContent)])) })),
    );
    expect(riskRows.length).toBeGreaterThan(0);
    const overview = (await (await api.get(`${server.url}/api/v1/risk-overview`)).json()) as { countsByLevel: Record<string, number> };
    for (const l of levels) expect(riskRows.reduce((a, r) => a + (r.counts[l] ?? 0), 0)).toBe(overview.countsByLevel[l]);
    const shown = riskRows.slice(0, 15).reverse();
    levels.forEach((l, i) => expect(risk[i]?.data).toEqual(shown.map((r) => r.counts[l])));
    const painter = riskRows.find((r) => r.post === '喷漆工');
    const painterId = posts.find((p) => p.name === '喷漆工')?.id;
    const painterRisks = (await (await api.get(`${server.url}/api/v1/risks?postId=${painterId}&limit=200`)).json()).items as { level: string; status: string }[];
    for (const l of levels) expect(painter?.counts[l]).toBe(painterRisks.filter((r) => r.status === 'accepted' && r.level === l).length);

    // Hazards found and closed: the quarter's months add up to the 16号令 quarterly statistics.
    const hazards = await series('echart-hazards');
    const found = await cells('table-hazards', 'data-month', 'found');
    const closed = await cells('table-hazards', 'data-month', 'closed');
    expect(hazards[0]?.data).toEqual(found.map(([, n]) => n));
    expect(hazards[1]?.data).toEqual(closed.map(([, n]) => n));
    const month = found.at(-1)?.[0] as string;
    const [year, m] = month.split('-').map(Number) as [number, number];
    const quarter = Math.ceil(m / 3);
    const quarterMonths = [0, 1, 2].map((i) => `${year}-${String((quarter - 1) * 3 + 1 + i).padStart(2, '0')}`);
    const stats = (await (await api.get(`${server.url}/api/v1/hazard-statistics?year=${year}&quarter=${quarter}`)).json()) as { found: number; fixed: number };
    const sum = (rows: [string, number][]) => rows.filter(([mm]) => quarterMonths.includes(mm)).reduce((a, [, n]) => a + n, 0);
    expect(sum(found)).toBe(stats.found);
    expect(sum(closed)).toBe(stats.fixed);
    expect(found.at(-1)?.[1]).toBeGreaterThanOrEqual(1);

    // Due this week: each day's bar is that day's due items.
    const week = await series('echart-week');
    const days = await cells('table-week', 'data-day', 'count');
    expect(week[0]?.data).toEqual(days.map(([, n]) => n));
    const weekItems = (await (await api.get(`${server.url}/api/v1/due-items?from=${days[0]?.[0]}T00:00:00%2B08:00&to=${days[6]?.[0]}T23:59:59.999%2B08:00`)).json()).items as { dueAt: string }[];
    const localDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const [day, n] of days) expect(n).toBe(weekItems.filter((i) => localDay(i.dueAt) === day).length);

    // Objectives against target and overdue items: the tables match the charts.
    const objectiveRows = await page.getByTestId('table-objectives').locator('tbody tr').count();
    const objectives = (await (await api.get(`${server.url}/api/v1/ohs-objectives?year=${year}&limit=200`)).json()).items as { name: string; targetValue: number }[];
    expect(objectiveRows).toBe(objectives.length);
    const byNumber = (a: number, b: number) => a - b;
    if (objectiveRows > 0) expect([...((await series('echart-objectives'))[0]?.data ?? [])].sort(byNumber)).toEqual(objectives.map((o) => o.targetValue).sort(byNumber));
    const overdueRows = await cells('table-overdue', 'data-feature', 'count');
    if (overdueRows.length > 0) expect((await series('echart-overdue'))[0]?.data).toEqual(overdueRows.map(([, n]) => n));
    await screenshot(page, 'home-charts');

    // Each chart links to the list behind it.
    await page.getByTestId('chart-hazards-link').click();
    await page.waitForURL('**/hazards');
    await page.goBack();
    await page.getByTestId('home-print').click();
    await page.waitForURL('**/print/monthly-summary');
    await page.getByTestId('monthly-summary-print').waitFor();
    await page.getByTestId('monthly-summary-print').getByTestId('echart-hazards').and(page.locator('[data-ready="true"]')).waitFor();
    expect(Number(await page.locator('.print-sheet').getAttribute('data-scale'))).toBeGreaterThan(0.4);
    await screenshot(page, 'home-monthly-print');
  });

  it('gives the principal an .ics feed from the calendar that parses, with this month’s items', async () => {
    await page.goto(`${server.url}/calendar`);
    await page.getByTestId('calendar-page').waitFor();
    await page.getByTestId('calendar-feed-make').click();
    const urlText = (await page.getByTestId('calendar-feed-url').locator('code').textContent()) ?? '';
    expect(urlText).toMatch(/\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetch(urlText); // no cookie: the secret URL is the key
    expect(res.status).toBe(200);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.summary.length > 0 && e.startDate.isDate)).toBe(true);
    await screenshot(page, 'calendar-month');
  });
});
