import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../src/domain/enterprise/credit-code.js';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { logIn } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import { clickMenuEntry } from '../support/menu.js';
import { pickRegion } from '../support/region.js';
import type { TestServer } from '../support/server.js';

/** A valid GB 32100 code, different on every run. */
function newCreditCode(): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let tail = '';
  for (let i = 0; i < 6; i++) tail += charset.charAt(Math.floor(Math.random() * charset.length));
  const body = `91370102MA${tail}1`;
  return body + creditCodeCheckChar(body);
}

describe.skipIf(shouldSkipBrowser())('templates: new enterprise → template wizard → posts with coloured levels', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await openJourney());
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('lets the administrator register a new enterprise and enter it', async () => {
    await logIn(page, server.url, 'admin');
    await clickMenuEntry(page, '新建企业');
    await page.waitForURL('**/templates/new-enterprise');
    const form = page.getByTestId('new-enterprise');
    await form.getByLabel('企业名称').fill('齐鲁小型机械配件厂');
    await form.getByLabel('统一社会信用代码').fill(newCreditCode());
    await pickRegion(page, form, '历下区');
    await form.getByLabel('主要负责人', { exact: true }).fill('赵国强');
    await form.getByLabel('地址').fill('济南市历下区工业南路 88 号');
    await form.getByLabel('从业人员数').fill('35');
    await form.getByLabel('营业收入（元）').fill('8000000');
    // The administrator registers the enterprise without its first login here (the journey in e2e/first-hour covers it).
    await form.getByTestId('with-first-login').click();
    await screenshot(page, 'wizard-new-enterprise');
    await form.getByTestId('new-enterprise-save').click();
    await page.waitForURL('**/templates/wizard');
    await page.getByTestId('template-wizard').waitFor();
    await page.getByText('齐鲁小型机械配件厂').first().waitFor();
  });

  it('runs the wizard for machinery with the default ticks', async () => {
    const wizard = page.getByTestId('template-wizard');
    // The enterprise's industry is preselected.
    await wizard.locator('[data-testid="industry-machinery"][aria-checked="true"]').waitFor();
    await screenshot(page, 'wizard-step1-industry');
    await wizard.getByTestId('wizard-next').click();
    const rows = wizard.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(12);
    // Every post ticked by default: no row checkbox left unticked.
    expect(await wizard.locator('tr.ant-table-row input[type="checkbox"]:checked').count()).toBeGreaterThanOrEqual(count);
    expect(await wizard.locator('tr.ant-table-row input[type="checkbox"]:not(:checked)').count()).toBe(0);
    expect(await wizard.locator('.ant-table-tbody [data-level]').count()).toBe(count);
    await screenshot(page, 'wizard-step2-posts');
    await wizard.getByTestId('wizard-next').click();
    await wizard.getByTestId('wizard-apply').waitFor();
    await screenshot(page, 'wizard-step3-confirm');
    await wizard.getByTestId('wizard-apply').click();
    await wizard.getByText('已按模板创建').waitFor({ timeout: 30_000 });
    expect(await wizard.locator('.ant-result-subtitle').textContent()).toMatch(/岗位 \d+ 个，风险 \d+ 条/);
    await screenshot(page, 'wizard-done');
  });

  it('lists the posts with coloured level tags', async () => {
    await page.getByTestId('wizard-to-posts').click();
    await page.waitForURL('**/org/posts');
    await page.getByTestId('posts-page').waitFor();
    await page.locator('.ant-table-row [data-level]').first().waitFor();
    const levels = await page.locator('.ant-table-row [data-level]').evaluateAll((tags) =>
      tags.map((t) => ({ level: t.getAttribute('data-level'), bg: getComputedStyle(t).backgroundColor })),
    );
    expect(levels.length).toBeGreaterThanOrEqual(12);
    // 较大 posts are orange, 一般 yellow: the colours are really painted.
    expect(levels.some((l) => l.level === 'significant' && l.bg === 'rgb(250, 140, 22)')).toBe(true);
    expect(levels.some((l) => l.level === 'general' && l.bg === 'rgb(250, 219, 20)')).toBe(true);
    await screenshot(page, 'wizard-posts-levels');
  });
});
