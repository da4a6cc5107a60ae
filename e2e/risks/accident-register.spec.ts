import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { fillDate } from '../support/date-field.js';
import { logInAndOpen } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import type { TestServer } from '../support/server.js';

/** Issue 9: an accident registered in the register lifts its post by seed 001 第七条, and the post says why. */
describe.skipIf(shouldSkipBrowser())('accident register: an accident changes the post’s level with the reason', () => {
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

  it('registers a minor-injury accident on the 一般 lathe post, which becomes 较大 by 第七条（二）1', async () => {
    await logInAndOpen(page, server.url, '/accidents', 'safety');
    await page.getByTestId('accidents-page').waitFor();

    await page.getByTestId('create-button').click();
    const drawer = page.locator('.ant-drawer-section').filter({ hasText: '登记事故事件' });
    await drawer.waitFor();
    await fillDate(drawer.getByTestId('accident-date'), '2026-11-10');
    await drawer.getByTestId('accident-post').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '车床/铣床工' }).first().click();
    await drawer.getByTestId('accident-type').click();
    await page.keyboard.type('机械伤害');
    await page.keyboard.press('Enter');
    await drawer.getByTestId('accident-minor').fill('1');
    await drawer.getByTestId('accident-description').fill('车削时铁屑划伤左手，包扎后返岗');
    await drawer.getByTestId('form-save').click();
    await page.getByRole('row').filter({ hasText: '2026-11-10' }).first().waitFor();
    expect(await page.getByRole('row').filter({ hasText: '2026-11-10' }).first().textContent()).toContain('轻伤 1');
    await screenshot(page, 'accident-register');

    // The post: 较大 now, and its risk says which rule did it, with the accident as the reason.
    await page.goto(`${server.url}/org/posts`);
    const row = page.getByRole('row').filter({ hasText: '车床/铣床工' }).first();
    await row.waitFor();
    await row.getByTestId('post-link').click();
    await page.getByTestId('post-level').locator('[data-level="significant"]').waitFor();
    await page.getByTestId('post-risks').locator('.ant-table-row').first().click();
    const basis = page.getByTestId('art7-basis').first();
    await basis.waitFor();
    expect(await basis.textContent()).toContain('第七条（二）1');
    await page.getByRole('button', { name: /评价记录/ }).first().click();
    expect(await page.getByTestId('evaluation-history').first().textContent()).toContain('登记事故：2026-11-10 机械伤害');
    await screenshot(page, 'accident-post-level');
  });
});
