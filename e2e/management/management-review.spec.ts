import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { demoEnterpriseDay, fillDate } from '../support/date-field.js';
import { logIn } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import { clickMenuEntry } from '../support/menu.js';
import { ensureWebBuild, type TestServer } from '../support/server.js';
import { apiAs } from '../phone/phone-support.js';

describe.skipIf(shouldSkipBrowser())('management review: the principal reviews the year on inputs filled from the records', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    ensureWebBuild();
    ({ server, browser } = await openJourney());
  });
  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('opens the yearly review, sees the accident and CAPA figures of the records, records two decisions, gets the .docx', async () => {
    const principal = await apiAs(server.url, 'principal');
    // The demo enterprise's day (Asia/Shanghai, UTC+8, no daylight saving): records are dated in it, so from 16:00 UTC
    // a UTC date is yesterday there and the CAPA registered now falls outside a review held "today".
    const today = demoEnterpriseDay();
    const year = today.slice(0, 4);
    // Known data on top of the demo enterprise: a near miss and a nonconformity of this year.
    await principal.post('/api/v1/accidents', { kind: 'near_miss', occurredOn: today, description: '叉车倒车险些撞到行人' });
    await principal.post('/api/v1/capas', { sourceKind: 'other', description: '叉车通道未划线' });
    const accidents = await principal.get<{ accidents: number; nearMisses: number }>(`/api/v1/accident-indicators?since=${year}-01-01&until=${today}`);
    expect(accidents.nearMisses).toBeGreaterThan(0);
    const people = await principal.get<{ items: { name: string }[] }>('/api/v1/people?limit=5');
    const owner = people.items[0]!.name;

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await ctx.newPage();
    await logIn(page, server.url, 'principal');

    await clickMenuEntry(page, '管理评审');
    await page.getByTestId('reviews-page').waitFor();
    await page.getByTestId('review-create').click();
    await fillDate(page.getByTestId('review-held-on'), today);
    await page.getByTestId('review-create-ok').click();
    const drawer = page.getByTestId('review-detail');
    await drawer.getByTestId('review-inputs').waitFor();

    // The inputs are the records' figures: the accident register's and the corrective actions'.
    expect(await drawer.getByTestId('review-input-accidents').textContent()).toContain(`${accidents.accidents} / ${accidents.nearMisses}`);
    expect(await drawer.getByTestId('review-input-capa').textContent()).toMatch(/期间登记 \/ 有效关闭[1-9]\d* \/ \d+/);
    expect(await drawer.getByTestId('review-input-changes').textContent()).toContain('未记录');

    const decisions = [
      { decision: '加强厂内机动车辆管理', measure: '划分人车通道并设置警示标志', deadline: `${Number(year) + 1}-01-31` },
      { decision: '完善未遂事件上报', measure: '每月班组会通报未遂事件', deadline: `${Number(year) + 1}-02-28` },
    ];
    for (const d of decisions) {
      await drawer.getByTestId('decision-text').fill(d.decision);
      await drawer.getByTestId('decision-measure').fill(d.measure);
      await drawer.getByTestId('decision-owner').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: owner }).first().click();
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      await fillDate(drawer.getByTestId('decision-deadline'), d.deadline);
      await drawer.getByTestId('decision-add').click();
      await drawer.getByTestId('review-decisions').getByText(d.measure).waitFor();
    }
    await screenshot(page, 'management-review');

    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('review-docx').click()]);
    const xml = (await (await JSZip.loadAsync(fs.readFileSync((await download.path()) as string))).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const words of [`${year} 年度管理评审报告`, '事故和未遂事件', `${accidents.accidents} / ${accidents.nearMisses}`, ...decisions.flatMap((d) => [d.measure, d.deadline]), owner]) expect(text, words).toContain(words);
    await ctx.close();
  }, 90_000);
});
